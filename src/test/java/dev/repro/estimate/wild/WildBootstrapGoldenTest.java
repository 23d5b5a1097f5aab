package dev.repro.estimate.wild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The O(G^2) algebra against a refit per draw (src/test/golden/wild/wild.R, written from Roodman et al. 2019) under
 * full enumeration of the 2^10 Rademacher draws, unweighted and weighted (the reference refits lm(weights = w) per
 * draw): p-values exactly, interval ends at a relative 1e-10; random draws independent of the thread count.
 */
class WildBootstrapGoldenTest {
    /** Columns of panel.csv: id, year, x1, x2, y, w. */
    static double[][] panel() {
        List<String> lines = lines("/wild/panel.csv");
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
        try (InputStream in = WildBootstrapGoldenTest.class.getResourceAsStream(resource)) {
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

    static Map<String, Double> golden(String kase) {
        Map<String, Double> out = new HashMap<>();
        for (String l : lines("/wild/golden.csv")) {
            String[] f = l.split(",");
            if (f[0].equals(kase)) {
                out.put(f[1], Double.parseDouble(f[2]));
            }
        }
        return out;
    }

    /** The design: x1, x2, then the dummies of every id and of years 2..T (twfe), or x1, x2 and a constant (pooled). */
    static WildProblem problem(boolean twfe, int term, WildWeights weights, int replications, int threads) {
        double[][] d = panel();
        int n = d[0].length;
        List<double[]> cols = new ArrayList<>(List.of(d[2], d[3]));
        if (twfe) {
            for (int g = 1; g <= 10; g++) {
                cols.add(dummy(d[0], g));
            }
            for (int t = 2; t <= 5; t++) {
                cols.add(dummy(d[1], t));
            }
        } else {
            cols.add(dummy(new double[n], 0));
        }
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = (int) d[0][i] - 1;
        }
        return new WildProblem(d[4], cols.toArray(double[][]::new), term, cluster, 10, weights, replications, 42L, 0.95, threads);
    }

    static double[] dummy(double[] v, int level) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] == level ? 1 : 0;
        }
        return out;
    }

    static void check(String kase, WildResult r) {
        Map<String, Double> g = golden(kase);
        assertEquals(g.get("p"), r.p(), 0.0, kase + " p");
        assertEquals(g.get("pEqualTailed"), r.pEqualTailed(), 0.0, kase + " pEqualTailed");
        assertEquals(g.get("ciLow"), r.ciLow(), 1e-10 * Math.abs(g.get("ciLow")), kase + " ciLow");
        assertEquals(g.get("ciHigh"), r.ciHigh(), 1e-10 * Math.abs(g.get("ciHigh")), kase + " ciHigh");
        assertEquals(1024, r.draws());
        assertTrue(r.enumerated());
    }

    @Test
    void twoWayFixedEffectsEnumeratedMatchesTheRefits() {
        check("twfe_x1", WildBootstrap.run(problem(true, 0, WildWeights.RADEMACHER, 9999, 1)));
    }

    @Test
    void pooledEnumeratedMatchesTheRefits() {
        check("pooled_x2", WildBootstrap.run(problem(false, 1, WildWeights.RADEMACHER, 1024, 3)));
    }

    /** The same problem weighted by panel.csv's column w. */
    static WildProblem weighted(WildProblem p, double scale) {
        double[] w = panel()[5].clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
        return new WildProblem(p.y(), p.x(), p.term(), p.cluster(), p.clusters(), p.weights(), p.replications(), p.seed(), p.level(),
                p.threads(), w);
    }

    @Test
    void weightedTwoWayFixedEffectsEnumeratedMatchesTheWeightedRefits() {
        check("twfe_x1_weighted", WildBootstrap.run(weighted(problem(true, 0, WildWeights.RADEMACHER, 9999, 2), 1.0)));
    }

    @Test
    void weightedPooledEnumeratedMatchesTheWeightedRefits() {
        check("pooled_x2_weighted", WildBootstrap.run(weighted(problem(false, 1, WildWeights.RADEMACHER, 1024, 1), 1.0)));
    }

    @Test
    void theScaleOfTheWeightsCancelsAndUnitWeightsAreTheUnweightedModel() {
        WildResult weighted = WildBootstrap.run(weighted(problem(false, 1, WildWeights.RADEMACHER, 1024, 1), 1.0));
        WildResult scaled = WildBootstrap.run(weighted(problem(false, 1, WildWeights.RADEMACHER, 1024, 1), 37.5));
        assertEquals(weighted.p(), scaled.p(), 0.0);
        assertEquals(weighted.ciLow(), scaled.ciLow(), 1e-10 * Math.abs(weighted.ciLow()));
        assertEquals(weighted.ciHigh(), scaled.ciHigh(), 1e-10 * Math.abs(weighted.ciHigh()));
        WildProblem plain = problem(false, 1, WildWeights.RADEMACHER, 1024, 1);
        double[] ones = new double[plain.y().length];
        Arrays.fill(ones, 1.0);
        check("pooled_x2", WildBootstrap.run(new WildProblem(plain.y(), plain.x(), 1, plain.cluster(), 10, WildWeights.RADEMACHER, 1024,
                42L, 0.95, 1, ones)));
    }

    @Test
    void weightedRandomDrawsDoNotDependOnThreads() {
        WildResult one = WildBootstrap.run(weighted(problem(true, 0, WildWeights.WEBB, 3000, 1), 1.0));
        WildResult four = WildBootstrap.run(weighted(problem(true, 0, WildWeights.WEBB, 3000, 4), 1.0));
        assertEquals(one, four);
        assertEquals(golden("twfe_x1_weighted").get("p"), one.p(), 0.02, "close to the exact enumerated value");
    }

    @Test
    void aWeightThatIsNotPositiveIsRefused() {
        WildProblem p = problem(false, 1, WildWeights.RADEMACHER, 999, 1);
        double[] w = new double[p.y().length];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WildProblem(p.y(), p.x(), 1, p.cluster(), 10,
                WildWeights.RADEMACHER, 999, 1, 0.95, 1, w));
        assertEquals("weights must be positive and finite; found 0.0", e.getMessage());
    }

    @Test
    void randomDrawsDoNotDependOnThreadsAndApproachTheExactValue() {
        for (WildWeights w : List.of(WildWeights.WEBB, WildWeights.MAMMEN)) {
            WildResult one = WildBootstrap.run(problem(true, 0, w, 5000, 1));
            WildResult four = WildBootstrap.run(problem(true, 0, w, 5000, 4));
            assertEquals(one, four, w.word());
            assertEquals(5000, one.draws());
            assertEquals(false, one.enumerated());
        }
        WildResult rademacher = WildBootstrap.run(problem(true, 0, WildWeights.RADEMACHER, 1023, 2));
        assertEquals(0.03125, rademacher.p(), 0.02, "1023 < 2^10: drawn, close to the exact 0.03125");
    }

    @Test
    void oneClusterIsRefused() {
        WildProblem p = problem(false, 1, WildWeights.RADEMACHER, 999, 1);
        WildException e = assertThrows(WildException.class, () -> WildBootstrap.run(new WildProblem(p.y(), p.x(), 1,
                new int[p.y().length], 1, WildWeights.RADEMACHER, 999, 1, 0.95, 1)));
        assertEquals("the wild cluster bootstrap needs at least 2 clusters; found 1", e.getMessage());
    }
}
