package dev.repro.estimate.wild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published boottest example on Stata's nlsw88 (src/test/golden/wild/nlsw88-PROVENANCE.md): {@code regress wage tenure
 * ttl_exp collgrad, cluster(industry)} then {@code boottest tenure}, as printed in boottest's unit-test log (droodman/boottest
 * commit a67e4f2, "unit tests.log" lines 329-335): t(11) = 1.0772, Prob&gt;|t| = 0.2843, 95% confidence set [-.03531, .1968].
 *
 * <p>boottest drew 999 Rademacher vectors at random (Stata's generator), so its p-value and interval carry Monte Carlo
 * error; with 12 clusters our 4096 enumerated draws give the exact values. The checks: the exact p-value lies within two
 * Monte Carlo standard errors of 999 draws, sqrt(p (1 - p) / 999), of the printed one; and at each printed end of the
 * interval the exact p-value lies within two such standard errors of 0.05 (the interval is where p = 0.05, and p is flat
 * there: the exact ends are -0.03731 and 0.16604, and p stays within 0.006 of 0.05 from 0.15 to 0.197). The t statistic
 * and the exact values themselves are checked through the pipeline (WildPublishedExamplePipelineTest) and against
 * wild.R's refits (golden case nlsw88_tenure).
 */
class WildPublishedExampleTest {
    private static final double PRINTED_P = 0.2843;
    private static final double PRINTED_LOW = -0.03531;
    private static final double PRINTED_HIGH = 0.1968;
    private static final int PRINTED_DRAWS = 999;

    /** wage, then the design tenure, ttl_exp, collgrad, constant, and the industry codes 0..11; complete rows only. */
    private record Data(double[] wage, double[][] x, int[] industry) {
    }

    private static Data data() {
        List<String> lines = WildBootstrapGoldenTest.lines("/wild/nlsw88.csv");
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (Arrays.stream(f).anyMatch(String::isEmpty)) {
                continue; // a missing value: regress (and boottest after it) drops the row
            }
            rows.add(Arrays.stream(f).mapToDouble(Double::parseDouble).toArray());
        }
        int n = rows.size();
        double[] wage = new double[n];
        double[][] x = new double[4][n];
        int[] industry = new int[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            wage[i] = r[1];
            x[0][i] = r[2];
            x[1][i] = r[3];
            x[2][i] = r[4];
            x[3][i] = 1;
            industry[i] = (int) r[5] - 1;
        }
        return new Data(wage, x, industry);
    }

    /** The exact symmetric p-value of H0: tenure = beta0, as the test of 0 on wage - beta0 tenure. */
    private static WildResult test(Data d, double beta0) {
        double[] y = d.wage().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] -= beta0 * d.x()[0][i];
        }
        return WildBootstrap.run(new WildProblem(y, d.x(), 0, d.industry(), 12, WildWeights.RADEMACHER, 9999, 1L, 0.95, 2));
    }

    private static double monteCarloSe(double p) {
        return Math.sqrt(p * (1 - p) / PRINTED_DRAWS);
    }

    @Test
    void theExactPValueAgreesWithThePrintedOneWithinMonteCarloError() {
        Data d = data();
        assertEquals(2217, d.wage().length, "2246 rows less those without tenure or industry");
        WildResult r = test(d, 0);
        assertEquals(4096, r.draws());
        assertTrue(r.enumerated());
        assertEquals(1192.0 / 4096, r.p(), 0.0, "exact: 1192 of the 4096 sign vectors");
        assertEquals(PRINTED_P, r.p(), 2 * monteCarloSe(r.p()));
    }

    @Test
    void thePrintedIntervalEndsAreWhereTheExactPValueIsFivePercentWithinMonteCarloError() {
        Data d = data();
        for (double end : new double[] {PRINTED_LOW, PRINTED_HIGH}) {
            double p = test(d, end).p();
            assertEquals(0.05, p, 2 * monteCarloSe(0.05), "exact p at the printed end " + end);
        }
    }
}
