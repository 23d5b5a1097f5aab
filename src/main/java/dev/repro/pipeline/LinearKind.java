package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.estimate.linear.Coefficient;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.Estimator;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearModelException;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.estimate.linear.RandomEffects;
import dev.repro.estimate.linear.Singletons;
import dev.repro.estimate.linear.SmallSample;
import dev.repro.estimate.linear.WithinIntercept;
import dev.repro.numeric.Effect;
import dev.repro.results.CoefficientResult;
import dev.repro.results.LinearInfo;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linear estimators of {@code dev.repro.estimate.linear}: {@code linear} (pooled OLS without {@code |}, the
 * within estimator for the fixed effects after it) and {@code re} (Swamy-Arora random effects, plm's unbalanced
 * formula). Their own keys are the small-sample convention {@code dof} and {@code singletons}.
 */
final class LinearKind implements EstimatorKind {
    static final LinearKind POOLED_OR_WITHIN = new LinearKind("linear", false);
    static final LinearKind RANDOM_EFFECTS = new LinearKind("re", true);

    private static final List<String> KEYS = List.of("dof", "singletons");

    private final String word;
    private final boolean randomEffects;

    private LinearKind(String word, boolean randomEffects) {
        this.word = word;
        this.randomEffects = randomEffects;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public void parse(Fields f, Map<String, Object> options) {
        f.allow(KEYS.toArray(String[]::new));
        TestKind.put(options, "dof", f.choice("dof", "stata", "stata", "fixest", "plm", "none"));
        TestKind.put(options, "singletons", f.choice("singletons", "keep", "keep", "drop"));
    }

    @Override
    public void check(ModelSpec m, Dataset d, Problems problems) {
        ModelInputs.frame(m, d, problems);
    }

    @Override
    public ModelResult estimate(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        ModelInputs.Frame f = ModelInputs.frame(m, d, problems);
        if (f == null) {
            return null;
        }
        List<Effect> absorb = f.absorb();
        Covariance cov = switch (m.vcov().kind()) {
            case IID -> Covariance.iid();
            case HC1 -> Covariance.hc1();
            case CLUSTER -> new Covariance(Covariance.Kind.CLUSTER, f.clusters());
        };
        LinearOptions options = LinearOptions.defaults()
                .withSmallSample(SmallSample.parse((String) m.options().getOrDefault("dof", "stata")))
                .withSingletons(Singletons.parse((String) m.options().getOrDefault("singletons", "keep")));
        Effect panel = f.panel();
        if (panel != null) {
            options = options.withPanel(panel);
        }
        if (randomEffects) {
            if (panel == null) {
                problems.add(m.where("estimator").problem("random effects need the panel unit: declare 'id' (and 'time') for dataset "
                        + d.name()));
                return null;
            }
            if (!absorb.isEmpty()) {
                problems.add(m.where("formula").problem("random effects absorb no fixed effects: remove the part after '|' "
                        + "(the panel unit " + d.idColumn() + " is the random effect)"));
                return null;
            }
            options = options.withEstimator(Estimator.RANDOM);
        }
        LinearFit fit;
        LinearProblem problem = new LinearProblem(f.dependent(), f.y(), f.names(), f.x(), absorb, cov, options);
        try {
            fit = LinearModel.fit(problem);
        } catch (LinearModelException e) {
            problems.add(m.at().problem(e.getMessage()));
            return null;
        }
        for (String dropped : fit.dropped()) {
            warnings.add("models." + m.name() + ": " + dropped + " omitted because of collinearity");
        }
        if (fit.singletonsDropped() > 0) {
            warnings.add("models." + m.name() + ": " + fit.singletonsDropped() + " singleton observations dropped (singletons: drop)");
        }
        Map<String, CoefficientResult> coefs = new LinkedHashMap<>();
        for (Coefficient c : fit.coefficients()) {
            coefs.put(c.term(), new CoefficientResult(c.estimate(), c.stdError(), c.t(), c.p()));
        }
        RandomEffects re = fit.randomEffects();
        LinearInfo info = new LinearInfo(fit.dfTest(), fit.fDf1(), fit.fP(), fit.absorbedDf(),
                (String) m.options().getOrDefault("dof", "stata"), fit.singletonsDropped() > 0 ? fit.singletonsDropped() : null,
                fit.nestedInCluster(), re == null ? null : re.theta0(), re == null ? null : re.sigma2Idiosyncratic(),
                re == null ? null : re.sigma2Individual());
        boolean within = !absorb.isEmpty();
        Integer groups = fit.groups() > 0 ? fit.groups() : null;
        Integer clusters = cov.kind() == Covariance.Kind.CLUSTER ? fit.minClusters() : null;
        List<String> absorbed = absorb.stream().map(Effect::name).toList();
        ModelResult result = new ModelResult(f.dependent(), fit.estimator(), fit.vcovType(), fit.nobs(), groups, clusters,
                within ? fit.r2Within() : null, fit.r2(), fit.adjR2(), Double.isNaN(fit.fStat()) ? null : fit.fStat(),
                fit.dfResid(), coefs, fit.dropped(), absorbed, null, info);
        Coefficient constant = WithinIntercept.of(problem, fit);
        if (constant != null) {
            result = result.withConstant(new CoefficientResult(constant.estimate(), constant.stdError(), constant.t(), constant.p()));
        }
        return NotComputed.reported(m, result, NotComputed.reason(f), true, problems, warnings);
    }
}
