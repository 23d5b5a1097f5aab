package dev.repro.formula;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One part of a formula's right-hand side, before the data says how many columns it gives: a numeric term
 * or a product of numeric terms ({@code x}, {@code x:z}), or a factor ({@code i(region)}, {@code factor(region)},
 * {@code i(year, treated, ref = 2015)}, {@code i(region):x}) that gives one column per level. Immutable.
 */
public sealed interface Regressor permits Regressor.Numeric, Regressor.Factor {

    /** The canonical text; for a factor, the prefix of its coefficient keys ({@code i(year)::2018}). */
    String label();

    /** 0-based position in the formula text, or -1. */
    int position();

    /** Every column it reads, in order of first appearance. */
    Set<String> columns();

    /** True when a term uses L or D. */
    boolean usesPanel();

    /**
     * A numeric term, or the product {@code x:z} of several (one column).
     *
     * @param terms the factors of the product, at least one
     */
    record Numeric(List<Term> terms, int position) implements Regressor {
        public Numeric {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("a regressor needs a term");
            }
        }

        public Numeric(Term term) {
            this(List.of(term), term.position());
        }

        @Override
        public String label() {
            return Factor.product(terms);
        }

        /** True for one plain term (no product). */
        public boolean isTerm() {
            return terms.size() == 1;
        }

        @Override
        public Set<String> columns() {
            Set<String> out = new LinkedHashSet<>();
            terms.forEach(t -> out.addAll(t.columns()));
            return out;
        }

        @Override
        public boolean usesPanel() {
            return terms.stream().anyMatch(Term::usesPanel);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Numeric n && n.label().equals(label());
        }

        @Override
        public int hashCode() {
            return label().hashCode();
        }
    }

    /** Which level of a factor is left out. */
    enum Reference {
        /** The first level in sorted order (numbers ascending, text by code point), as R's factor(). */
        FIRST,
        /** The level written after {@code ref =}. */
        GIVEN,
        /** None: every level gets a coefficient (slopes by level, as fixest's {@code i(f, x)}). */
        NONE
    }

    /**
     * A factor: one dummy per level of {@code column} (times the product {@code slope} when given).
     *
     * @param column the categorical column (numbers or text)
     * @param slope numeric terms multiplying each dummy (empty for plain dummies)
     * @param reference which level is left out
     * @param ref the level after {@code ref =}: a {@link Double} or a {@link String}; null unless GIVEN
     */
    record Factor(String column, List<Term> slope, Reference reference, Object ref, int position) implements Regressor {
        public Factor {
            Objects.requireNonNull(column, "column");
            slope = List.copyOf(slope);
            Objects.requireNonNull(reference, "reference");
            if ((reference == Reference.GIVEN) != (ref != null) || (ref != null && !(ref instanceof Double || ref instanceof String))) {
                throw new IllegalArgumentException("ref must be a number or text exactly when the reference is GIVEN");
            }
        }

        /** {@code i(col)}, {@code i(col, x:z)}, {@code i(col, x, ref = 2015)}, {@code i(col, ref = 'north')}. */
        @Override
        public String label() {
            StringBuilder sb = new StringBuilder("i(").append(Texts.name(column));
            if (!slope.isEmpty()) {
                sb.append(", ").append(product(slope));
            }
            if (reference == Reference.GIVEN) {
                sb.append(", ref = ").append(refText(ref));
            }
            return sb.append(')').toString();
        }

        /** The coefficient key of one level: {@code i(year, treated, ref = 2015)::2018}. */
        public String key(String level) {
            return label() + "::" + level;
        }

        @Override
        public Set<String> columns() {
            Set<String> out = new LinkedHashSet<>();
            out.add(column);
            slope.forEach(t -> out.addAll(t.columns()));
            return out;
        }

        @Override
        public boolean usesPanel() {
            return slope.stream().anyMatch(Term::usesPanel);
        }

        /** The same factor multiplied by more terms, keeping its reference (for {@code i(f):x} and {@code i(f)*x}). */
        Factor times(List<Term> more, Reference newReference) {
            List<Term> s = new ArrayList<>(slope);
            s.addAll(more);
            return new Factor(column, s, newReference, newReference == Reference.GIVEN ? ref : null, position);
        }

        static String refText(Object ref) {
            return ref instanceof Double d ? Texts.number(d) : Texts.quote((String) ref);
        }

        static String product(List<Term> terms) {
            StringBuilder sb = new StringBuilder();
            for (Term t : terms) {
                if (!sb.isEmpty()) {
                    sb.append(':');
                }
                sb.append(Labels.wrap(t, Labels.ATOM));
            }
            return sb.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Factor f && f.label().equals(label()) && f.reference == reference;
        }

        @Override
        public int hashCode() {
            return label().hashCode();
        }
    }
}
