package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.ppml.Ppml;
import dev.repro.estimate.ppml.PpmlException;
import dev.repro.estimate.ppml.PpmlFit;
import dev.repro.estimate.ppml.PpmlProblem;
import dev.repro.numeric.Effect;
import dev.repro.results.CoefficientResult;
import dev.repro.results.ModelResult;
import dev.repro.results.PpmlInfo;
import dev.repro.study.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Poisson pseudo-maximum likelihood with absorbed fixed effects ({@code estimator: ppml}, {@code dev.repro.estimate.ppml}):
 * the same formula and vcov as a linear model, z statistics; its own keys are the IRLS controls {@code maxIterations}
 * and {@code tolerance}. A negative outcome is reported at its data file and line.
 */
final class PpmlKind implements EstimatorKind {
    private static final List<String> KEYS = List.of("maxIterations", "tolerance");
    private static final int LISTED = 3;

    @Override
    public String word() {
        return "ppml";
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public void parse(Fields f, Map<String, Object> options) {
        f.allow(KEYS.toArray(String[]::new));
        TestKind.put(options, "maxIterations", f.integer("maxIterations", PpmlProblem.DEFAULT_MAX_ITERATIONS, 1, 10_000));
        Double tolerance = f.number("tolerance", PpmlProblem.DEFAULT_TOLERANCE);
        Node at = f.raw("tolerance");
        if (tolerance != null && !(tolerance > 0 && tolerance < 1e-3)) {
            f.problem(at, "tolerance must be above 0 and below 0.001 (the default is 1e-10), found " + at.text().trim());
        } else {
            TestKind.put(options, "tolerance", tolerance);
        }
    }

    @Override
    public void check(ModelSpec m, Dataset d, Problems problems) {
        ModelInputs.Frame f = ModelInputs.frame(m, d, problems);
        if (f != null) {
            checkOutcome(m, d, f, problems);
        }
    }

    @Override
    public ModelResult estimate(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        ModelInputs.Frame f = ModelInputs.frame(m, d, problems);
        if (f == null || !checkOutcome(m, d, f, problems)) {
            return null;
        }
        Covariance cov = switch (m.vcov().kind()) {
            case IID -> Covariance.iid();
            case HC1 -> Covariance.hc1();
            case CLUSTER -> new Covariance(Covariance.Kind.CLUSTER, f.clusters());
            case DRISCOLL_KRAAY, NEWEY_WEST, HAC -> {
                problems.add(m.where("vcov").problem("vcov: " + m.vcov().text() + " is not available for estimator: ppml; "
                        + "use iid, hc1 or cluster(<column>)"));
                yield null;
            }
        };
        if (cov == null) {
            return null;
        }
        double tolerance = ((Number) m.options().getOrDefault("tolerance", PpmlProblem.DEFAULT_TOLERANCE)).doubleValue();
        int maxIterations = ((Number) m.options().getOrDefault("maxIterations", PpmlProblem.DEFAULT_MAX_ITERATIONS)).intValue();
        PpmlFit fit;
        try {
            fit = Ppml.fit(new PpmlProblem(f.dependent(), f.y(), f.names(), f.x(), f.absorb(), cov, tolerance, maxIterations));
        } catch (PpmlException e) {
            problems.add(m.at().problem(e.getMessage()));
            return null;
        }
        for (var e : fit.separated().entrySet()) {
            warnings.add("models." + m.name() + ": " + e.getValue() + " observations dropped as separated by fixed effect " + e.getKey()
                    + " (" + f.dependent() + " is 0 in every observation of their level)");
        }
        if (fit.separatedByRegressors() > 0) {
            warnings.add("models." + m.name() + ": " + fit.separatedByRegressors() + " observations dropped as separated by the regressors ("
                    + "a combination of them is 0 wherever " + f.dependent() + " > 0 and positive only where it is 0; Correia, Guimaraes and "
                    + "Zylkin 2021)" + (fit.omitted().isEmpty() ? "" : "; omitted as collinear on the rest: " + String.join(", ", fit.omitted())));
        }
        Map<String, CoefficientResult> coefs = new LinkedHashMap<>();
        for (PpmlFit.Coefficient c : fit.coefficients()) {
            coefs.put(c.term(), new CoefficientResult(c.estimate(), c.stdError(), c.z(), c.p()));
        }
        PpmlInfo info = new PpmlInfo(fit.iterations(), tolerance, fit.deviance(), fit.logLikelihood(), fit.pseudoR2(), fit.absorbedDf(),
                fit.separated(), fit.separatedByRegressors());
        Integer clusters = cov.kind() == Covariance.Kind.CLUSTER ? fit.minClusters() : null;
        ModelResult result = new ModelResult(f.dependent(), "ppml", fit.vcovType(), fit.nobs(), null, clusters, null, null, null, null,
                null, coefs, fit.omitted(), f.absorb().stream().map(Effect::name).toList(), null, info)
                .withDepMean(keptMean(f.y(), fit.nobs()));
        return NotComputed.reported(m, result, NotComputed.reason(f), false, problems, warnings);
    }

    /**
     * The mean outcome over the observations PPML kept: every observation dropped as separated has outcome 0 (the
     * fixed-effect rule and the regressor rule only drop zeros), so it is the sum over the frame divided by the kept count.
     */
    private static Double keptMean(double[] y, int kept) {
        Double all = DependentMean.of(y, null, null);
        return all == null || kept == 0 ? null : all * y.length / kept;
    }

    /** PPML needs an outcome of 0 or more: each negative value is reported at its data file and line. */
    private static boolean checkOutcome(ModelSpec m, Dataset d, ModelInputs.Frame f, Problems problems) {
        double[] y = f.y();
        int count = 0;
        int first = -1;
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                if (count < LISTED) {
                    shown.append(count == 0 ? "" : ", ").append("line ").append(d.line(f.rows()[i])).append(" (")
                            .append(String.format(Locale.ROOT, "%s", y[i])).append(')');
                }
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        if (count == 0) {
            return true;
        }
        String more = count > LISTED ? " and " + (count - LISTED) + " more" : "";
        problems.add(Problem.atKey(d.source(), d.line(f.rows()[first]), 0, m.where("formula").key(), "estimator: ppml needs an outcome "
                + "of 0 or more, but " + f.dependent() + " is negative in " + count + (count == 1 ? " row" : " rows") + " of dataset "
                + d.name() + ": " + shown + more + "; keep the other rows with sample: \"" + f.dependent() + " >= 0\" or fix the data"));
        return false;
    }
}
