package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A model formula {@code y ~ x1 + L(x2, 1:2) + log(x3) | fe1 + region^year}, parsed and validated at
 * construction. Lag ranges are expanded ({@code L(y, 1:2)} gives {@code L(y, 1)} and {@code L(y, 2)});
 * without {@code |} the model is pooled OLS with a constant. Regressor labels are canonical: they are the
 * coefficient keys of results.json ({@code L(log(sales),1)} is written {@code L(log(sales), 1)}).
 * Immutable.
 */
public final class Formula {
    private final String text;
    private final Term dependent;
    private final List<Regressor> parts;
    private final List<AbsorbedEffect> absorbed;
    /** The instruments part {@code | endog ~ z}, or null. */
    private final Instruments instruments;

    Formula(String text, Term dependent, List<Regressor> parts, List<AbsorbedEffect> absorbed) {
        this(text, dependent, parts, absorbed, null);
    }

    Formula(String text, Term dependent, List<Regressor> parts, List<AbsorbedEffect> absorbed, Instruments instruments) {
        this.text = Objects.requireNonNull(text, "text");
        this.dependent = Objects.requireNonNull(dependent, "dependent");
        this.parts = List.copyOf(parts);
        this.absorbed = List.copyOf(absorbed);
        this.instruments = instruments;
        if (this.parts.isEmpty() && instruments == null) {
            throw new IllegalArgumentException("a formula needs at least one regressor");
        }
    }

    /**
     * Parses a formula; a mistake is a {@link FormulaException} pointing at the offending character. An instruments
     * part ({@code | endog ~ z}) is refused here: only the IV estimator takes one ({@link #parseWithInstruments}).
     */
    public static Formula parse(String text) throws FormulaException {
        return Parser.formula(Objects.requireNonNull(text, "text"), false);
    }

    /** Parses a formula that may end with an instruments part {@code | endog ~ z1 + z2} (the IV estimator). */
    public static Formula parseWithInstruments(String text) throws FormulaException {
        return Parser.formula(Objects.requireNonNull(text, "text"), true);
    }

    /** As {@link #parseWithInstruments(String)}, reporting a mistake at {@code site} instead of throwing. */
    public static Optional<Formula> parseWithInstruments(String text, Located site, Problems problems) {
        try {
            return Optional.of(parseWithInstruments(text));
        } catch (FormulaException e) {
            problems.add(e.problem().toProblem(site));
            return Optional.empty();
        }
    }

    /** The instruments part, or empty when the formula has none. */
    public Optional<Instruments> instruments() {
        return Optional.ofNullable(instruments);
    }

    /**
     * The right-hand side as the model frame evaluates it: the exogenous parts, then (for an IV formula) each
     * endogenous regressor and each excluded instrument as one numeric column, in that order.
     */
    List<Regressor> designParts() {
        if (instruments == null) {
            return parts;
        }
        List<Regressor> out = new ArrayList<>(parts);
        instruments.endogenous().forEach(t -> out.add(new Regressor.Numeric(t)));
        instruments.instruments().forEach(t -> out.add(new Regressor.Numeric(t)));
        return out;
    }

    /** Parses a formula, reporting a mistake at {@code site} instead of throwing. */
    public static Optional<Formula> parse(String text, Located site, Problems problems) {
        try {
            return Optional.of(parse(text));
        } catch (FormulaException e) {
            problems.add(e.problem().toProblem(site));
            return Optional.empty();
        }
    }

    /**
     * Parses a list of formula terms joined by {@code +} (such as a GMM instrument list
     * {@code L(log(sales), 2:4)}), expanding lag ranges; {@code what} names the text in messages.
     */
    public static List<Term> parseTerms(String text, String what) throws FormulaException {
        return Parser.termList(Objects.requireNonNull(text, "text"), Objects.requireNonNull(what, "what"));
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    public Term dependent() {
        return dependent;
    }

    /**
     * The regressors in formula order, lag ranges expanded, when every one is a plain term (see {@link #isPlain()});
     * an estimator that takes terms only calls this after checking.
     *
     * @throws IllegalStateException when the formula has a factor or a product {@code x:z}
     */
    public List<Term> regressors() {
        if (!isPlain()) {
            throw new IllegalStateException("the formula has factors or products: " + text);
        }
        List<Term> out = new ArrayList<>(parts.size());
        for (Regressor r : parts) {
            out.add(((Regressor.Numeric) r).terms().get(0));
        }
        return out;
    }

    /** The right-hand side in formula order: terms, products {@code x:z} and factors, {@code *} expanded. */
    public List<Regressor> parts() {
        return parts;
    }

    /** True when every regressor is one numeric term (no factor, no product). */
    public boolean isPlain() {
        return parts.stream().allMatch(r -> r instanceof Regressor.Numeric n && n.isTerm());
    }

    /**
     * The canonical labels of the right-hand side: the coefficient keys of terms and products; a factor gives its
     * prefix ({@code i(year)}), its keys being {@code i(year)::2018} per level.
     */
    public List<String> regressorLabels() {
        List<String> out = new ArrayList<>(parts.size());
        for (Regressor r : parts) {
            out.add(r.label());
        }
        return out;
    }

    /** The absorbed effects after {@code |} (empty for a pooled model). */
    public List<AbsorbedEffect> absorbed() {
        return absorbed;
    }

    /** True without {@code |}: pooled OLS with a constant. */
    public boolean isPooled() {
        return absorbed.isEmpty();
    }

    /** True when a term uses L or D (the dataset must be a panel). */
    public boolean usesPanel() {
        if (dependent.usesPanel()) {
            return true;
        }
        for (Regressor t : designParts()) {
            if (t.usesPanel()) {
                return true;
            }
        }
        return false;
    }

    /** Every column the formula reads, in order of first appearance. */
    public Set<String> columns() {
        Set<String> out = new LinkedHashSet<>(dependent.columns());
        for (Regressor t : parts) {
            out.addAll(t.columns());
        }
        for (AbsorbedEffect e : absorbed) {
            out.addAll(e.columns());
        }
        if (instruments != null) {
            instruments.endogenous().forEach(t -> out.addAll(t.columns()));
            instruments.instruments().forEach(t -> out.addAll(t.columns()));
        }
        return out;
    }

    /** The canonical formula: {@code y ~ x1 + L(x2, 1) | state + region^year}. */
    public String label() {
        StringBuilder sb = new StringBuilder(dependent.label()).append(" ~ ");
        sb.append(parts.isEmpty() ? "1" : String.join(" + ", regressorLabels()));
        if (!absorbed.isEmpty()) {
            sb.append(" | ");
            for (int i = 0; i < absorbed.size(); i++) {
                sb.append(i == 0 ? "" : " + ").append(absorbed.get(i).label());
            }
        }
        if (instruments != null) {
            sb.append(" | ").append(instruments.label());
        }
        return sb.toString();
    }

    /**
     * The mistakes of this formula against a dataset: unknown columns (with the closest name), text
     * columns used as numbers, L or D on a dataset that is no panel.
     */
    public List<TextProblem> check(Dataset data) {
        Checker c = new Checker("formula", "formula", text, true, data);
        c.numeric(dependent, "the dependent variable must be numeric");
        for (Regressor r : parts) {
            if (r instanceof Regressor.Numeric n) {
                n.terms().forEach(t -> c.numeric(t, textHint(t)));
            } else if (r instanceof Regressor.Factor f) {
                c.anyColumn(f.column(), Math.max(0, r.position()));
                f.slope().forEach(t -> c.numeric(t, "a factor's slope must be numeric; interact two factors as one absorbed effect a^b after '|'"));
            }
        }
        if (instruments != null) {
            instruments.endogenous().forEach(t -> c.numeric(t, "an endogenous regressor must be numeric"));
            instruments.instruments().forEach(t -> c.numeric(t, "an instrument must be numeric"));
        }
        for (AbsorbedEffect e : absorbed) {
            int pos = e.position();
            for (String col : e.columns()) {
                c.anyColumn(col, columnPosition(col, pos));
            }
        }
        return List.copyOf(c.problems());
    }

    /** Checks against a dataset, reporting at {@code site}; true when there is no mistake. */
    public boolean check(Dataset data, Located site, Problems problems) {
        List<TextProblem> found = check(data);
        found.forEach(p -> problems.add(p.toProblem(site)));
        return found.isEmpty();
    }

    /** The fix for a text column used as a number: a factor or an absorbed effect. */
    private static String textHint(Term t) {
        String factor = t instanceof Term.Variable v ? "i(" + v.label() + ")" : "i(column)";
        return "write " + factor + " for one dummy per category, or absorb it as a fixed effect after '|'";
    }

    /** Where a column of an absorbed effect starting at {@code from} is written. */
    private int columnPosition(String column, int from) {
        if (from < 0) {
            return 0;
        }
        String plain = Texts.name(column);
        int at = text.indexOf(plain, from);
        return at < 0 ? from : at;
    }

    @Override
    public String toString() {
        return label();
    }
}
