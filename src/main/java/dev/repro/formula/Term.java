package dev.repro.formula;

import java.util.Objects;
import java.util.Set;

/**
 * One term of a formula: a column, {@code log(t)}, {@code L(t, k)} (lag k within the panel unit) or
 * {@code D(t)} (first difference within the panel unit). {@link #label()} is the canonical text used as the
 * coefficient key: no spaces but one after each comma, e.g. {@code L(log(sales), 1)}.
 */
public sealed interface Term permits Term.Var, Term.Log, Term.Lag, Term.Diff {
    String label();

    /** The dataset columns the term reads. */
    void columns(Set<String> into);

    /** Whether the term needs the panel structure (a lag or a difference). */
    boolean usesPanel();

    record Var(String name) implements Term {
        public Var {
            Objects.requireNonNull(name);
        }

        public String label() {
            return name;
        }

        public void columns(Set<String> into) {
            into.add(name);
        }

        public boolean usesPanel() {
            return false;
        }
    }

    record Log(Term inner) implements Term {
        public String label() {
            return "log(" + inner.label() + ")";
        }

        public void columns(Set<String> into) {
            inner.columns(into);
        }

        public boolean usesPanel() {
            return inner.usesPanel();
        }
    }

    record Lag(Term inner, int k) implements Term {
        public Lag {
            if (k < 0) {
                throw new IllegalArgumentException("lag must be >= 0");
            }
        }

        public String label() {
            return "L(" + inner.label() + ", " + k + ")";
        }

        public void columns(Set<String> into) {
            inner.columns(into);
        }

        public boolean usesPanel() {
            return k > 0 || inner.usesPanel();
        }
    }

    record Diff(Term inner, int k) implements Term {
        public Diff {
            if (k < 1) {
                throw new IllegalArgumentException("difference order must be >= 1");
            }
        }

        public String label() {
            return k == 1 ? "D(" + inner.label() + ")" : "D(" + inner.label() + ", " + k + ")";
        }

        public void columns(Set<String> into) {
            inner.columns(into);
        }

        public boolean usesPanel() {
            return true;
        }
    }
}
