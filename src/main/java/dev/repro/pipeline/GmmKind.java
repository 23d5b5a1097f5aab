package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.estimate.gmm.GmmException;
import dev.repro.estimate.gmm.GmmFit;
import dev.repro.estimate.gmm.GmmFrame;
import dev.repro.estimate.gmm.GmmOptions;
import dev.repro.estimate.gmm.GmmProblem;
import dev.repro.estimate.gmm.PanelGmm;
import dev.repro.formula.Formula;
import dev.repro.formula.SampleFilter;
import dev.repro.formula.Term;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dynamic panel GMM of {@code dev.repro.estimate.gmm} (difference and system GMM as R plm::pgmm): its keys are
 * the GMM-style instruments {@code gmm}, IV-style {@code iv}, {@code transformation}, {@code effect}, {@code steps}
 * and {@code collapse}. The texts' mistakes are reported at their study keys.
 */
final class GmmKind implements EstimatorKind {
    private static final List<String> KEYS = List.of("gmm", "iv", "transformation", "effect", "steps", "collapse");

    @Override
    public String word() {
        return "gmm";
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public void parse(Fields f, Map<String, Object> options) {
        f.allow(KEYS.toArray(String[]::new));
        TestKind.put(options, "gmm", f.string("gmm", true, "name the GMM-style instruments, e.g. gmm: \"L(y, 2:99)\""));
        TestKind.put(options, "iv", f.string("iv", false, null));
        TestKind.put(options, "transformation", f.choice("transformation", "d", "d", "ld"));
        TestKind.put(options, "effect", f.choice("effect", "twoways", "twoways", "individual"));
        TestKind.put(options, "steps", f.integer("steps", 2, 1, 2));
        TestKind.put(options, "collapse", f.bool("collapse", false));
    }

    @Override
    public ModelResult estimate(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        return gmm(m, d, problems, warnings, true);
    }

    @Override
    public void check(ModelSpec m, Dataset d, Problems problems) {
        gmm(m, d, problems, new ArrayList<>(), true); // fitting is cheap and finds the lag problems too
    }

    /** With {@code fit} false, only checks the texts and builds the instrument frame (for validate). */
    private static ModelResult gmm(ModelSpec m, Dataset d, Problems problems, List<String> warnings, boolean fit) {
        int before = problems.size();
        if (m.keyLocations().containsKey("vcov")) {
            problems.add(m.where("vcov").problem("GMM standard errors are robust as plm's summary (Windmeijer-corrected with "
                    + "steps: 2); remove 'vcov'"));
        }
        Optional<Formula> formula = Formula.parse(m.formula(),
                m.where("formula"), problems);
        List<Term> gmmTerms = EstimateStep.terms((String) m.options().get("gmm"), "the GMM instruments", m.where("gmm"), problems);
        String ivText = (String) m.options().get("iv");
        List<Term> ivTerms = ivText == null ? null : EstimateStep.terms(ivText, "the instruments", m.where("iv"), problems);
        boolean[] rows = null;
        if (m.sample() != null) {
            Located at = m.where("sample");
            Optional<SampleFilter> s = SampleFilter.parse(m.sample(), at, problems);
            if (s.isPresent() && s.get().check(d, at, problems)) {
                rows = s.get().select(d, at, problems).orElse(null);
            }
        }
        if (formula.isPresent() && !formula.get().isPlain()) {
            problems.add(m.where("formula").problem("estimator: gmm takes plain terms; i(), factor() and ':' or '*' "
                    + "are for estimator: linear (GMM time dummies come with effect: twoways)"));
        }
        if (problems.size() > before || formula.isEmpty()) {
            return null;
        }
        GmmOptions options = GmmOptions.of((String) m.options().get("transformation"),
                (String) m.options().get("effect"), ((Number) m.options().get("steps")).intValue(), Boolean.TRUE.equals(m.options().get("collapse")));
        GmmFrame.Spec spec = new GmmFrame.Spec(formula.get(), gmmTerms, ivTerms,
                m.where("formula"), m.where("gmm"), m.where(ivText == null ? "formula" : "iv"));
        Optional<GmmProblem> problem = GmmFrame.build(d, spec, rows, options, problems);
        if (problem.isEmpty() || !fit) {
            return null;
        }
        GmmFit result;
        try {
            result = PanelGmm.fit(problem.get());
        } catch (GmmException e) {
            problems.add(m.at().problem(e.getMessage()));
            return null;
        }
        for (String w : result.warnings()) {
            warnings.add("models." + m.name() + ": " + w);
        }
        return NotComputed.reported(m, GmmResults.toModelResult(result, options),
                "the GMM weight matrix is singular or a value overflowed", false, problems, warnings);
    }
}
