package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Problems;
import dev.repro.estimate.wild.WildWeights;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A linear model's {@code wild:} key: {@code {terms: [x], replications: 9999, weights: rademacher | webb | mammen,
 * restricted: true, level: 0.95}}, the seed being the study's. Parsed at validate from the positioned entry, after the
 * kind's own keys, and kept in the model's options as a {@link Spec}.
 */
final class WildOptions {
    static final String KEY = "wild";
    private static final String[] KEYS = {"terms", "replications", "weights", "restricted", "level"};

    /** The parsed key; {@code seed} is the study's. */
    record Spec(List<String> terms, int replications, WildWeights weights, double level, long seed) {
        Spec {
            terms = List.copyOf(terms);
        }
    }

    private WildOptions() {
    }

    /** Reads the model entry's {@code wild:} mapping into {@code options} when the kind named by {@code word} owns it. */
    static void parse(Node model, String word, String source, Long seed, Map<String, Object> options, Problems problems) {
        Node node = model.get(KEY);
        EstimatorKind kind = word == null ? null : EstimatorKinds.named(word);
        if (node == null || kind == null || !kind.keys().contains(KEY)) {
            return;
        }
        Fields f = Fields.of(node, source, problems, "the wild bootstrap settings", KEYS);
        if (f == null) {
            return;
        }
        int before = problems.size();
        List<String> terms = f.strings("terms", true, "name the coefficients to test, e.g. terms: [open]");
        Integer replications = f.integer("replications", 9999, 99, 10_000_000);
        String weights = f.choice("weights", "rademacher", "rademacher", "webb", "mammen");
        Boolean restricted = f.bool("restricted", true);
        Double level = f.number("level", 0.95);
        if (Boolean.FALSE.equals(restricted)) {
            f.problem(node.get("restricted"), "only the restricted bootstrap (WCR, the null imposed) is offered: remove "
                    + "'restricted' or set it to true");
        }
        if (level != null && !(level > 0.5 && level < 1)) {
            f.problem(node.get("level"), "level must be above 0.5 and below 1, e.g. 0.95");
        }
        if (seed == null) {
            f.problem(node, "a wild bootstrap needs the study's seed so that its draws can be reproduced: add 'seed: 20250521' "
                    + "(any whole number) at the top of the study");
        }
        f.finish();
        if (problems.size() == before) {
            options.put(KEY, new Spec(terms, replications, WildWeights.valueOf(weights.toUpperCase(Locale.ROOT)), level, seed));
        }
    }
}
