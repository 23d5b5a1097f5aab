package dev.repro.study;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How far a result may move from the baseline before {@code check} fails: |now - baseline| must be at most
 * {@code absolute + relative * |baseline|}. Rules give other bounds to the items whose path matches a
 * pattern ({@code *} stands for any text, dots included); the first matching rule wins. {@code stars} are
 * the significance levels whose crossing fails the check even inside the tolerance.
 * Defaults: relative 1e-6, absolute 1e-9, stars 0.10 / 0.05 / 0.01.
 */
public record Tolerance(double relative, double absolute, List<Rule> rules, List<Double> stars) {
    public static final List<Double> DEFAULT_STARS = List.of(0.10, 0.05, 0.01);
    public static final Tolerance DEFAULT = new Tolerance(1e-6, 1e-9, List.of(), DEFAULT_STARS);

    public Tolerance {
        check(relative, absolute);
        rules = List.copyOf(rules);
        stars = List.copyOf(stars);
        for (double s : stars) {
            if (!(s > 0 && s < 1)) {
                throw new IllegalArgumentException("star levels lie strictly between 0 and 1");
            }
        }
    }

    public Tolerance(double relative, double absolute) {
        this(relative, absolute, List.of(), DEFAULT_STARS);
    }

    private static void check(double relative, double absolute) {
        if (!(relative >= 0) || !(absolute >= 0) || Double.isInfinite(relative) || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("tolerances must be finite and >= 0");
        }
    }

    /** A bound for the items whose path matches {@code match}. */
    public record Rule(String match, double relative, double absolute) {
        public Rule {
            Objects.requireNonNull(match, "match");
            check(relative, absolute);
        }

        boolean matches(String item) {
            return Pattern.matches(Pattern.quote(match).replace("*", "\\E.*\\Q"), item);
        }
    }

    /** The largest allowed |now - baseline| for an item. */
    public double bound(String item, double baseline) {
        for (Rule r : rules) {
            if (r.matches(item)) {
                return r.absolute() + r.relative() * Math.abs(baseline);
            }
        }
        return absolute + relative * Math.abs(baseline);
    }

    /** Number of stars a p-value earns: one for each level it is strictly below. */
    public int starsOf(double p) {
        int n = 0;
        for (double s : stars) {
            if (p < s) {
                n++;
            }
        }
        return n;
    }
}
