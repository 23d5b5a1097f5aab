package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A row filter such as {@code year <= 2018 and coastal == 1}: comparisons and {@code in} lists joined by
 * {@code and}, {@code or}, {@code not} and parentheses. A row is kept when the condition is true; a
 * comparison with a missing cell is unknown, so such rows are dropped unless another part of an
 * {@code or} is true. Immutable.
 */
public final class SampleFilter {
    private final String text;
    private final Condition condition;

    private SampleFilter(String text, Condition condition) {
        this.text = text;
        this.condition = condition;
    }

    public static SampleFilter parse(String text) throws FormulaException {
        Objects.requireNonNull(text, "text");
        return new SampleFilter(text, Parser.sample(text));
    }

    /** Parses a filter, reporting a mistake at {@code site} instead of throwing. */
    public static Optional<SampleFilter> parse(String text, Located site, Problems problems) {
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

    public Condition condition() {
        return condition;
    }

    /** The canonical text. */
    public String label() {
        return condition.label();
    }

    public Set<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        Walk.columns(condition, out);
        return out;
    }

    /** Unknown columns, text compared with numbers, lags on a dataset that is no panel. */
    public List<TextProblem> check(Dataset data) {
        Checker c = new Checker("sample", "sample filter", text, false, data);
        c.condition(condition);
        return List.copyOf(c.problems());
    }

    public boolean check(Dataset data, Located site, Problems problems) {
        List<TextProblem> found = check(data);
        found.forEach(p -> problems.add(p.toProblem(site)));
        return found.isEmpty();
    }

    /** The kept rows, or empty after reporting a mistake (checked first, then evaluated). */
    public Optional<boolean[]> select(Dataset data, Located site, Problems problems) {
        if (!check(data, site, problems)) {
            return Optional.empty();
        }
        Evaluator ev = new Evaluator(data, site, problems);
        boolean[] keep = ev.select(condition);
        return ev.failed() ? Optional.empty() : Optional.of(keep);
    }

    @Override
    public String toString() {
        return label();
    }
}
