package dev.repro.formula;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code y ~ x1 + x2 | fe1 + fe2^fe3}: the dependent term, the regressors in order (lag ranges already
 * expanded) and the absorbed effects, each a list of columns whose combination is one effect.
 * Without absorbed effects the model is pooled OLS with a constant.
 */
public record Formula(String text, Term dependent, List<Term> regressors, List<List<String>> absorbed) {
    public Formula {
        Objects.requireNonNull(dependent, "dependent");
        regressors = List.copyOf(regressors);
        absorbed = absorbed.stream().map(List::copyOf).toList();
    }

    public static Formula parse(String text) throws FormulaException {
        return new FormulaParser(text).formula();
    }

    /** Every column the formula reads, in order of appearance. */
    public Set<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        dependent.columns(out);
        regressors.forEach(t -> t.columns(out));
        absorbed.forEach(out::addAll);
        return out;
    }

    public boolean usesPanel() {
        return dependent.usesPanel() || regressors.stream().anyMatch(Term::usesPanel);
    }

    /** Display name of an absorbed effect: its columns joined by '^'. */
    public static String effectName(List<String> parts) {
        return String.join("^", parts);
    }
}
