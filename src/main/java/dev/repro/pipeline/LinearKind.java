package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linear estimators of {@code dev.repro.estimate.linear}: {@code linear} (pooled OLS without {@code |}, the
 * within estimator for the fixed effects after it) and {@code re} (Swamy-Arora random effects, plm's unbalanced
 * formula). Their own keys are the small-sample convention {@code dof}, {@code singletons} and the {@code weights}
 * column (weighted least squares; {@code linear} only).
 */
final class LinearKind implements EstimatorKind {
    static final LinearKind POOLED_OR_WITHIN = new LinearKind("linear", false);
    static final LinearKind RANDOM_EFFECTS = new LinearKind("re", true);

    private static final List<String> KEYS = List.of("dof", "singletons", "weights", WildOptions.KEY);
    /** Weight problems listed one by one before they are summarised. */
    private static final int LISTED_WEIGHT_PROBLEMS = 5;

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
        f.allow(KEYS.toArray(String[]::new)); // wild: parsed by WildOptions, which needs the study's seed
        TestKind.put(options, "dof", f.choice("dof", "stata", "stata", "fixest", "plm", "none"));
        TestKind.put(options, "singletons", f.choice("singletons", "keep", "keep", "drop"));
        TestKind.put(options, "weights", f.string("weights", false, null));
    }

    @Override
    public void check(ModelSpec m, Dataset d, Problems problems) {
        check(m, d, ModelFrames.none(), problems);
    }

    /** Checks the model; its frame is kept in {@code frames} for the estimate goal of the same build. */
    @Override
    public void check(ModelSpec m, Dataset d, ModelFrames frames, Problems problems) {
        ModelInputs.Frame f = frames.forCheck(m, d, problems);
        if (f != null) {
            serialCovariance(m, d, f, problems);
            weights(m, d, f, problems);
        }
    }

    /**
     * The model's weights over its rows, or null without {@code weights:} or after a problem: the column must be
     * numeric and every weight in the estimation sample positive and finite (each bad row is reported with the data
     * file and line). Random effects take none: Stata's xtreg, re refuses weights and plm's weighted random model
     * has no published definition to check against. Also the weights of estimator: iv ({@link IvKind}).
     */
    double[] weights(ModelSpec m, Dataset d, ModelInputs.Frame f, Problems problems) {
        String column = (String) m.options().get("weights");
        if (column == null) {
            return null;
        }
        if (randomEffects) {
            problems.add(m.where("weights").problem("random effects take no weights (Stata's xtreg, re refuses them); remove "
                    + "'weights' or use estimator: linear"));
            return null;
        }
        if (!d.has(column)) {
            String hint = Suggest.didYouMean(column, d.columnNames());
            problems.add(m.where("weights").problem("unknown weights column '" + column + "' in dataset " + d.name()
                    + (hint.isEmpty() ? "; its columns are: " + String.join(", ", d.columnNames()) : hint)));
            return null;
        }
        if (!(d.column(column) instanceof NumericColumn)) {
            problems.add(m.where("weights").problem("weights column '" + column + "' of dataset " + d.name() + " is text; "
                    + "weights must be numbers"));
            return null;
        }
        double[] all = d.numeric(column).values();
        int[] rows = f.rows();
        double[] w = new double[rows.length];
        int bad = 0;
        for (int r = 0; r < rows.length; r++) {
            w[r] = all[rows[r]];
            if (!(w[r] > 0) || !Double.isFinite(w[r])) {
                if (bad < LISTED_WEIGHT_PROBLEMS) {
                    problems.add(Problem.at(d.source(), d.line(rows[r]), 0, "models." + m.name() + ".weights: weight column '"
                            + column + "' is " + (Double.isNaN(w[r]) ? "missing" : d.column(column).display(rows[r]))
                            + " in this row of the estimation sample; weights must be positive: fix the data or leave the row "
                            + "out with sample:"));
                }
                bad++;
            }
        }
        if (bad > LISTED_WEIGHT_PROBLEMS) {
            problems.add(m.where("weights").problem((bad - LISTED_WEIGHT_PROBLEMS) + " more rows of dataset " + d.name()
                    + " have a weight that is not positive"));
        }
        return bad > 0 ? null : w;
    }

    /**
     * The Driscoll-Kraay or Newey-West covariance of a model over its rows (time codes in increasing order of the
     * dataset's time column), null after a problem; for another kind, null. Also for estimator: iv ({@link IvKind}).
     */
    static Covariance serialCovariance(ModelSpec m, Dataset d, ModelInputs.Frame f, Problems problems) {
        Covariance.Kind kind = m.vcov().kind();
        if (kind != Covariance.Kind.DRISCOLL_KRAAY && kind != Covariance.Kind.NEWEY_WEST) {
            return null;
        }
        if (d.timeColumn() == null || f.panel() == null) {
            boolean timeSeries = d.timeColumn() != null && d.idColumn() == null;
            problems.add(m.where("vcov").problem("vcov " + m.vcov().text() + " needs the panel unit and time: declare 'id' and 'time' "
                    + "for dataset " + d.name() + ", or use hc1 or cluster(<column>)"
                    + (timeSeries ? "; for a single time series use hac(<lag>)" : "")));
            return null;
        }
        double[] time = d.numeric(d.timeColumn()).values();
        int[] rows = f.rows();
        double[] levels = Arrays.stream(TimeSeriesCovariance.sortedTimes(time, rows)).distinct().toArray();
        Effect t = TimeSeriesCovariance.timeEffect(d.timeColumn(), levels, time, rows);
        return kind == Covariance.Kind.DRISCOLL_KRAAY
                ? Covariance.driscollKraay(t, f.panel(), m.vcov().lag())
                : Covariance.neweyWest(t, f.panel(), m.vcov().lag());
    }

    @Override
    public ModelResult estimate(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        return estimate(m, d, ModelFrames.none(), problems, warnings);
    }

    /** Estimates the model on the frame its check kept in {@code frames}, or on one built now. */
    @Override
    public ModelResult estimate(ModelSpec m, Dataset d, ModelFrames frames, Problems problems, List<String> warnings) {
        ModelInputs.Frame f = frames.forEstimate(m, d, problems);
        if (f == null) {
            return null;
        }
        List<Effect> absorb = f.absorb();
        Covariance cov = switch (m.vcov().kind()) {
            case IID -> Covariance.iid();
            case HC1 -> Covariance.hc1();
            case CLUSTER -> new Covariance(Covariance.Kind.CLUSTER, f.clusters());
            case DRISCOLL_KRAAY, NEWEY_WEST -> serialCovariance(m, d, f, problems);
            case HAC -> TimeSeriesCovariance.of(m, d, f, problems);
        };
        if (cov == null) {
            return null;
        }
        double[] weights = weights(m, d, f, problems);
        if (m.options().get("weights") != null && weights == null) {
            return null;
        }
        LinearOptions options = LinearOptions.defaults()
                .withSmallSample(SmallSample.parse((String) m.options().getOrDefault("dof", "stata")))
                .withSingletons(Singletons.parse((String) m.options().getOrDefault("singletons", "keep")));
        Effect panel = f.panel();
        if (panel != null) {
            options = options.withPanel(panel);
        }
        if (weights != null) {
            options = options.withWeights(weights);
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
        for (String note : f.notes()) {
            warnings.add("models." + m.name() + ": " + note);
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
                re == null ? null : re.sigma2Individual(), weights == null ? null : (String) m.options().get("weights"));
        boolean within = !absorb.isEmpty();
        Integer groups = fit.groups() > 0 ? fit.groups() : null;
        Integer clusters = cov.kind() == Covariance.Kind.CLUSTER ? fit.minClusters() : null;
        List<String> absorbed = absorb.stream().map(Effect::name).toList();
        ModelResult result = new ModelResult(f.dependent(), fit.estimator(), fit.vcovType(), fit.nobs(), groups, clusters,
                within ? fit.r2Within() : null, fit.r2(), fit.adjR2(), Double.isNaN(fit.fStat()) ? null : fit.fStat(),
                fit.dfResid(), coefs, fit.dropped(), absorbed, null, info)
                .withDepMean(DependentMean.of(f.y(), fit.rows(), weights));
        // Stata's _cons of xtreg, fe: offered for unweighted fits under iid, hc1 and one-way cluster covariances
        boolean constantDefined = weights == null && (cov.kind() == Covariance.Kind.IID || cov.kind() == Covariance.Kind.HC1
                || cov.kind() == Covariance.Kind.CLUSTER);
        Coefficient constant = constantDefined ? WithinIntercept.of(problem, fit) : null;
        if (constant != null) {
            result = result.withConstant(new CoefficientResult(constant.estimate(), constant.stdError(), constant.t(), constant.p()));
        }
        result = WildRun.apply(m, f, result, randomEffects, weights, problems);
        return result == null ? null : NotComputed.reported(m, result, () -> NotComputed.reason(f), true, problems, warnings);
    }
}
