package dev.repro.estimate.mediation;

import dev.repro.estimate.bootstrap.ClusterBootstrap;
import dev.repro.estimate.bootstrap.Intervals;
import dev.repro.estimate.bootstrap.UnitCrossProducts;
import dev.repro.estimate.linear.Coefficient;
import dev.repro.numeric.Effect;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearModelException;
import dev.repro.estimate.linear.LinearProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;

/**
 * Mediation analysis by the product of coefficients (Baron and Kenny 1986; MacKinnon 2008), every equation a
 * linear regression on the same sample with the same controls, absorbed effects and covariance:
 * <pre>
 *   total      Y  = c X            + controls        (c: total effect)
 *   mediator   M  = a X            + controls        (a)
 *   outcome    Y  = c' X + b M     + controls        (c': direct effect, b)
 * </pre>
 * indirect effect a b (= c - c' exactly with OLS on one sample), proportion mediated a b / c. Normal tests of
 * a b: Sobel (1982) se^2 = b^2 sa^2 + a^2 sb^2; Aroian (1947) adds sa^2 sb^2; Goodman (1960) subtracts it.
 *
 * <p>Chain (serial) mediation X -> M1 -> M2 -> Y (Hayes 2013, model 6; the seed paper's Table 14):
 * M1 = a1 X; M2 = a2 X + d21 M1; Y = c' X + b1 M1 + b2 M2; indirect effect a1 d21 b2 with the first-order
 * delta-method se^2 = (d21 b2)^2 s_a1^2 + (a1 b2)^2 s_d21^2 + (a1 d21)^2 s_b2^2 (coefficients of different
 * equations taken as uncorrelated, as Sobel), plus the specific indirect effects a1 b1 and a2 b2.
 *
 * <p>With a bootstrap, whole panel units are resampled ({@link ClusterBootstrap}) and every effect is
 * re-estimated on the replicate by the exact cross-product path ({@link UnitCrossProducts}).
 */
public final class Mediation {
    private Mediation() {
    }

    /** The results.json entry {@code mediation.<id>}: see docs/mediation.md for every key. */
    public static Map<String, Object> run(MediationProblem p, int threads) throws LinearModelException {
        String xn = p.treatment();
        List<String> cn = p.controls();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("treatment", xn);
        out.put("mediator", String.join(" -> ", p.mediators()));
        out.put("mediators", p.mediators());
        out.put("outcome", p.outcome());
        if (!cn.isEmpty()) {
            out.put("controls", cn);
        }
        out.put("nobs", p.y().length);
        LinearFit total = fit(p, p.outcome(), p.y(), List.of());
        Coefficient c = coef(total, xn);
        double[] boot = null;
        Map<String, Object> indirect = new LinkedHashMap<>();
        double indirectEstimate;
        if (!p.chain()) {
            LinearFit fa = fit(p, p.mediators().get(0), p.m()[0], List.of());
            LinearFit fo = fit(p, p.outcome(), p.y(), List.of(0));
            Coefficient a = coef(fa, xn);
            Coefficient b = coef(fo, p.mediators().get(0));
            Coefficient cp = coef(fo, xn);
            out.put("a", coefMap(a));
            out.put("b", coefMap(b));
            out.put("c", coefMap(c));
            out.put("cPrime", coefMap(cp));
            indirectEstimate = a.estimate() * b.estimate();
            indirect.put("estimate", indirectEstimate);
            double va = a.stdError() * a.stdError();
            double vb = b.stdError() * b.stdError();
            double base = b.estimate() * b.estimate() * va + a.estimate() * a.estimate() * vb;
            indirect.put("sobel", normalTest(indirectEstimate, Math.sqrt(base)));
            indirect.put("aroian", normalTest(indirectEstimate, Math.sqrt(base + va * vb)));
            indirect.put("goodman", normalTest(indirectEstimate, base - va * vb > 0 ? Math.sqrt(base - va * vb) : Double.NaN));
        } else {
            LinearFit f1 = fit(p, p.mediators().get(0), p.m()[0], List.of());
            LinearFit f2 = fit(p, p.mediators().get(1), p.m()[1], List.of(0));
            LinearFit fo = fit(p, p.outcome(), p.y(), List.of(0, 1));
            Coefficient a1 = coef(f1, xn);
            Coefficient a2 = coef(f2, xn);
            Coefficient d21 = coef(f2, p.mediators().get(0));
            Coefficient b1 = coef(fo, p.mediators().get(0));
            Coefficient b2 = coef(fo, p.mediators().get(1));
            Coefficient cp = coef(fo, xn);
            out.put("a", coefMap(a1));
            out.put("b", coefMap(b2));
            out.put("a1", coefMap(a1));
            out.put("a2", coefMap(a2));
            out.put("d21", coefMap(d21));
            out.put("b1", coefMap(b1));
            out.put("b2", coefMap(b2));
            out.put("c", coefMap(c));
            out.put("cPrime", coefMap(cp));
            indirectEstimate = a1.estimate() * d21.estimate() * b2.estimate();
            indirect.put("estimate", indirectEstimate);
            double g1 = d21.estimate() * b2.estimate();
            double g2 = a1.estimate() * b2.estimate();
            double g3 = a1.estimate() * d21.estimate();
            double v = g1 * g1 * sq(a1.stdError()) + g2 * g2 * sq(d21.stdError()) + g3 * g3 * sq(b2.stdError());
            indirect.put("delta", normalTest(indirectEstimate, Math.sqrt(v)));
        }
        Map<String, Object> direct = new LinkedHashMap<>();
        direct.put("estimate", ((Map<?, ?>) out.get("cPrime")).get("estimate"));
        Map<String, Object> totalEffect = new LinkedHashMap<>();
        totalEffect.put("estimate", c.estimate());
        out.put("indirect", indirect);
        out.put("direct", direct);
        out.put("total", totalEffect);
        Map<String, Object> m1 = null;
        Map<String, Object> m2 = null;
        Map<String, Object> sum = null;
        if (p.chain()) {
            m1 = new LinkedHashMap<>();
            m1.put("estimate", est(out, "a1") * est(out, "b1"));
            m2 = new LinkedHashMap<>();
            m2.put("estimate", est(out, "a2") * est(out, "b2"));
            sum = new LinkedHashMap<>();
            sum.put("estimate", (double) m1.get("estimate") + (double) m2.get("estimate") + indirectEstimate);
            out.put("indirectM1", m1);
            out.put("indirectM2", m2);
            out.put("totalIndirect", sum);
        }
        out.put("proportionMediated", (p.chain() ? (double) sum.get("estimate") : indirectEstimate) / c.estimate());
        if (p.bootstrap() != null) {
            MediationProblem.Bootstrap bs = p.bootstrap();
            double[][] reps = bootstrap(p, threads);
            List<Map<String, Object>> targets = new ArrayList<>(List.of(indirect, direct, totalEffect));
            if (p.chain()) {
                targets.add(m1);
                targets.add(m2);
                targets.add(sum);
            }
            int valid = reps.length;
            for (int s = 0; s < targets.size(); s++) {
                double[] draws = new double[reps.length];
                for (int r = 0; r < reps.length; r++) {
                    draws[r] = reps[r][s];
                }
                double[] sorted = Intervals.valid(draws);
                valid = Math.min(valid, sorted.length);
                summarize(targets.get(s), sorted, bs);
            }
            out.put("level", bs.level());
            out.put("replications", bs.replications());
            if (valid < bs.replications()) {
                out.put("validReplications", valid);
            }
            out.put("ciMethod", bs.intervals().get(0));
            out.put("intervals", bs.intervals());
            out.put("seed", bs.seed());
            out.put("resampled", p.units().name());
            out.put("units", compact(p.units()).levels());
        }
        return out;
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double est(Map<String, Object> out, String key) {
        return (double) ((Map<?, ?>) out.get(key)).get("estimate");
    }

    /** se, CI of the first interval method, normal p from the bootstrap se, then every interval by name. */
    private static void summarize(Map<String, Object> target, double[] sorted, MediationProblem.Bootstrap bs) {
        double estimate = (double) target.get("estimate");
        double se = Intervals.se(sorted);
        Map<String, double[]> cis = new LinkedHashMap<>();
        for (String m : bs.intervals()) {
            cis.put(m, m.equals("bc") ? Intervals.biasCorrected(sorted, estimate, bs.level()) : Intervals.percentile(sorted, bs.level()));
        }
        double[] first = cis.get(bs.intervals().get(0));
        target.put("se", se);
        target.put("z", estimate / se);
        target.put("ciLower", first[0]);
        target.put("ciUpper", first[1]);
        target.put("p", Intervals.normalP(estimate, se));
        target.put("pPercentile", Intervals.percentileP(sorted));
        for (var e : cis.entrySet()) {
            target.put(e.getKey(), List.of(e.getValue()[0], e.getValue()[1]));
        }
    }

    private static Map<String, Object> normalTest(double estimate, double se) {
        Map<String, Object> m = new LinkedHashMap<>();
        double z = estimate / se;
        m.put("se", se);
        m.put("z", z);
        m.put("p", Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2.0)));
        return m;
    }

    private static Map<String, Object> coefMap(Coefficient c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", c.estimate());
        m.put("stdError", c.stdError());
        m.put("t", c.t());
        m.put("p", c.p());
        return m;
    }

    private static Coefficient coef(LinearFit f, String term) throws LinearModelException {
        Coefficient c = f.coefficient(term);
        if (c == null) {
            throw new LinearModelException(term + " is omitted from the regression of " + f.dependent()
                    + " because of collinearity; a mediation needs its coefficient");
        }
        return c;
    }

    /** dependent on X, the mediators listed (by index) and the controls. */
    private static LinearFit fit(MediationProblem p, String depName, double[] dep, List<Integer> mediators) throws LinearModelException {
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        names.add(p.treatment());
        cols.add(p.x());
        for (int i : mediators) {
            names.add(p.mediators().get(i));
            cols.add(p.m()[i]);
        }
        for (int j = 0; j < p.controls().size(); j++) {
            names.add(p.controls().get(j));
            cols.add(p.c()[j]);
        }
        return LinearModel.fit(new LinearProblem(depName, dep, names, cols.toArray(new double[0][]), p.absorb(), p.covariance(),
                p.options()));
    }

    /**
     * The bootstrap replicates: per replicate [indirect, direct, total] (chain: then a1 b1, a2 b2, total indirect),
     * computed from the summed cross products of the drawn units.
     */
    static double[][] bootstrap(MediationProblem p, int threads) {
        UnitCrossProducts cp = crossProducts(p);
        int q = cp.columns();
        int[] nuis = cp.nuisance();
        int nm = p.mediators().size();
        int nc = p.controls().size();
        // variable columns: 0 = Y, 1 = X, 2.. mediators, then controls
        int[] totalRegs = regs(new int[] {1}, 2 + nm, nc, nuis);
        int[] m1Regs = totalRegs;
        int[] m2Regs = regs(new int[] {1, 2}, 2 + nm, nc, nuis);
        int[] outRegs = regs(nm == 1 ? new int[] {1, 2} : new int[] {1, 2, 3}, 2 + nm, nc, nuis);
        MediationProblem.Bootstrap bs = p.bootstrap();
        return ClusterBootstrap.run(bs.replications(), cp.units(), bs.seed(), threads, () -> {
            double[] sum = new double[q * q];
            return drawn -> {
                cp.sum(drawn, sum);
                double c = UnitCrossProducts.solve(sum, q, 0, totalRegs)[0];
                double a1 = UnitCrossProducts.solve(sum, q, 2, m1Regs)[0];
                double[] o = UnitCrossProducts.solve(sum, q, 0, outRegs);
                if (nm == 1) {
                    return new double[] {a1 * o[1], o[0], c};
                }
                double[] f2 = UnitCrossProducts.solve(sum, q, 3, m2Regs);
                double chain = a1 * f2[1] * o[2];
                double s1 = a1 * o[1];
                double s2 = f2[0] * o[2];
                return new double[] {chain, o[0], c, s1, s2, chain + s1 + s2};
            };
        });
    }

    private static int[] regs(int[] first, int controlStart, int nc, int[] nuis) {
        int[] out = new int[first.length + nc + nuis.length];
        System.arraycopy(first, 0, out, 0, first.length);
        for (int j = 0; j < nc; j++) {
            out[first.length + j] = controlStart + j;
        }
        System.arraycopy(nuis, 0, out, first.length + nc, nuis.length);
        return out;
    }

    /** Y, X, mediators, controls; the unit effect (if absorbed) by demeaning, the other effects as dummies. */
    static UnitCrossProducts crossProducts(MediationProblem p) {
        List<double[]> vars = new ArrayList<>();
        vars.add(p.y());
        vars.add(p.x());
        for (double[] m : p.m()) {
            vars.add(m);
        }
        for (double[] c : p.c()) {
            vars.add(c);
        }
        boolean demean = false;
        List<Effect> others = new ArrayList<>();
        for (Effect e : p.absorb()) {
            if (samePartition(e, p.units())) {
                demean = true;
            } else {
                others.add(e);
            }
        }
        int[][] codes = new int[others.size()][];
        int[] levels = new int[others.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = others.get(i).codes();
            levels[i] = others.get(i).levels();
        }
        Effect u = compact(p.units());
        return new UnitCrossProducts(vars.toArray(new double[0][]), codes, levels, u.codes(), u.levels(), demean);
    }

    /** The units present in the sample, numbered by first appearance (the data file's order). */
    static Effect compact(Effect e) {
        int[] map = new int[e.levels()];
        Arrays.fill(map, -1);
        int[] out = new int[e.codes().length];
        int next = 0;
        for (int r = 0; r < out.length; r++) {
            int c = e.codes()[r];
            if (map[c] < 0) {
                map[c] = next++;
            }
            out[r] = map[c];
        }
        return new Effect(e.name(), out, Math.max(next, 1));
    }

    /** True when two effects group the rows identically (the absorbed unit effect, whatever its name). */
    static boolean samePartition(Effect a, Effect b) {
        int[] ab = new int[a.levels()];
        int[] ba = new int[b.levels()];
        Arrays.fill(ab, -1);
        Arrays.fill(ba, -1);
        int[] ca = a.codes();
        int[] cb = b.codes();
        for (int r = 0; r < ca.length; r++) {
            if (ab[ca[r]] == -1) {
                ab[ca[r]] = cb[r];
            } else if (ab[ca[r]] != cb[r]) {
                return false;
            }
            if (ba[cb[r]] == -1) {
                ba[cb[r]] = ca[r];
            } else if (ba[cb[r]] != ca[r]) {
                return false;
            }
        }
        return true;
    }
}
