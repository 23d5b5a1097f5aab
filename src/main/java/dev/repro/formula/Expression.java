package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An expression for a derived column: {@code + - * / ^}, unary minus, numbers, columns, {@code log},
 * {@code exp}, {@code sqrt}, {@code abs}, {@code L(x, k)}, {@code D(x, k)} and
 * {@code ifelse(condition, a, b)} with the comparisons of sample filters. Missing values propagate and a
 * non-finite result (such as a division by zero) is missing, as in Stata. Immutable.
 */
public final class Expression {
    private final String text;
    private final Term term;

    private Expression(String text, Term term) {
        this.text = text;
        this.term = term;
    }

    public static Expression parse(String text) throws FormulaException {
        Objects.requireNonNull(text, "text");
        return new Expression(text, Parser.expression(text));
    }

    /** Parses an expression, reporting a mistake at {@code site} instead of throwing. */
    public static Optional<Expression> parse(String text, Located site, Problems problems) {
        try {
            return Optional.of(parse(text));
        } catch (FormulaException e) {
            problems.add(e.problem().toProblem(site));
            return Optional.empty();
        }
    }

    public String text() {
        return text;
    }

    public Term term() {
        return term;
    }

    /** The canonical text. */
    public String label() {
        return term.label();
    }

    public Set<String> columns() {
        return term.columns();
    }

    /** Unknown columns, text used as numbers, lags on a dataset that is no panel. */
    public List<TextProblem> check(Dataset data) {
        Checker c = new Checker("expression", "expression", text, false, data);
        c.numeric(term, "text columns can only be compared, as in ifelse(state == 'AL', 1, 0)");
        return List.copyOf(c.problems());
    }

    public boolean check(Dataset data, Located site, Problems problems) {
        List<TextProblem> found = check(data);
        found.forEach(p -> problems.add(p.toProblem(site)));
        return found.isEmpty();
    }

    /** The value on every row of the dataset, or empty after reporting a mistake. */
    public Optional<double[]> evaluate(Dataset data, Located site, Problems problems) {
        if (!check(data, site, problems)) {
            return Optional.empty();
        }
        Evaluator ev = new Evaluator(data, site, problems);
        double[] v = ev.values(term);
        return ev.failed() ? Optional.empty() : Optional.of(v);
    }

    /** The value as a new column named {@code name}, or empty after reporting a mistake. */
    public Optional<NumericColumn> column(String name, Dataset data, Located site, Problems problems) {
        return evaluate(data, site, problems).map(v -> new NumericColumn(name, v));
    }

    @Override
    public String toString() {
        return label();
    }
}
