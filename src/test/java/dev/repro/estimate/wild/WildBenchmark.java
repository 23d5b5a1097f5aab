package dev.repro.estimate.wild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark of bench/wild (see bench/wild/README.md): the wild cluster restricted bootstrap of x5 (true coefficient 0) in
 * y ~ x1 + ... + x6 | unit + year on the 30 x 9 panel of bench/bootstrap, clustered by unit, Webb weights, B draws,
 * with the confidence interval by test inversion. Not a unit test; run with
 * {@code java -cp target/classes:target/test-classes:<commons-math3 jar> dev.repro.estimate.wild.WildBenchmark FILE B threads repeats}.
 */
public final class WildBenchmark {
    private static final int K = 6;
    /** x5, whose true coefficient is 0 (bench/bootstrap's data), so that the p-value is not trivially 0. */
    private static final int TESTED = 4;

    private WildBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int draws = args.length > 1 ? Integer.parseInt(args[1]) : 99_999;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<String> lines = Files.readAllLines(file);
        int n = lines.size() - 1;
        List<String> units = new ArrayList<>();
        List<String> years = new ArrayList<>();
        double[] y = new double[n];
        double[][] x6 = new double[K][n];
        int[] unit = new int[n];
        int[] year = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            if (!units.contains(f[0])) {
                units.add(f[0]);
            }
            if (!years.contains(f[1])) {
                years.add(f[1]);
            }
            unit[i] = units.indexOf(f[0]);
            year[i] = years.indexOf(f[1]);
            y[i] = Double.parseDouble(f[2]);
            for (int k = 0; k < K; k++) {
                x6[k][i] = Double.parseDouble(f[3 + k]);
            }
        }
        // the full design: x1..x6, the unit dummies and the year dummies but the first (the unit dummies span the constant)
        int cols = K + units.size() + years.size() - 1;
        double[][] x = new double[cols][];
        System.arraycopy(x6, 0, x, 0, K);
        for (int u = 0; u < units.size(); u++) {
            x[K + u] = new double[n];
        }
        for (int t = 1; t < years.size(); t++) {
            x[K + units.size() + t - 1] = new double[n];
        }
        for (int i = 0; i < n; i++) {
            x[K + unit[i]][i] = 1;
            if (year[i] > 0) {
                x[K + units.size() + year[i] - 1][i] = 1;
            }
        }
        WildProblem p = new WildProblem(y, x, TESTED, unit, units.size(), WildWeights.WEBB, draws, 20261206L, 0.95, threads);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            WildResult res = WildBootstrap.run(p);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: %d draws, %d thread(s): %.1f ms  p=%.5f pEqualTailed=%.5f ci=[%.6f, %.6f]%n",
                    r + 1, res.draws(), threads, (t1 - t0) / 1e6, res.p(), res.pEqualTailed(), res.ciLow(), res.ciHigh());
        }
    }
}
