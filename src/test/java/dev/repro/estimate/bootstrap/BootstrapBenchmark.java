package dev.repro.estimate.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark of bench/bootstrap (see bench/bootstrap/README.md): B cluster-bootstrap replications of the
 * two-way fixed-effects regression y ~ x1 + ... + x6 | unit + year on a 30 x 9 panel, units resampled with
 * new ids. Not a unit test; run with
 * {@code java -cp target/classes:target/test-classes:<commons-math3 jar> dev.repro.estimate.bootstrap.BootstrapBenchmark}.
 *
 * <pre>
 *   generate FILE [units] [periods] [seed]      writes the panel as CSV (unit,year,y,x1..x6) for the R comparison
 *   run FILE [replications] [threads] [repeats] times the bootstrap; prints the bootstrap SEs and the timings
 * </pre>
 */
public final class BootstrapBenchmark {
    private static final int K = 6;

    private BootstrapBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: generate FILE [units] [periods] [seed] | run FILE [replications] [threads] [repeats]");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(file, args.length > 2 ? Integer.parseInt(args[2]) : 30, args.length > 3 ? Integer.parseInt(args[3]) : 9,
                    args.length > 4 ? Long.parseLong(args[4]) : 20250521L);
        } else {
            run(file, args.length > 2 ? Integer.parseInt(args[2]) : 5000, args.length > 3 ? Integer.parseInt(args[3]) : 2,
                    args.length > 4 ? Integer.parseInt(args[4]) : 5);
        }
    }

    /** y = sum_k beta_k x_k + a_unit + g_year + e, beta = (1, -0.5, 0.25, 2, 0, -1), x correlated with the effects. */
    static void generate(Path file, int units, int periods, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] beta = {1, -0.5, 0.25, 2, 0, -1};
        double[] a = new double[units];
        double[] g = new double[periods];
        for (int i = 0; i < units; i++) {
            a[i] = r.nextGaussian();
        }
        for (int t = 0; t < periods; t++) {
            g[t] = 0.2 * t + r.nextGaussian() * 0.3;
        }
        StringBuilder sb = new StringBuilder("unit,year,y");
        for (int k = 1; k <= K; k++) {
            sb.append(",x").append(k);
        }
        sb.append('\n');
        for (int i = 0; i < units; i++) {
            for (int t = 0; t < periods; t++) {
                double[] x = new double[K];
                double y = a[i] + g[t] + r.nextGaussian();
                for (int k = 0; k < K; k++) {
                    x[k] = r.nextGaussian() + 0.5 * a[i] + 0.1 * k * g[t];
                    y += beta[k] * x[k];
                }
                sb.append(i + 1).append(',').append(2012 + t).append(',').append(String.format(Locale.ROOT, "%.17g", y));
                for (double v : x) {
                    sb.append(',').append(String.format(Locale.ROOT, "%.17g", v));
                }
                sb.append('\n');
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString());
    }

    static void run(Path file, int replications, int threads, int repeats) throws IOException {
        long t0 = System.nanoTime();
        List<String> lines = Files.readAllLines(file);
        int n = lines.size() - 1;
        double[][] vars = new double[K + 1][n];
        int[] unit = new int[n];
        int[] year = new int[n];
        List<String> unitIds = new ArrayList<>();
        List<String> years = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            if (!unitIds.contains(f[0])) {
                unitIds.add(f[0]);
            }
            if (!years.contains(f[1])) {
                years.add(f[1]);
            }
            unit[i] = unitIds.indexOf(f[0]);
            year[i] = years.indexOf(f[1]);
            for (int k = 0; k <= K; k++) {
                vars[k][i] = Double.parseDouble(f[2 + k]);
            }
        }
        long t1 = System.nanoTime();
        double[] timings = new double[repeats];
        double[][] reps = null;
        double[] setup = new double[repeats];
        for (int rep = 0; rep < repeats; rep++) {
            long s0 = System.nanoTime();
            UnitCrossProducts cp = new UnitCrossProducts(vars, new int[][] {year}, new int[] {years.size()}, unit, unitIds.size(), true);
            int q = cp.columns();
            int[] regs = new int[q - 1];
            for (int k = 0; k < K; k++) {
                regs[k] = k + 1;
            }
            int[] nuis = cp.nuisance();
            System.arraycopy(nuis, 0, regs, K, nuis.length);
            long s1 = System.nanoTime();
            reps = ClusterBootstrap.run(replications, cp.units(), 20250521L, threads, () -> {
                double[] sum = new double[q * q];
                return drawn -> {
                    cp.sum(drawn, sum);
                    return Arrays.copyOf(UnitCrossProducts.solve(sum, q, 0, regs), K);
                };
            });
            long s2 = System.nanoTime();
            setup[rep] = (s1 - s0) / 1e6;
            timings[rep] = (s2 - s0) / 1e6;
        }
        StringBuilder se = new StringBuilder();
        for (int k = 0; k < K; k++) {
            double[] d = new double[replications];
            for (int b = 0; b < replications; b++) {
                d[b] = reps[b][k];
            }
            se.append(String.format(Locale.ROOT, " x%d=%.6f", k + 1, Intervals.se(Intervals.valid(d))));
        }
        System.out.printf(Locale.ROOT, "panel %d units x %d periods, %d regressors + year effects, %d replications, %d threads%n",
                unitIds.size(), years.size(), K, replications, threads);
        System.out.println("bootstrap SEs:" + se);
        System.out.printf(Locale.ROOT, "read CSV %.1f ms; per run (cross products + replicates): first %.1f ms, then", (t1 - t0) / 1e6,
                timings[0]);
        for (int i = 1; i < repeats; i++) {
            System.out.printf(Locale.ROOT, " %.1f", timings[i]);
        }
        double[] sorted = timings.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, " ms; median %.1f ms (cross products %.2f ms)%n", sorted[repeats / 2], setup[repeats - 1]);
    }
}
