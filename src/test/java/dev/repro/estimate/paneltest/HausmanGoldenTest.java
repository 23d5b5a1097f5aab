package dev.repro.estimate.paneltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hausman tests against R plm 2.6.2's phtest (golden_hausman.csv from golden.R) on Grunfeld, Produc, EmplUK
 * (unbalanced), Cigar and an unbalanced Cigar: the contrast test (statistic signed, p of |H| as plm), the
 * generalized-inverse variant (equal to it when V_b - V_B has full rank), and the regression-based test with
 * the iid and the cluster-robust (vcovHC arellano HC0) covariance. Cases with a V_b - V_B that is not positive
 * definite must be flagged.
 */
class HausmanGoldenTest {
    /** Relative tolerance (brief: 1e-6). */
    static final double TOL = 1e-6;

    static Stream<Golden.Row> cases() {
        return Golden.rows("golden_hausman.csv").stream();
    }

    static void close(String what, double actual, double expected, Golden.Row r) {
        assertTrue(Golden.rel(actual, expected, 1e-300) <= TOL,
                () -> what + ": " + actual + " vs R " + expected + " in " + r);
    }

    static HausmanResult run(Golden.Row r, Hausman.Variant v, Hausman.AuxVcov vc) {
        Golden.Panel p = Golden.panel(r.s("panel"));
        String[] f = r.s("formula").split("~");
        List<String> names = new ArrayList<>();
        for (String t : f[1].split("\\+")) {
            names.add(t.trim());
        }
        double[][] x = new double[names.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = p.values(names.get(j));
        }
        String dep = f[0].trim();
        return Hausman.panel(dep, p.values(dep), names, x, p.unit(), p.units(), v, vc, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void contrastMatchesPhtest(Golden.Row r) {
        HausmanResult h = run(r, Hausman.Variant.CHISQ, null);
        close("statistic", h.statistic(), r.d("statistic"), r);
        assertEquals(r.i("df"), h.df());
        close("p", h.p(), r.d("p"), r);
        double[] fe = r.list("fe");
        double[] re = r.list("re");
        for (int j = 0; j < fe.length; j++) {
            close("b - B [" + j + "]", h.difference()[j], fe[j] - re[j], r);
        }
        boolean pd = r.d("minEigen") > 0;
        assertEquals(pd, h.positiveDefinite(), "positive definite flag " + r);
        assertEquals(pd && h.statistic() >= 0, h.valid(), "warnings " + h.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generalizedEqualsContrastAtFullRank(Golden.Row r) {
        HausmanResult h = run(r, Hausman.Variant.GENERALIZED, null);
        close("statistic", h.statistic(), r.d("statistic"), r);
        assertEquals(r.i("df"), h.df());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void regressionMatchesPhtestAux(Golden.Row r) {
        HausmanResult iid = run(r, Hausman.Variant.REGRESSION, Hausman.AuxVcov.IID);
        close("aux statistic", iid.statistic(), r.d("auxStatistic"), r);
        close("aux p", iid.p(), r.d("auxP"), r);
        assertEquals(r.i("df"), iid.df());
        HausmanResult rob = run(r, Hausman.Variant.REGRESSION, Hausman.AuxVcov.CLUSTER);
        close("robust statistic", rob.statistic(), r.d("robustStatistic"), r);
        close("robust p", rob.p(), r.d("robustP"), r);
    }
}
