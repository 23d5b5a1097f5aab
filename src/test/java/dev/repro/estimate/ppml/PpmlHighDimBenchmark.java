package dev.repro.estimate.ppml;

import dev.repro.estimate.linear.Coefficient;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.numeric.Effect;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The 5-million-row benchmark of bench/ppml (see bench/ppml/README.md): the data of bench/linear's
 * {@code HighDimBenchmark generate} (same seed, same draws in the same order, values rounded to the 6 decimals of its
 * CSV, so the columns are those its file holds) with a count outcome added from a second random stream, and in one JVM
 * both fits of the same design: PPML {@code count ~ x1 + x2 | product + regionyear} and the linear
 * {@code y ~ x1 + x2 | product + regionyear}, each clustered by product. Not a unit test; run with
 * {@code java -Xmx3g -cp target/classes:target/test-classes:<commons-math3 jar> dev.repro.estimate.ppml.PpmlHighDimBenchmark
 * [rows] [products] [regionyears] [repeats] [both|linear|ppml]}; "linear" or "ppml" fits that model only, so that
 * the process's peak memory is the data's plus that fit's.
 *
 * <p>count ~ Poisson(exp(0.5 (x1 - 0.5 x2 + a_product + g_regionyear))): the linear model's index without its error,
 * halved so that the counts stay small (mean about 2, about a third zeros); the true PPML slopes are 0.5 and -0.25.
 */
public final class PpmlHighDimBenchmark {
    private PpmlHighDimBenchmark() {
    }

    /** The columns of the linear benchmark's file plus the count. */
    record Data(double[] y, double[] x1, double[] x2, int[] product, int[] regionYear, double[] count, int products, int regionYears) {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int regionYears = args.length > 2 ? Integer.parseInt(args[2]) : 2_700;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String which = args.length > 4 ? args[4] : "both"; // both | linear | ppml (one fit per JVM, for its peak memory)
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long g0 = System.nanoTime();
        Data d = generate(rows, products, regionYears, 20250101L);
        System.out.printf(Locale.ROOT, "generated %d rows, %d products, %d region-years in %.2f s; count: mean %.3f, zeros %.1f%%%n",
                rows, products, regionYears, (System.nanoTime() - g0) / 1e9, mean(d.count()), 100 * zeroShare(d.count()));
        Effect product = new Effect("product", d.product(), d.products());
        Effect regionYear = new Effect("regionyear", d.regionYear(), d.regionYears());
        for (int rep = 1; rep <= repeats; rep++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            LinearFit lin = which.equals("ppml") ? null : LinearModel.fit(new LinearProblem("y", d.y(), List.of("x1", "x2"),
                    new double[][] {d.x1(), d.x2()}, List.of(product, regionYear), Covariance.cluster(product),
                    LinearOptions.defaults().withThreads(1)));
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            PpmlFit ppml = which.equals("linear") ? null : Ppml.fit(new PpmlProblem("count", d.count(), List.of("x1", "x2"),
                    new double[][] {d.x1(), d.x2()}, List.of(product, regionYear), Covariance.cluster(product)));
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            if (lin != null) {
                StringBuilder sl = new StringBuilder();
                for (Coefficient c : lin.coefficients()) {
                    sl.append(String.format(Locale.ROOT, " %s=%.10f (%.10f)", c.term(), c.estimate(), c.stdError()));
                }
                System.out.printf(Locale.ROOT, "run %d linear: n=%d, wall %.2f s, cpu %.2f s;%s%n", rep, lin.nobs(), (t1 - t0) / 1e9,
                        (c1 - c0) / 1e9, sl);
            }
            if (ppml != null) {
                StringBuilder sp = new StringBuilder();
                for (PpmlFit.Coefficient c : ppml.coefficients()) {
                    sp.append(String.format(Locale.ROOT, " %s=%.10f (%.10f)", c.term(), c.estimate(), c.stdError()));
                }
                System.out.printf(Locale.ROOT, "run %d ppml:   n=%d, dropped %s, %d IRLS iterations, wall %.2f s, cpu %.2f s;%s%n", rep,
                        ppml.nobs(), ppml.separated(), ppml.iterations(), (t2 - t1) / 1e9, (c2 - c1) / 1e9, sp);
            }
            if (lin != null && ppml != null) {
                System.out.printf(Locale.ROOT, "run %d ratio ppml / linear: wall %.1f, cpu %.1f%n", rep,
                        (double) (t2 - t1) / (t1 - t0), (double) (c2 - c1) / (c1 - c0));
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "max heap %d MB, heap in use at exit %d MB%n", rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /**
     * HighDimBenchmark.generate's stream (seed, effect draws, then per row: levels, x1, x2, y), values rounded to 6
     * decimals as its CSV writes them; the count comes from a separate stream so the linear columns are unchanged.
     */
    static Data generate(int rows, int products, int regionYears, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SplittableRandom counts = new SplittableRandom(seed + 1);
        double[] a = new double[products];
        double[] g = new double[regionYears];
        for (int i = 0; i < products; i++) {
            a[i] = r.nextGaussian();
        }
        for (int i = 0; i < regionYears; i++) {
            g[i] = r.nextGaussian();
        }
        double[] y = new double[rows];
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        int[] pc = new int[rows];
        int[] rc = new int[rows];
        double[] count = new double[rows];
        for (int i = 0; i < rows; i++) {
            int p = i < products ? i : r.nextInt(products);
            int ry = i < regionYears ? i : r.nextInt(regionYears);
            double v1 = 0.3 * a[p] + 0.2 * g[ry] + r.nextGaussian();
            double v2 = 0.1 * g[ry] + r.nextGaussian();
            double v = v1 - 0.5 * v2 + a[p] + g[ry] + r.nextGaussian();
            y[i] = sixDecimals(v);
            x1[i] = sixDecimals(v1);
            x2[i] = sixDecimals(v2);
            pc[i] = p;
            rc[i] = ry;
            count[i] = poisson(counts, Math.exp(0.5 * (x1[i] - 0.5 * x2[i] + a[p] + g[ry])));
        }
        return new Data(y, x1, x2, pc, rc, count, products, regionYears);
    }

    /** The double the linear benchmark's reader gets back from the 6-decimal text its generator writes. */
    private static double sixDecimals(double v) {
        return Math.round(v * 1e6) / 1e6;
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

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double zeroShare(double[] v) {
        int z = 0;
        for (double d : v) {
            z += d == 0 ? 1 : 0;
        }
        return (double) z / v.length;
    }
}
