package dev.repro.study;

import dev.repro.estimate.linear.Covariance;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code mediation:} section: the roles of the variables and the bootstrap. */
final class MediationParser extends SectionParser {
    static final String[] MEDIATION_KEYS = {"dataset", "treatment", "mediators", "outcome", "controls", "absorb", "vcov", "sample", "bootstrap"};
    static final String[] BOOTSTRAP_KEYS = {"replications", "level", "intervals"};
    static final String[] INTERVALS = {"percentile", "bc"};

    MediationParser(String source, Problems problems) {
        super(source, problems);
    }

    /**
     * A mediation analysis: each variable takes one role; one mediator or two (a chain); a bootstrap needs the
     * study's seed so that its draws can be reproduced.
     */
    MediationSpec mediation(String name, Node node, Map<String, DatasetSpec> datasets, Long seed) {
        Fields f = Fields.of(node, source, problems, "a mediation analysis with 'dataset', 'treatment', 'mediators' and 'outcome'",
                MEDIATION_KEYS);
        if (f == null) {
            return null;
        }
        int before = problems.size();
        String dataset = datasetRef(f, datasets);
        String treatment = f.string("treatment", true, "name the treatment variable, e.g. treatment: open");
        List<String> mediators = f.strings("mediators", true, "name one mediator, or two for a chain, e.g. mediators: [quality]");
        String outcome = f.string("outcome", true, "name the outcome variable, e.g. outcome: ce");
        List<String> controls = f.strings("controls", false, null);
        List<String> absorb = f.strings("absorb", false, null);
        VcovSpec vcov = vcov(f);
        if (vcov != null && vcov.kind().serial()) {
            f.problem(f.raw("vcov"), "mediation takes iid, hc1 or cluster(...) standard errors, not " + vcov.text()
                    + "; Driscoll-Kraay, Newey-West and HAC apply to models");
            vcov = null;
        }
        String sample = f.string("sample", false, null);
        if (mediators != null && (mediators.isEmpty() || mediators.size() > 2)) {
            f.problem(f.raw("mediators"), "expected one mediator (simple mediation) or two (the chain treatment -> first -> second -> outcome), found "
                    + mediators.size());
        }
        if (treatment != null && mediators != null && outcome != null) {
            Map<String, String> roles = new LinkedHashMap<>();
            List<String[]> all = new ArrayList<>();
            all.add(new String[] {treatment, "the treatment", "treatment"});
            for (String m : mediators) {
                all.add(new String[] {m, "a mediator", "mediators"});
            }
            all.add(new String[] {outcome, "the outcome", "outcome"});
            for (String c : controls == null ? List.<String>of() : controls) {
                all.add(new String[] {c, "a control", "controls"});
            }
            for (String[] r : all) {
                String earlier = roles.putIfAbsent(r[0].replace(" ", ""), r[1]);
                if (earlier != null) {
                    f.problem(f.raw(r[2]), "'" + r[0] + "' is both " + earlier + " and " + r[1] + "; each variable takes one role");
                }
            }
        }
        MediationSpec.Bootstrap bootstrap = null;
        Node b = f.raw("bootstrap");
        if (b != null && !b.isNull()) {
            Fields bf = Fields.of(b, source, problems, "bootstrap settings such as {replications: 1000, level: 0.95, intervals: [percentile, bc]}",
                    BOOTSTRAP_KEYS);
            if (bf != null) {
                Integer reps = bf.integer("replications", 1000, 2, 1_000_000);
                Double level = bf.number("level", 0.95);
                if (level != null && !(level > 0 && level < 1)) {
                    bf.problem(bf.raw("level"), "expected a confidence level between 0 and 1 such as 0.95, found " + fmt(level));
                    level = null;
                }
                List<String> intervals = bf.strings("intervals", false, null);
                if (intervals == null && !bf.has("intervals")) {
                    intervals = List.of("percentile");
                }
                if (intervals != null) {
                    if (intervals.isEmpty()) {
                        bf.problem(bf.raw("intervals"), "name at least one interval: percentile, bc");
                        intervals = null;
                    } else {
                        Node in = bf.raw("intervals");
                        for (int i = 0; i < intervals.size(); i++) {
                            String v = intervals.get(i);
                            if (!List.of(INTERVALS).contains(v)) {
                                Node at = in != null && in.isList() ? in.items().get(i) : in;
                                String hint = Suggest.didYouMean(v, List.of(INTERVALS));
                                bf.problem(at, "unknown interval '" + v + "'" + hint + (hint.isEmpty() ? "; " : " ")
                                        + "expected percentile (percentile interval) or bc (bias-corrected)");
                                intervals = null;
                                break;
                            }
                        }
                    }
                }
                bf.finish();
                if (seed == null) {
                    f.problem(b, "a bootstrap needs the study's seed so that its draws can be reproduced: add 'seed: 20250521' "
                            + "(any whole number) at the top of the study file");
                } else if (reps != null && level != null && intervals != null) {
                    bootstrap = new MediationSpec.Bootstrap(reps, level, intervals.stream().distinct().toList(), seed);
                }
            }
        }
        f.finish();
        if (problems.size() > before || dataset == null || treatment == null || mediators == null || outcome == null || vcov == null
                || (b != null && !b.isNull() && bootstrap == null)) {
            return null;
        }
        return new MediationSpec(name, dataset, treatment, mediators, outcome, controls == null ? List.of() : controls,
                absorb == null ? List.of() : absorb, vcov, sample, bootstrap, node.at(source), locations(node));
    }
}
