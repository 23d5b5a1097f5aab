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

    /** The paths, effects, normal tests and (with a bootstrap) the bootstrap summaries of the analysis. */
    public static MediationFit run(MediationProblem p, int threads) throws LinearModelException {
        String xn = p.treatment();
        LinearFit totalFit = fit(p, p.outcome(), p.y(), List.of());
        Coefficient c = coef(totalFit, xn);
        MediationFit.Paths paths;
        MediationFit.EffectEstimate indirect;
        if (!p.chain()) {
            LinearFit fa = fit(p, p.mediators().get(0), p.m()[0], List.of());
            LinearFit fo = fit(p, p.outcome(), p.y(), List.of(0));
            Coefficient a = coef(fa, xn);
            Coefficient b = coef(fo, p.mediators().get(0));
            paths = new MediationFit.Paths(a, b, c, coef(fo, xn), null, null, null, null, null);
            double estimate = a.estimate() * b.estimate();
            double va = a.stdError() * a.stdError();
            double vb = b.stdError() * b.stdError();
            double base = b.estimate() * b.estimate() * va + a.estimate() * a.estimate() * vb;
            indirect = new MediationFit.EffectEstimate(estimate, normalTest(estimate, Math.sqrt(base)),
                    normalTest(estimate, Math.sqrt(base + va * vb)),
                    normalTest(estimate, base - va * vb > 0 ? Math.sqrt(base - va * vb) : Double.NaN), null, null);
        } else {
            LinearFit f1 = fit(p, p.mediators().get(0), p.m()[0], List.of());
            LinearFit f2 = fit(p, p.mediators().get(1), p.m()[1], List.of(0));
            LinearFit fo = fit(p, p.outcome(), p.y(), List.of(0, 1));
            Coefficient a1 = coef(f1, xn);
            Coefficient a2 = coef(f2, xn);
            Coefficient d21 = coef(f2, p.mediators().get(0));
            Coefficient b1 = coef(fo, p.mediators().get(0));
            Coefficient b2 = coef(fo, p.mediators().get(1));
            paths = new MediationFit.Paths(a1, b2, c, coef(fo, xn), a1, a2, d21, b1, b2);
            double estimate = a1.estimate() * d21.estimate() * b2.estimate();
            double g1 = d21.estimate() * b2.estimate();
            double g2 = a1.estimate() * b2.estimate();
            double g3 = a1.estimate() * d21.estimate();
            double v = g1 * g1 * sq(a1.stdError()) + g2 * g2 * sq(d21.stdError()) + g3 * g3 * sq(b2.stdError());
            indirect = new MediationFit.EffectEstimate(estimate, null, null, null, normalTest(estimate, Math.sqrt(v)), null);
        }
        MediationFit.EffectEstimate direct = MediationFit.EffectEstimate.of(paths.cPrime().estimate());
        MediationFit.EffectEstimate total = MediationFit.EffectEstimate.of(c.estimate());
        MediationFit.ChainEffects chain = null;
        if (p.chain()) {
            double m1 = paths.a1().estimate() * paths.b1().estimate();
            double m2 = paths.a2().estimate() * paths.b2().estimate();
            chain = new MediationFit.ChainEffects(MediationFit.EffectEstimate.of(m1), MediationFit.EffectEstimate.of(m2),
                    MediationFit.EffectEstimate.of(m1 + m2 + indirect.estimate()));
        }
        double proportion = (chain != null ? chain.totalIndirect().estimate() : indirect.estimate()) / c.estimate();
        MediationFit.BootstrapInfo info = null;
        if (p.bootstrap() != null) {
            MediationProblem.Bootstrap bs = p.bootstrap();
            double[][] reps = bootstrap(p, threads);
            // the replicate's columns, in the order bootstrap() returns them
            List<MediationFit.EffectEstimate> targets = new ArrayList<>(List.of(indirect, direct, total));
            if (chain != null) {
                targets.addAll(List.of(chain.indirectM1(), chain.indirectM2(), chain.totalIndirect()));
            }
            int valid = reps.length;
            for (int s = 0; s < targets.size(); s++) {
                double[] draws = new double[reps.length];
                for (int r = 0; r < reps.length; r++) {
                    draws[r] = reps[r][s];
                }
                double[] sorted = Intervals.valid(draws);
                valid = Math.min(valid, sorted.length);
                targets.set(s, targets.get(s).withBootstrap(summarize(targets.get(s).estimate(), sorted, bs)));
            }
            indirect = targets.get(0);
            direct = targets.get(1);
            total = targets.get(2);
            if (chain != null) {
                chain = new MediationFit.ChainEffects(targets.get(3), targets.get(4), targets.get(5));
            }
            info = new MediationFit.BootstrapInfo(bs.level(), bs.replications(), valid, bs.intervals(), bs.seed(),
                    p.units().name(), compact(p.units()).levels());
        }
        return new MediationFit(xn, p.mediators(), p.outcome(), p.controls(), p.y().length, paths, indirect, direct, total,
                chain, proportion, info);
    }

    private static double sq(double v) {
        return v * v;
    }

    /** se, CI of the first interval method, normal p from the bootstrap se, then every interval by name. */
    private static MediationFit.Bootstrapped summarize(double estimate, double[] sorted, MediationProblem.Bootstrap bs) {
        double se = Intervals.se(sorted);
        Map<String, double[]> cis = new LinkedHashMap<>();
        for (String m : bs.intervals()) {
            cis.put(m, m.equals("bc") ? Intervals.biasCorrected(sorted, estimate, bs.level()) : Intervals.percentile(sorted, bs.level()));
        }
        double[] first = cis.get(bs.intervals().get(0));
        return new MediationFit.Bootstrapped(se, estimate / se, first[0], first[1], Intervals.normalP(estimate, se),
                Intervals.percentileP(sorted), cis);
    }

    private static MediationFit.NormalTest normalTest(double estimate, double se) {
        double z = estimate / se;
        return new MediationFit.NormalTest(se, z, Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2.0)));
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
