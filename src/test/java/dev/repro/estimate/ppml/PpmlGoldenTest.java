package dev.repro.estimate.ppml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PPML against R's glm(family = poisson) with the effects as factor dummies and sandwich's covariances
 * (src/test/golden/ppml/golden.R) on held-in flows with one separated exporter: coefficients and standard errors
 * within 1e-8 (relative), for no, one and two absorbed effects and iid, hc1, cluster and two-way cluster.
 */
class PpmlGoldenTest {
    static final double TOL = 1e-8;

    /** The columns of flows.csv: ex, im, year, ldist, open, flow. */
    static double[][] flows() {
        List<String> lines = lines("/ppml/flows.csv");
        double[][] cols = new double[6][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",");
            for (int c = 0; c < 6; c++) {
                cols[c][r - 1] = Double.parseDouble(f[c]);
            }
        }
        return cols;
    }

    static List<String> lines(String resource) {
        try (InputStream in = PpmlGoldenTest.class.getResourceAsStream(resource)) {
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Effect effect(String name, double[] v) {
        int[] codes = new int[v.length];
        int levels = 0;
        for (int i = 0; i < v.length; i++) {
            codes[i] = (int) v[i] - 1;
            levels = Math.max(levels, codes[i] + 1);
        }
        return new Effect(name, codes, levels);
    }

    static double[] keep(double[] v, double[] ex, boolean pooled) {
        if (!pooled) {
            return v;
        }
        return IntStream.range(0, v.length).filter(i -> ex[i] != 12).mapToDouble(i -> v[i]).toArray();
    }

    static PpmlFit fit(String kase, String vcov) {
        double[][] d = flows();
        boolean pooled = kase.equals("pooled");
        double[] ex = keep(d[0], d[0], pooled);
        double[] im = keep(d[1], d[0], pooled);
        Effect exE = effect("ex", ex);
        Effect imE = effect("im", im);
        List<Effect> absorb = switch (kase) {
            case "pooled" -> List.of();
            case "ex" -> List.of(exE);
            default -> List.of(exE, imE);
        };
        Covariance cov = switch (vcov) {
            case "iid" -> Covariance.iid();
            case "hc1" -> Covariance.hc1();
            case "cluster_ex" -> Covariance.cluster(exE);
            default -> Covariance.cluster(exE, imE);
        };
        double[][] x = {keep(d[3], d[0], pooled), keep(d[4], d[0], pooled)};
        return Ppml.fit(new PpmlProblem("flow", keep(d[5], d[0], pooled), List.of("ldist", "open"), x, absorb, cov));
    }

    @Test
    void coefficientsAndStandardErrorsMatchGlmWithDummies() {
        int compared = 0;
        for (String row : lines("/ppml/golden.csv").subList(1, lines("/ppml/golden.csv").size())) {
            String[] f = row.split(",", -1);
            if (f[1].equals("info")) {
                continue;
            }
            PpmlFit fit = fit(f[0], f[1]);
            PpmlFit.Coefficient c = fit.coefficients().stream().filter(k -> k.term().equals(f[2])).findFirst().orElseThrow();
            String what = f[0] + "/" + f[1] + "/" + f[2];
            assertEquals(Double.parseDouble(f[3]), c.estimate(), TOL * Math.abs(Double.parseDouble(f[3])), what + " estimate");
            assertEquals(Double.parseDouble(f[4]), c.stdError(), TOL * Double.parseDouble(f[4]), what + " stdError");
            assertEquals(c.estimate() / c.stdError(), c.z(), 1e-12 * Math.abs(c.z()));
            compared++;
        }
        assertEquals(28, compared);
    }

    @Test
    void separatedExporterIsDroppedAndDevianceMatches() {
        PpmlFit fit = fit("ex+im", "iid");
        assertEquals(Map.of("ex", 20), fit.separated());
        assertEquals(220, fit.nobs());
        for (String row : lines("/ppml/golden.csv")) {
            String[] f = row.split(",", -1);
            if (f[1].equals("info") && f[2].equals("deviance")) {
                assertEquals(Double.parseDouble(f[3]), fit.deviance(), 1e-8 * Double.parseDouble(f[3]));
            } else if (f[1].equals("info") && f[2].equals("logLik")) {
                assertEquals(Double.parseDouble(f[3]), fit.logLikelihood(), 1e-8 * Math.abs(Double.parseDouble(f[3])));
            }
        }
        assertTrue(fit.pseudoR2() > 0 && fit.pseudoR2() < 1, "pseudo R2 " + fit.pseudoR2());
    }
}
