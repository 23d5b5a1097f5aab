package dev.repro.estimate.ppml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Separation by the regressors (src/test/golden/ppml/separation.R): in separation.csv, x2 - x1 is 0 wherever y &gt; 0
 * and 1 on six observations with y = 0, so glm on the full data runs off (x2 about -18 and growing). The ReLU method
 * must find exactly those six, drop them, omit x2 (collinear with x1 on the rest) and then agree with glm on the
 * non-separated subset at 1e-8, with and without an absorbed effect.
 */
class PpmlSeparationGoldenTest {
    /** The columns of separation.csv: g, x1, x2, x3, y. */
    static double[][] data() {
        List<String> lines = PpmlGoldenTest.lines("/ppml/separation.csv");
        double[][] cols = new double[5][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",");
            for (int c = 0; c < 5; c++) {
                cols[c][r - 1] = Double.parseDouble(f[c]);
            }
        }
        return cols;
    }

    static PpmlFit fit(String kase, String vcov) {
        double[][] d = data();
        Effect g = PpmlGoldenTest.effect("g", d[0]);
        List<Effect> absorb = kase.equals("pooled") ? List.of() : List.of(g);
        Covariance cov = switch (vcov) {
            case "iid" -> Covariance.iid();
            case "hc1" -> Covariance.hc1();
            default -> Covariance.cluster(g);
        };
        return Ppml.fit(new PpmlProblem("y", d[4], List.of("x1", "x2", "x3"), new double[][] {d[1], d[2], d[3]}, absorb, cov));
    }

    @Test
    void separatedObservationsAreDroppedAndTheRestMatchesGlm() {
        List<String> rows = PpmlGoldenTest.lines("/ppml/separation-golden.csv");
        int compared = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            if (f[0].equals("evidence")) {
                continue;
            }
            PpmlFit fit = fit(f[0], f[1]);
            assertEquals(6, fit.separatedByRegressors());
            assertEquals(Map.of(), fit.separated());
            assertEquals(74, fit.nobs());
            assertEquals(List.of("x2"), fit.omitted());
            PpmlFit.Coefficient c = fit.coefficients().stream().filter(k -> k.term().equals(f[2])).findFirst().orElseThrow();
            String what = f[0] + "/" + f[1] + "/" + f[2];
            assertEquals(Double.parseDouble(f[3]), c.estimate(), 1e-8 * Math.abs(Double.parseDouble(f[3])), what + " estimate");
            assertEquals(Double.parseDouble(f[4]), c.stdError(), 1e-8 * Double.parseDouble(f[4]), what + " stdError");
            compared++;
        }
        assertEquals(12, compared);
    }

    @Test
    void theFullDataDivergeInGlm() {
        String x2 = PpmlGoldenTest.lines("/ppml/separation-golden.csv").stream().filter(l -> l.startsWith("evidence,full_glm_x2"))
                .findFirst().orElseThrow().split(",")[3];
        assertTrue(Math.abs(Double.parseDouble(x2)) > 10, "glm's x2 on the separated data: " + x2);
    }

    @Test
    void withoutSeparationNothingIsDroppedByTheRegressors() {
        double[][] d = data();
        double[] y = d[4].clone();
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] == 0 && d[2][i] != d[1][i] ? 1 : y[i];
        }
        PpmlFit fit = Ppml.fit(new PpmlProblem("y", y, List.of("x1", "x2", "x3"), new double[][] {d[1], d[2], d[3]}, List.of(),
                Covariance.iid()));
        assertEquals(0, fit.separatedByRegressors());
        assertEquals(List.of(), fit.omitted());
        assertEquals(80, fit.nobs());
    }

    @Test
    void aDummyThatIsOneOnlyWhereTheOutcomeIsZeroSeparatesItsRows() {
        double[][] d = data();
        double[] dummy = new double[d[4].length];
        int expected = 0;
        for (int i = 0; i < dummy.length; i++) {
            dummy[i] = d[4][i] == 0 && i % 2 == 0 ? 1 : 0;
            expected += (int) dummy[i];
        }
        PpmlFit fit = Ppml.fit(new PpmlProblem("y", d[4], List.of("x1", "x3", "dummy"), new double[][] {d[1], d[3], dummy},
                List.of(PpmlGoldenTest.effect("g", d[0])), Covariance.iid()));
        assertEquals(expected, fit.separatedByRegressors());
        assertEquals(List.of("dummy"), fit.omitted());
        assertThrows(PpmlException.class, () -> Ppml.fit(new PpmlProblem("y", d[4], List.of("x1", "x1again"),
                new double[][] {d[1], d[1]}, List.of(), Covariance.iid())));
    }
}
