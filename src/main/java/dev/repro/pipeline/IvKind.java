package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.estimate.iv.Iv;
import dev.repro.estimate.iv.IvException;
import dev.repro.estimate.iv.IvFit;
import dev.repro.estimate.iv.IvProblem;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.formula.Formula;
import dev.repro.formula.FormulaException;
import dev.repro.formula.Instruments;
import dev.repro.numeric.Effect;
import dev.repro.results.CoefficientResult;
import dev.repro.results.IvFirstStage;
import dev.repro.results.IvInfo;
import dev.repro.results.IvTest;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instrumental variables with absorbed effects ({@code estimator: iv}, {@code dev.repro.estimate.iv}): the formula's
 * third part names the endogenous regressors and the excluded instruments, {@code y ~ w | fe1 + fe2 | x ~ z1 + z2};
 * its own keys are {@code method}, {@code 2sls} (default) or {@code liml}, and {@code weights} (a column, as the linear
 * models') and {@code singletons}, {@code keep} (default) or {@code drop} (reghdfe's rule). Covariances iid, hc1, one- or
 * two-way cluster, {@code dk(lag)} and {@code nw(lag)}.
 */
final class IvKind implements EstimatorKind {
    private static final List<String> KEYS = List.of("method", "weights", "singletons");

    @Override
    public String word() {
        return "iv";
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public void parse(Fields f, Map<String, Object> options) {
        f.allow(KEYS.toArray(String[]::new));
        TestKind.put(options, "method", f.choice("method", "2sls", "2sls", "liml"));
        TestKind.put(options, "weights", f.string("weights", false, null));
        TestKind.put(options, "singletons", f.choice("singletons", "keep", "keep", "drop"));
    }

    @Override
    public void check(ModelSpec m, Dataset d, Problems problems) {
        if (checkSettings(m, problems)) {
            ModelInputs.Frame f = ModelInputs.frame(m, d, true, problems);
            if (f != null) {
                LinearKind.serialCovariance(m, d, f, problems);
                LinearKind.POOLED_OR_WITHIN.weights(m, d, f, problems);
            }
        }
    }

    @Override
    public ModelResult estimate(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        if (!checkSettings(m, problems)) {
            return null;
        }
        ModelInputs.Frame f = ModelInputs.frame(m, d, true, problems);
        if (f == null) {
            return null;
        }
        int singletons = 0;
        if ("drop".equals(m.options().get("singletons")) && !f.absorb().isEmpty()) {
            int n0 = f.y().length;
            f = withoutSingletons(f);
            singletons = n0 - f.y().length;
            if (f.y().length == 0) {
                problems.add(m.where("singletons").problem("no observation is left after dropping " + singletons
                        + " singleton observations; keep singletons (singletons: keep) or absorb fewer effects"));
                return null;
            }
        }
        Instruments iv;
        try {
            iv = Formula.parseWithInstruments(m.formula()).instruments().orElseThrow();
        } catch (FormulaException e) {
            throw new IllegalStateException("the formula was parsed by the frame", e);
        }
        int k2 = iv.endogenous().size();
        int l2 = iv.instruments().size();
        int k1 = f.names().size() - k2 - l2;
        double[][] x = f.x();
        Covariance cov = switch (m.vcov().kind()) {
            case IID -> Covariance.iid();
            case HC1 -> Covariance.hc1();
            case CLUSTER -> new Covariance(Covariance.Kind.CLUSTER, f.clusters());
            case DRISCOLL_KRAAY, NEWEY_WEST -> LinearKind.serialCovariance(m, d, f, problems);
            case HAC -> null; // refused by checkSettings, at the vcov key
        };
        double[] weights = LinearKind.POOLED_OR_WITHIN.weights(m, d, f, problems);
        if (cov == null || (m.options().get("weights") != null && weights == null)) {
            return null;
        }
        if (cov.time() != null && cov.lag() >= cov.time().levels()) {
            problems.add(m.where("vcov").problem("vcov " + m.vcov().text() + ": the lag " + cov.lag() + " must be below the "
                    + cov.time().levels() + " time periods of the estimation sample; use a smaller lag"));
            return null;
        }
        boolean liml = "liml".equals(m.options().get("method"));
        IvFit fit;
        try {
            fit = Iv.fit(new IvProblem(f.dependent(), f.y(), f.names().subList(0, k1), Arrays.copyOfRange(x, 0, k1),
                    f.names().subList(k1, k1 + k2), Arrays.copyOfRange(x, k1, k1 + k2), f.names().subList(k1 + k2, k1 + k2 + l2),
                    Arrays.copyOfRange(x, k1 + k2, k1 + k2 + l2), f.absorb(), cov, liml ? IvProblem.Method.LIML : IvProblem.Method.TWO_SLS,
                    weights),
                    LinearOptions.defaults().threads());
        } catch (IvException e) {
            problems.add(m.where("formula").problem(e.getMessage()));
            return null;
        }
        for (String note : f.notes()) {
            warnings.add("models." + m.name() + ": " + note);
        }
        if (singletons > 0) {
            warnings.add("models." + m.name() + ": " + singletons + " singleton observations dropped (singletons: drop)");
        }
        boolean pooled = f.absorb().isEmpty();
        IvInfo info = new IvInfo(fit.method(), fit.kappa(), fit.absorbedDf(), iv.endogenousLabels(), iv.instrumentLabels(),
                fit.firstStages().stream().map(IvKind::firstStage).toList(), test(fit.weakIdentification()), test(fit.overidentification()),
                test(fit.endogeneity()), weights == null ? null : (String) m.options().get("weights"));
        ModelResult result = new ModelResult(f.dependent(), "iv", fit.vcov(), fit.nobs(), null, fit.clusters(), pooled ? null : fit.r2(),
                pooled ? fit.r2() : null, null, null, fit.dfResid(), coefficients(fit.coefficients()), null,
                f.absorb().stream().map(Effect::name).toList(), null, info);
        return NotComputed.reported(m, result, NotComputed.reason(f), false, problems, warnings);
    }

    /**
     * The frame without its singleton observations, alone in a level of some absorbed effect, removed repeatedly until
     * none is left (reghdfe's and ivreghdfe's rule, {@link LinearModel#dropSingletons}); the effects re-coded.
     */
    private static ModelInputs.Frame withoutSingletons(ModelInputs.Frame f) {
        int[] keep = LinearModel.dropSingletons(f.absorb(), f.y().length);
        if (keep.length == f.y().length) {
            return f;
        }
        double[] y = new double[keep.length];
        int[] rows = new int[keep.length];
        double[][] x = new double[f.x().length][keep.length];
        for (int r = 0; r < keep.length; r++) {
            y[r] = f.y()[keep[r]];
            rows[r] = f.rows()[keep[r]];
            for (int j = 0; j < x.length; j++) {
                x[j][r] = f.x()[j][keep[r]];
            }
        }
        List<Effect> absorb = f.absorb().stream().map(e -> LinearModel.compact(e, keep, false)).toList();
        List<Effect> clusters = f.clusters().stream().map(e -> LinearModel.compact(e, keep, false)).toList();
        Effect panel = f.panel() == null ? null : LinearModel.compact(f.panel(), keep, false);
        return new ModelInputs.Frame(f.dependent(), y, f.names(), x, absorb, clusters, panel, rows, f.notes());
    }

    /** An instruments part in the formula. */
    private static boolean checkSettings(ModelSpec m, Problems problems) {
        boolean ok = true;
        if (m.vcov().kind() == Covariance.Kind.HAC) {
            problems.add(m.where("vcov").problem("vcov: " + m.vcov().text() + " is not available for estimator: iv; use iid, hc1, "
                    + "cluster(<column>), cluster(<column>, <column>), dk(<lag>) or nw(<lag>)"));
            ok = false;
        }
        try {
            if (Formula.parseWithInstruments(m.formula()).instruments().isEmpty()) {
                problems.add(m.where("formula").problem("estimator: iv needs instruments: end the formula with '| endogenous ~ instruments', "
                        + "as in y ~ w | firm + year | x ~ z1 + z2"));
                ok = false;
            }
        } catch (FormulaException e) {
            return ok; // the frame reports it at its character
        }
        return ok;
    }

    private static Map<String, CoefficientResult> coefficients(List<IvFit.Coefficient> list) {
        Map<String, CoefficientResult> out = new LinkedHashMap<>();
        for (IvFit.Coefficient c : list) {
            out.put(c.term(), new CoefficientResult(c.estimate(), c.stdError(), c.t(), c.p()));
        }
        return out;
    }

    private static IvFirstStage firstStage(IvFit.FirstStage s) {
        return new IvFirstStage(s.endogenous(), coefficients(s.coefficients()), s.partialR2(), test(s.f()));
    }

    private static IvTest test(IvFit.Test t) {
        return t == null ? null : new IvTest(t.name(), t.statistic(), t.df1(), t.df2(), t.p());
    }
}
