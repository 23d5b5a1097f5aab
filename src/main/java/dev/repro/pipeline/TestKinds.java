package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import dev.repro.study.TestSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of test kinds: adding a kind is one class implementing {@link TestKind} and one line in
 * {@link #KINDS}. The study keeps each test's positioned entry; the kind named by its {@code type:} parses the rest.
 */
public final class TestKinds {
    /** Every test kind, in the order the study's messages list them. */
    static final List<TestKind> KINDS = List.of(new HausmanKind(), new UnitRootKind(), new GrangerKind());

    /** The keys every test has, read by the study. */
    private static final String[] COMMON_KEYS = {"type", "dataset", "sample", "allowMissing"};

    private TestKinds() {
    }

    static List<String> words() {
        return KINDS.stream().map(TestKind::word).toList();
    }

    /** The kind registered for {@code word}, or null. */
    static TestKind named(String word) {
        for (TestKind k : KINDS) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return null;
    }

    /** Parses every test's type and own keys at validate, adding each mistake with its position. */
    public static void check(Study study, Problems problems) {
        for (TestSpec t : study.tests().values()) {
            parse(t, problems);
        }
    }

    /**
     * The test with the options its kind parsed (a key with a mistake, added to {@code problems}, left out), or null
     * when its type is unknown. A test built in code (no node) already has its options.
     */
    public static TestSpec parse(TestSpec t, Problems problems) {
        if (t.node() == null) {
            return named(t.type()) == null ? null : t;
        }
        Fields f = new Fields(t.node(), t.at().source(), problems, COMMON_KEYS);
        String[] words = words().toArray(String[]::new);
        String type = f.choice("type", null, words);
        if (type == null && !f.has("type")) {
            f.missing("type", "one of " + String.join(", ", words));
        }
        Map<String, Object> options = new LinkedHashMap<>(t.options());
        // as on a model: keep a statistic that cannot be computed as null (n/a) instead of failing estimate
        TestKind.put(options, "allowMissing", f.bool("allowMissing", null));
        TestKind kind = named(type);
        if (kind != null) {
            kind.parse(f, options);
        }
        f.finish();
        return kind == null ? null : t.withOptions(options);
    }
}
