package dev.repro.pipeline;

import dev.repro.diag.Problems;
import dev.repro.results.CoefficientResult;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The statistics of an estimated model that could not be computed (null in results.json) and the likeliest
 * reason, so that estimation can fail with a located message instead of printing a table of blanks (or, in
 * older versions, of zeros with three stars).
 */
final class NotComputed {
    /** Beyond this magnitude a value's square overflows a double (sqrt of 1.8e308 is about 1.3e154). */
    private static final double SQUARE_OVERFLOW = 1e154;
    private static final int LISTED = 6;

    private NotComputed() {
    }

    /**
     * A model with a statistic that could not be computed fails at its study key, saying which and why, unless
     * it says {@code allowMissing: true}: then the statistics stay null (n/a in every table) with a warning.
     * {@code withR2}: the estimator reports R-squared (GMM does not), so a null one counts as not computed.
     */
    static ModelResult reported(ModelSpec m, ModelResult r, String reason, boolean withR2, Problems problems, List<String> warnings) {
        return reported(m, r, () -> reason, withR2, problems, warnings);
    }

    /**
     * As above with the reason worked out only when a statistic is missing: {@link #reason} reads every value of the
     * frame, tens of milliseconds of memory traffic at millions of rows that a model with every statistic does not need.
     */
    static ModelResult reported(ModelSpec m, ModelResult r, Supplier<String> reason, boolean withR2, Problems problems,
                                List<String> warnings) {
        List<String> missing = statistics(r, withR2);
        if (missing.isEmpty()) {
            return r;
        }
        String what = "could not compute " + list(missing) + " (" + reason.get() + ")";
        if (m.allowMissing()) {
            warnings.add("models." + m.name() + ": " + what + "; kept as null (allowMissing: true), shown as n/a");
            return r;
        }
        problems.add(m.at().problem(what + "; fix the data or the formula, or set allowMissing: true on the model "
                + "to keep them as null (n/a in tables)"));
        return null;
    }

    /** The results.json keys of the model's statistics that are null: coefficients' four numbers, R-squared. */
    static List<String> statistics(ModelResult r, boolean withR2) {
        List<String> out = new ArrayList<>();
        for (var e : r.coefficients().entrySet()) {
            CoefficientResult c = e.getValue();
            String k = "coefficients." + e.getKey() + ".";
            add(out, k + "estimate", c.estimate());
            add(out, k + "stdError", c.stdError());
            add(out, k + "t", c.t());
            add(out, k + "p", c.p());
        }
        if (withR2) {
            if (r.r2() == null) {
                out.add("r2");
            }
            if (r.adjR2() == null) {
                out.add("adjR2");
            }
        }
        return out;
    }

    private static void add(List<String> out, String key, double v) {
        if (!Double.isFinite(v)) {
            out.add(key);
        }
    }

    /** "coefficients.x.estimate, r2 and 3 more". */
    static String list(List<String> keys) {
        if (keys.size() <= LISTED) {
            return String.join(", ", keys);
        }
        return String.join(", ", keys.subList(0, LISTED)) + " and " + (keys.size() - LISTED) + " more";
    }

    /**
     * Why the frame gives no finite estimates: a value that is not finite (an overflow such as exp() of a large
     * number), a value whose square overflows, too few observations, or else a singular cross-product matrix.
     */
    static String reason(ModelInputs.Frame f) {
        String bad = extreme(f.dependent(), f.y());
        for (int j = 0; bad == null && j < f.x().length; j++) {
            bad = extreme(f.names().get(j), f.x()[j]);
        }
        if (bad != null) {
            return bad;
        }
        int k = f.x().length;
        if (f.nobs() <= k) {
            return "too few observations: " + f.nobs() + " for " + k + " regressors";
        }
        return "the cross-product matrix is singular or too ill-conditioned to invert";
    }

    private static String extreme(String name, double[] values) {
        for (double v : values) {
            if (Double.isInfinite(v)) {
                return "overflow: '" + name + "' has a value that is not finite (" + v + "), e.g. exp() of a large number";
            }
            if (Math.abs(v) > SQUARE_OVERFLOW) {
                return "overflow: '" + name + "' has the value " + String.format(Locale.ROOT, "%.6g", v)
                        + ", whose square exceeds the largest double; rescale the column";
            }
        }
        return null;
    }
}
