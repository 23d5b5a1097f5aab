package dev.repro.estimate.linear;

import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.formula.Formula;
import dev.repro.formula.FormulaException;
import dev.repro.formula.ModelFrame;
import dev.repro.numeric.Effect;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The high-dimensional benchmark of bench/linear (see bench/linear/README.md): an export-quality style
 * regression y ~ x1 + x2 | product + regionyear with 5 million rows, 100,000 product levels and 2,700
 * region-year levels. Not a unit test: run it with
 * {@code java -Xmx2g -cp target/classes:target/test-classes:<commons-math3 jar> dev.repro.estimate.linear.HighDimBenchmark}.
 *
 * <pre>
 *   generate FILE [rows] [products] [regionyears] [seed]   writes the CSV (y,x1,x2,product,regionyear)
 *   run FILE [threads]                                      times CSV read + fit, prints the coefficients
 * </pre>
 */
public final class HighDimBenchmark {
    private HighDimBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: generate FILE [rows] [products] [regionyears] [seed] | run FILE [threads]");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        if (args[0].equals("generate")) {
            int rows = args.length > 2 ? Integer.parseInt(args[2]) : 5_000_000;
            int products = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
            int regionYears = args.length > 4 ? Integer.parseInt(args[4]) : 2_700;
            long seed = args.length > 5 ? Long.parseLong(args[5]) : 20250101L;
            generate(file, rows, products, regionYears, seed);
        } else if (args[0].equals("project")) {
            int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
            project(file, threads);
        } else if (args[0].equals("run")) {
            int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
            run(file, threads);
        } else {
            System.err.println("unknown command " + args[0]);
            System.exit(2);
        }
    }

    /** y = x1 - 0.5 x2 + a_product + g_regionyear + e, with x1 and x2 correlated with both effects. */
    static void generate(Path file, int rows, int products, int regionYears, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[products];
        double[] g = new double[regionYears];
        for (int i = 0; i < products; i++) {
            a[i] = r.nextGaussian();
        }
        for (int i = 0; i < regionYears; i++) {
            g[i] = r.nextGaussian();
        }
        byte[] buf = new byte[64];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("y,x1,x2,product,regionyear\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < rows; i++) {
                // every level appears at least once, the rest at random (unbalanced, connected)
                int p = i < products ? i : r.nextInt(products);
                int ry = i < regionYears ? i : r.nextInt(regionYears);
                double x1 = 0.3 * a[p] + 0.2 * g[ry] + r.nextGaussian();
                double x2 = 0.1 * g[ry] + r.nextGaussian();
                double y = x1 - 0.5 * x2 + a[p] + g[ry] + r.nextGaussian();
                int len = 0;
                len = fixed6(buf, len, y);
                buf[len++] = ',';
                len = fixed6(buf, len, x1);
                buf[len++] = ',';
                len = fixed6(buf, len, x2);
                buf[len++] = ',';
                len = integer(buf, len, p);
                buf[len++] = ',';
                len = integer(buf, len, ry);
                buf[len++] = '\n';
                out.write(buf, 0, len);
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d rows, %d products, %d region-years%n", file, rows, products, regionYears);
    }

    private static int fixed6(byte[] b, int at, double v) {
        long m = Math.round(v * 1e6);
        if (m < 0) {
            b[at++] = '-';
            m = -m;
        }
        at = integer(b, at, m / 1_000_000);
        b[at++] = '.';
        long f = m % 1_000_000;
        for (long d = 100_000; d > 0; d /= 10) {
            b[at++] = (byte) ('0' + (f / d) % 10);
        }
        return at;
    }

    private static int integer(byte[] b, int at, long v) {
        if (v == 0) {
            b[at++] = '0';
            return at;
        }
        int start = at;
        while (v > 0) {
            b[at++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = at - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        return at;
    }

    /** Columns of the benchmark file. */
    record Columns(double[] y, double[] x1, double[] x2, int[] product, int[] regionYear, int rows) {
    }

    static void run(Path file, int threads) throws IOException {
        long t0 = System.nanoTime();
        Columns c = read(file, threads);
        long t1 = System.nanoTime();
        Effect product = effect("product", c.product(), c.rows());
        Effect regionYear = effect("regionyear", c.regionYear(), c.rows());
        LinearProblem p = new LinearProblem("y", c.y(), List.of("x1", "x2"), new double[][] {c.x1(), c.x2()},
            List.of(product, regionYear), Covariance.cluster(product), LinearOptions.defaults().withThreads(threads));
        LinearFit f = LinearModel.fit(p);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "java: rows %d, products %d, region-years %d, threads %d%n", f.nobs(),
            f.absorbedLevels()[0], f.absorbedLevels()[1], threads);
        for (Coefficient co : f.coefficients()) {
            System.out.printf(Locale.ROOT, "java: %-3s %.10f (se %.10f)%n", co.term(), co.estimate(), co.stdError());
        }
        System.out.printf(Locale.ROOT, "java: CG iterations %d, r2Within %.6f%n", f.iterations(), f.r2Within());
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "java: read %.2f s, fit %.2f s, total %.2f s (max heap %d MB)%n",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, rt.maxMemory() >> 20);
    }

    /**
     * The user's path through the plugin: the project's validating CSV reader, the formula's model frame
     * ({@code y ~ x1 + x2 | product + regionyear}, clustered by product) and the estimator.
     */
    static void project(Path file, int threads) throws IOException {
        long t0 = System.nanoTime();
        Problems problems = new Problems();
        Dataset d = CsvReader.read(file,
                CsvOptions.builder("hd", file.toString()).build(), problems);
        if (d == null) {
            throw new IOException(problems.list().toString());
        }
        long t1 = System.nanoTime();
        Located site = new Located("bench", "models.hd.formula", 0, 0);
        Formula formula;
        try {
            formula = Formula.parse("y ~ x1 + x2 | product + regionyear");
        } catch (FormulaException e) {
            throw new IOException(e.getMessage(), e);
        }
        ModelFrame frame = ModelFrame.build(formula, d, null, List.of("product"), site, problems)
                .orElseThrow(() -> new IOException(problems.list().toString())).completeCases();
        long t2 = System.nanoTime();
        LinearProblem p = new LinearProblem("y", frame.y(), frame.regressors(), frame.x(), frame.absorb(),
            Covariance.cluster(frame.clusterEffects().get(0)), LinearOptions.defaults().withThreads(threads));
        LinearFit f = LinearModel.fit(p);
        long t3 = System.nanoTime();
        for (Coefficient co : f.coefficients()) {
            System.out.printf(Locale.ROOT, "project: %-3s %.10f (se %.10f)%n", co.term(), co.estimate(), co.stdError());
        }
        System.out.printf(Locale.ROOT, "project: CsvReader %.2f s, model frame %.2f s, fit %.2f s, total %.2f s (max heap %d MB)%n",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static Effect effect(String name, int[] codes, int n) {
        int[] c = n == codes.length ? codes : Arrays.copyOf(codes, n);
        int max = 0;
        for (int v : c) {
            max = Math.max(max, v);
        }
        return new Effect(name, c, max + 1);
    }

    /**
     * A minimal fast reader for this file only (plain decimals and integers, no quotes): the file is split
     * at line ends into one chunk per thread, each chunk parsed by hand into primitive arrays, and the
     * chunks concatenated in file order (so the result does not depend on the thread count). The
     * project's general CSV reader lives in dev.repro.data.
     */
    static Columns read(Path file, int threads) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int start = 0;
        while (start < all.length && all[start] != '\n') {
            start++;
        }
        start++;
        int parts = Math.max(1, threads);
        int[] cut = new int[parts + 1];
        cut[0] = start;
        cut[parts] = all.length;
        for (int t = 1; t < parts; t++) {
            int at = Math.max(cut[t - 1], start + (int) ((long) (all.length - start) * t / parts));
            while (at < all.length && all[at - 1] != '\n') {
                at++;
            }
            cut[t] = at;
        }
        Columns[] chunk = new Columns[parts];
        Thread[] workers = new Thread[parts];
        for (int t = 0; t < parts; t++) {
            int from = cut[t];
            int to = cut[t + 1];
            int index = t;
            workers[t] = new Thread(() -> chunk[index] = parse(all, from, to));
            workers[t].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        int rows = 0;
        for (Columns c : chunk) {
            rows += c.rows();
        }
        double[] y = new double[rows];
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        int[] p = new int[rows];
        int[] ry = new int[rows];
        int at = 0;
        for (Columns c : chunk) {
            System.arraycopy(c.y(), 0, y, at, c.rows());
            System.arraycopy(c.x1(), 0, x1, at, c.rows());
            System.arraycopy(c.x2(), 0, x2, at, c.rows());
            System.arraycopy(c.product(), 0, p, at, c.rows());
            System.arraycopy(c.regionYear(), 0, ry, at, c.rows());
            at += c.rows();
        }
        return new Columns(y, x1, x2, p, ry, rows);
    }

    private static Columns parse(byte[] buf, int from, int to) {
        int cap = Math.max(16, (to - from) / 30);
        double[] y = new double[cap];
        double[] x1 = new double[cap];
        double[] x2 = new double[cap];
        int[] p = new int[cap];
        int[] ry = new int[cap];
        int rows = 0;
        int field = 0;
        long mant = 0;
        int scale = 0;
        boolean neg = false;
        boolean frac = false;
        double[] vals = new double[5];
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b >= '0' && b <= '9') {
                mant = mant * 10 + (b - '0');
                if (frac) {
                    scale++;
                }
            } else if (b == '.') {
                frac = true;
            } else if (b == '-') {
                neg = true;
            } else if (b == ',' || b == '\n') {
                double v = scale == 0 ? mant : mant / POW10[scale];
                vals[field++] = neg ? -v : v;
                mant = 0;
                scale = 0;
                neg = false;
                frac = false;
                if (b == '\n') {
                    if (rows == y.length) {
                        int nc = y.length * 2;
                        y = Arrays.copyOf(y, nc);
                        x1 = Arrays.copyOf(x1, nc);
                        x2 = Arrays.copyOf(x2, nc);
                        p = Arrays.copyOf(p, nc);
                        ry = Arrays.copyOf(ry, nc);
                    }
                    y[rows] = vals[0];
                    x1[rows] = vals[1];
                    x2[rows] = vals[2];
                    p[rows] = (int) vals[3];
                    ry[rows] = (int) vals[4];
                    rows++;
                    field = 0;
                }
            }
        }
        return new Columns(y, x1, x2, p, ry, rows);
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
}
