package dev.repro.estimate.ppml;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark of bench/ppml (see bench/ppml/README.md): a gravity-style PPML fit, flow ~ x1 + x2 + x3 | ex + im,
 * clustered by exporter, on generated flows with zeros. Not a unit test; run with
 * {@code java -cp target/classes:target/test-classes:<commons-math3 jar> dev.repro.estimate.ppml.PpmlBenchmark}.
 *
 * <pre>
 *   generate FILE [rows] [exporters] [importers] [seed]   writes ex,im,x1,x2,x3,flow as CSV (for the R comparison)
 *   run FILE [repeats]                                     times Ppml.fit; prints the coefficients and standard errors
 * </pre>
 */
public final class PpmlBenchmark {
    private PpmlBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(file, args.length > 2 ? Integer.parseInt(args[2]) : 50_000, args.length > 3 ? Integer.parseInt(args[3]) : 100,
                    args.length > 4 ? Integer.parseInt(args[4]) : 50, args.length > 5 ? Long.parseLong(args[5]) : 20261207L);
        } else {
            run(file, args.length > 2 ? Integer.parseInt(args[2]) : 5);
        }
    }

    /** flow ~ Poisson(exp(0.5 - 0.8 x1 + 0.3 x2 + 0.1 x3 + a_ex + b_im)) times a gamma-like scale, about a third zeros. */
    static void generate(Path file, int rows, int exporters, int importers, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[exporters];
        double[] b = new double[importers];
        for (int i = 0; i < exporters; i++) {
            a[i] = r.nextGaussian() * 0.8 - 0.5;
        }
        for (int j = 0; j < importers; j++) {
            b[j] = r.nextGaussian() * 0.6;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("ex,im,x1,x2,x3,flow\n");
            for (int k = 0; k < rows; k++) {
                int ex = r.nextInt(exporters);
                int im = r.nextInt(importers);
                double x1 = r.nextGaussian() * 0.5 + 1;
                double x2 = r.nextInt(3) == 0 ? 1 : 0;
                double x3 = r.nextGaussian() + 0.2 * a[ex];
                double mu = Math.exp(0.5 - 0.8 * x1 + 0.3 * x2 + 0.1 * x3 + a[ex] + b[im]);
                double flow = poisson(r, mu) * (0.5 + r.nextDouble());
                w.write(String.format(Locale.ROOT, "%d,%d,%.6f,%.0f,%.6f,%.6f%n", ex + 1, im + 1, x1, x2, x3, flow));
            }
        }
    }

    private static int poisson(SplittableRandom r, double mu) {
        double limit = Math.exp(-mu);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    static void run(Path file, int repeats) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int n = lines.size() - 1;
        int[] ex = new int[n];
        int[] im = new int[n];
        double[][] x = new double[3][n];
        double[] y = new double[n];
        int exL = 0;
        int imL = 0;
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            ex[i] = Integer.parseInt(f[0]) - 1;
            im[i] = Integer.parseInt(f[1]) - 1;
            exL = Math.max(exL, ex[i] + 1);
            imL = Math.max(imL, im[i] + 1);
            for (int k = 0; k < 3; k++) {
                x[k][i] = Double.parseDouble(f[2 + k]);
            }
            y[i] = Double.parseDouble(f[5]);
        }
        Effect exE = new Effect("ex", ex, exL);
        Effect imE = new Effect("im", im, imL);
        PpmlProblem p = new PpmlProblem("flow", y, List.of("x1", "x2", "x3"), x, List.of(exE, imE), Covariance.cluster(exE));
        for (int rep = 0; rep < repeats; rep++) {
            long t0 = System.nanoTime();
            PpmlFit fit = Ppml.fit(p);
            long t1 = System.nanoTime();
            StringBuilder sb = new StringBuilder();
            for (PpmlFit.Coefficient c : fit.coefficients()) {
                sb.append(String.format(Locale.ROOT, " %s=%.10f (%.10f)", c.term(), c.estimate(), c.stdError()));
            }
            System.out.printf(Locale.ROOT, "run %d: n=%d, %d IRLS iterations: %.1f ms;%s%n", rep + 1, fit.nobs(), fit.iterations(),
                    (t1 - t0) / 1e6, sb);
        }
    }
}
