package dev.repro.pipeline;

import dev.repro.estimate.gmm.GmmFit;
import dev.repro.estimate.gmm.GmmOptions;
import dev.repro.results.CoefficientResult;
import dev.repro.results.DiagnosticTest;
import dev.repro.results.GmmInfo;
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
        Map<String, DiagnosticTest> diag = new LinkedHashMap<>();
        put(diag, "sargan", fit.sargan());
        put(diag, "ar1", fit.ar1());
        put(diag, "ar2", fit.ar2());
        GmmInfo info = new GmmInfo(fit.instruments(), o.transformation() == GmmOptions.Transformation.D ? "d" : "ld",
                o.twoways() ? "twoways" : "individual", o.twoSteps() ? 2 : 1, o.collapse(), fit.timeNames().size());
        return new ModelResult(dependentLabel(fit), "gmm", o.twoSteps() ? "windmeijer" : "robust", fit.nobs(), fit.groups(), null,
                null, null, null, null, null, coefs, null, null, diag, info);
    }

    private static String dependentLabel(GmmFit fit) {
        return fit.dependent();
    }

    private static void put(Map<String, DiagnosticTest> diag, String name, GmmFit.Test t) {
        if (t == null || Double.isNaN(t.statistic())) {
            return;
        }
        diag.put(name, new DiagnosticTest(t.statistic(), t.df(), t.p()));
    }
}
