import dev.repro.estimate.iv.Iv;
import dev.repro.estimate.iv.IvFit;
import dev.repro.estimate.iv.IvProblem;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.numeric.Effect;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * 2SLS with two absorbed effects against the linear HDFE fit of the same data (issue 17: IV at most 3x OLS).
 * Data generated in memory: n rows, firm = i mod (n / 50), year uniform on 30 levels; w, z1, z2, u standard normal;
 * x = 0.5 z1 + 0.3 z2 + 0.2 w + u + e + firm effect; y = 1.5 x - w + u + firm and year effects + e; seed 20261207.
 * OLS: y ~ w + x | firm + year; IV: y ~ w | firm + year | x ~ z1 + z2; both cluster(firm). Each fit is timed
 * (System.nanoTime, data generation excluded) {@code reps} times in one JVM; the median and the ratio are printed.
 * Usage: see bench/iv/README.md.
 */
public final class IvBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SplittableRandom r = new SplittableRandom(20261207);
        int firms = Math.max(2, n / 50);
        int[] firm = new int[n];
        int[] year = new int[n];
        double[] w = new double[n], z1 = new double[n], z2 = new double[n], x = new double[n], y = new double[n];
        double[] fa = new double[firms];
        for (int f = 0; f < firms; f++) {
            fa[f] = gauss(r);
        }
        for (int i = 0; i < n; i++) {
            firm[i] = i % firms;
            year[i] = r.nextInt(30);
            w[i] = gauss(r);
            z1[i] = gauss(r);
            z2[i] = gauss(r);
            double u = gauss(r);
            x[i] = 0.5 * z1[i] + 0.3 * z2[i] + 0.2 * w[i] + u + gauss(r) + fa[firm[i]];
            y[i] = 1.5 * x[i] - w[i] + u + fa[firm[i]] + year[i] / 10.0 + gauss(r);
        }
        Effect firmE = new Effect("firm", firm, firms);
        Effect yearE = new Effect("year", year, 30);
        List<Effect> absorb = List.of(firmE, yearE);
        double[] ols = new double[reps];
        double[] iv = new double[reps];
        for (int k = 0; k < reps; k++) {
            long t0 = System.nanoTime();
            LinearFit lf = LinearModel.fit(new LinearProblem("y", y, List.of("w", "x"), new double[][] {w, x}, absorb,
                    Covariance.cluster(firmE), LinearOptions.defaults().withThreads(threads)));
            long t1 = System.nanoTime();
            IvFit f = Iv.fit(new IvProblem("y", y, List.of("w"), new double[][] {w}, List.of("x"), new double[][] {x},
                    List.of("z1", "z2"), new double[][] {z1, z2}, absorb, Covariance.cluster(firmE), IvProblem.Method.TWO_SLS), threads);
            long t2 = System.nanoTime();
            ols[k] = (t1 - t0) / 1e9;
            iv[k] = (t2 - t1) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: OLS %.2f s (x %.4f), 2SLS %.2f s (x %.4f, KP F %.1f)%n", k + 1, ols[k],
                    lf.coefficients().get(1).estimate(), iv[k], f.coefficients().get(0).estimate(), f.weakIdentification().statistic());
        }
        double mo = median(ols);
        double mi = median(iv);
        System.out.printf(Locale.ROOT, "n = %d, %d firms x 30 years, %d threads: median OLS %.2f s, 2SLS %.2f s, ratio %.2f%n", n, firms,
                threads, mo, mi, mi / mo);
    }

    private static double gauss(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
