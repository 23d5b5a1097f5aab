package dev.repro.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The third part of an instrumental-variables formula, {@code y ~ exog | fe | endog1 + endog2 ~ z1 + z2} (fixest's
 * syntax): the endogenous regressors, left of its {@code ~}, and the excluded instruments, right of it. Both are plain
 * numeric terms (lag ranges expanded); the grammar has checked that there are at least as many instruments as
 * endogenous regressors and that no term is also an exogenous regressor or the dependent variable. Immutable.
 *
 * @param position character of the part's first term in the formula
 */
public record Instruments(List<Term> endogenous, List<Term> instruments, int position) {
    public Instruments {
        endogenous = List.copyOf(Objects.requireNonNull(endogenous, "endogenous"));
        instruments = List.copyOf(Objects.requireNonNull(instruments, "instruments"));
        if (endogenous.isEmpty() || instruments.size() < endogenous.size()) {
            throw new IllegalArgumentException("at least one endogenous regressor and as many instruments are needed");
        }
    }

    /** The canonical labels of the endogenous regressors: their coefficient keys. */
    public List<String> endogenousLabels() {
        return labels(endogenous);
    }

    /** The canonical labels of the excluded instruments. */
    public List<String> instrumentLabels() {
        return labels(instruments);
    }

    /** {@code endog1 + endog2 ~ z1 + z2}. */
    public String label() {
        return String.join(" + ", endogenousLabels()) + " ~ " + String.join(" + ", instrumentLabels());
    }

    private static List<String> labels(List<Term> terms) {
        List<String> out = new ArrayList<>(terms.size());
        terms.forEach(t -> out.add(t.label()));
        return out;
    }
}
