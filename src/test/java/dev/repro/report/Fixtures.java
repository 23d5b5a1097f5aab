package dev.repro.report;

import dev.repro.study.Label;

import dev.repro.results.CoefficientResult;
import dev.repro.results.DiagnosticTest;
import dev.repro.results.FisherTest;
import dev.repro.results.GrangerTest;
import dev.repro.results.HausmanTest;
import dev.repro.results.IndexResult;
import dev.repro.results.LlcTest;
import dev.repro.results.MediationEffect;
import dev.repro.results.MediationResult;
import dev.repro.results.ModelResult;
import dev.repro.results.Results;
import dev.repro.results.TestResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Results shaped like the seed paper's tables (numbers as printed there), for the renderer tests. p-values
 * come from the printed t statistics on 29 degrees of freedom (30 provinces, clustered), so the stars
 * must come out as the paper prints them.
 */
final class Fixtures {
    private Fixtures() {
    }

    static final String[] T5_VARS = {"open", "rpc", "ei", "fin", "gdp", "ind", "(Intercept)"};
    /** Table 5: estimates and t statistics per column (NaN: not in the model). */
    static final double[][] T5_EST = {
        {-4937.897, 12502.278, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -64848.367},
        {-4578.674, 12862.790, 30082.499, Double.NaN, Double.NaN, Double.NaN, -70787.002},
        {-4425.266, 13700.884, 26642.149, -1311.652, Double.NaN, Double.NaN, -76300.318},
        {-4136.325, 14928.723, 22054.919, -1286.014, -248.541, Double.NaN, -83649.353},
        {-3641.121, 18179.833, 9532.168, -1171.796, -175.711, -16474.851, -99147.792}};
    static final double[][] T5_T = {
        {-2.43, 2.88, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -2.06},
        {-2.48, 3.06, 1.32, Double.NaN, Double.NaN, Double.NaN, -2.24},
        {-2.41, 3.33, 1.17, -2.44, Double.NaN, Double.NaN, -2.45},
        {-2.14, 3.75, 0.90, -2.40, -0.70, Double.NaN, -2.81},
        {-1.82, 4.34, 0.33, -2.38, -0.48, -1.78, -3.31}};
    static final double[] T5_R2 = {0.199, 0.218, 0.223, 0.225, 0.245};

    static CoefficientResult coef(double est, double t, double df) {
        double p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
        return new CoefficientResult(est, est / t, t, p);
    }

    static ModelResult model(String dep, Map<String, CoefficientResult> coefs, int nobs, Integer groups, Double r2w,
                             String vcov, List<String> absorbed, Map<String, DiagnosticTest> diag, String estimator) {
        return new ModelResult(dep, estimator, vcov, nobs, groups, groups, r2w, null, null, null, null, coefs, null,
                absorbed, diag, null);
    }

    static Results table5() {
        Map<String, ModelResult> models = new LinkedHashMap<>();
        for (int j = 0; j < 5; j++) {
            Map<String, CoefficientResult> c = new LinkedHashMap<>();
            for (int i = 0; i < T5_VARS.length; i++) {
                if (!Double.isNaN(T5_EST[j][i])) {
                    c.put(T5_VARS[i], coef(T5_EST[j][i], T5_T[j][i], 29));
                }
            }
            models.put("m" + (j + 1), model("ce", c, 270, 30, T5_R2[j], "cluster(province)", List.of("province", "year"), null, "fe"));
        }
        Map<String, TestResult> tests = new LinkedHashMap<>();
        tests.put("haus", HausmanTest.of(49.94, 3, 8.2e-11));
        tests.put("llc_ce", LlcTest.of("ce", -5.927, 1.2e-9));
        tests.put("llc_open", LlcTest.of("open", -6.8251, 4.4e-12));
        tests.put("fpp_ce", FisherTest.of(FisherTest.PP, "ce", 146.1922, 0.0, null, null, null));
        tests.put("fpp_open", FisherTest.of(FisherTest.PP, "open", 114.2671, 0.0, null, null, null));
        tests.put("fadf_ce", FisherTest.of(FisherTest.ADF, "ce", 3.199, 0.0007, -3.13, -3.43, 5.11));
        tests.put("fadf_open", FisherTest.of(FisherTest.ADF, "open", 170.293, 0.0, -7.13, -8.43, 10.11));
        tests.put("dh", new GrangerTest("open", "ce", GrangerTest.KIND, 1, 5.0576, 15.4509, 0.0, 3.8737, 0.0001, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null));
        Map<String, CoefficientResult> g = new LinkedHashMap<>();
        g.put("L(ce, 1)", new CoefficientResult(0.937, 0.937 / 34.16, 34.16, 1e-30));
        g.put("open", new CoefficientResult(-4534.617, 4534.617 / 2.23, -2.23, 0.026));
        Map<String, DiagnosticTest> diag = new LinkedHashMap<>();
        diag.put("sargan", new DiagnosticTest(27.58, 25, 0.328));
        diag.put("ar1", new DiagnosticTest(-4.24, null, 0.00002));
        diag.put("ar2", new DiagnosticTest(1.92, null, 0.055));
        models.put("gmm", model("ce", g, 240, 30, null, "windmeijer", null, diag, "gmm"));
        Map<String, MediationResult> med = new LinkedHashMap<>();
        med.put("quality", mediation("open", "quality", "ce", 0.04, 0.036, 17105.47, 0.028, -4912.93, 0.049, -5618.78, 0.027,
                684.22, 255.1, 236.4, 1257.9));
        med.put("tech", mediation("open", "tech", "ce", 16.38, 0.56, -7.67, 0.022, -4912.93, 0.049, -4787.24, 0.055,
                -125.69, 159.2, -470.3, 142.0));
        IndexResult open = new IndexResult("entropy", 270, List.of("province", "year", "open"), null,
                Map.of("weights", weights()), List.of());
        return new Results(models, tests, med, Map.of("open", open));
    }

    static MediationResult mediation(String x, String m, String y, double a, double pa, double b, double pb, double c,
                                     double pc, double cp, double pcp, double ind, double se, double lo, double hi) {
        MediationEffect indirect = new MediationEffect(ind, null, null, null, null, se, null, lo, hi, null, null, null);
        return new MediationResult(x, m, null, y, null, null, effect(a, pa), effect(b, pb), null, null, null, null, null,
                effect(c, pc), effect(cp, pcp), indirect, null, null, null, null, null, null, 0.95, 1000, null, "percentile",
                null, 20250521L, null, null);
    }

    /** A regression coefficient known only by its estimate and p-value, as a paper prints it. */
    private static CoefficientResult effect(double estimate, double p) {
        return new CoefficientResult(estimate, Double.NaN, Double.NaN, p);
    }

    static List<Map<String, Object>> weights() {
        String sy = "China Statistical Yearbook";
        String ty = "China Trade and Foreign Economic Statistical Yearbook";
        return List.of(
                w("Scale of foreign investment (SC)", "Number of foreign-funded enterprises", sy, 0.0497),
                w("Scale of foreign investment (SC)", "Registered capital", sy, 0.0467),
                w("Scale of foreign investment (SC)", "Total foreign investment", sy, 0.0461),
                w("External communication (COM)", "Persons in labour service cooperation abroad", ty, 0.0800),
                w("External communication (COM)", "Number of foreign contracts", ty, 0.0763),
                w("External communication (COM)", "International tourism revenue", ty, 0.0310),
                w("Business environment (ENV)", "Foreign trade dependence", sy, 0.0380),
                w("Business environment (ENV)", "Government investment in science and technology", sy, 0.0640),
                w("Business environment (ENV)", "Free trade zone (0/1)", sy, 0.5681));
    }

    private static Map<String, Object> w(String g, String i, String s, double wt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", g);
        m.put("indicator", i);
        m.put("source", s);
        m.put("weight", wt);
        return m;
    }

    static Map<String, Label> labels() {
        Map<String, Label> l = new LinkedHashMap<>();
        l.put("ce", Label.plain("Ce"));
        l.put("open", Label.plain("Open"));
        l.put("rpc", Label.plain("Rpc"));
        l.put("ei", Label.plain("Ei"));
        l.put("fin", Label.plain("Fin"));
        l.put("gdp", Label.plain("Gdp"));
        l.put("ind", Label.plain("Ind"));
        l.put("quality", Label.plain("Quality"));
        l.put("tech", Label.plain("Tech"));
        l.put("province", Label.plain("province"));
        l.put("L(ce, 1)", Label.raw("L$_1$.Ce", "L1.Ce"));
        return l;
    }
}
