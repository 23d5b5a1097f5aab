package dev.repro.pipeline;

import dev.repro.estimate.gmm.GmmFit;
import dev.repro.estimate.gmm.GmmOptions;
import dev.repro.results.CoefficientResult;
import dev.repro.results.ModelResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link GmmFit} as results.json holds it (the estimator knows no results types, so the mapping lives here). */
final class GmmResults {
    private GmmResults() {
    }

    /**
     * Coefficients of the regressors keyed by their canonical terms (z statistics in {@code t}; time dummies are
     * left out, as plm's summary), diagnostics {sargan: {statistic, df, p}, ar1: {statistic, p}, ar2: {statistic, p}},
     * vcov "robust" (one step) or "windmeijer" (two steps), and in info the instrument count, the options and the
     * number of time effects. A statistic plm reports as NaN is left out.
     */
    static ModelResult toModelResult(GmmFit fit, GmmOptions o) {
        Map<String, CoefficientResult> coefs = new LinkedHashMap<>();
        for (int j = 0; j < fit.names().size(); j++) {
            coefs.put(fit.names().get(j), new CoefficientResult(fit.estimate()[j], fit.stdError()[j], fit.z()[j], fit.p()[j]));
        }
        Map<String, Map<String, Object>> diag = new LinkedHashMap<>();
        put(diag, "sargan", fit.sargan());
        put(diag, "ar1", fit.ar1());
        put(diag, "ar2", fit.ar2());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("instruments", fit.instruments());
        info.put("transformation", o.transformation() == GmmOptions.Transformation.D ? "d" : "ld");
        info.put("effect", o.twoways() ? "twoways" : "individual");
        info.put("steps", o.twoSteps() ? 2 : 1);
        info.put("collapse", o.collapse());
        info.put("timeEffects", fit.timeNames().size());
        return new ModelResult(dependentLabel(fit), "gmm", o.twoSteps() ? "windmeijer" : "robust", fit.nobs(), fit.groups(), null,
                null, null, null, null, null, coefs, null, null, diag, info);
    }

    private static String dependentLabel(GmmFit fit) {
        return fit.dependent();
    }

    private static void put(Map<String, Map<String, Object>> diag, String name, GmmFit.Test t) {
        if (t == null || Double.isNaN(t.statistic())) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statistic", t.statistic());
        if (t.df() != null) {
            m.put("df", t.df());
        }
        if (!Double.isNaN(t.p())) {
            m.put("p", t.p());
        }
        diag.put(name, m);
    }
}
