package dev.repro.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.io.Json;
import dev.repro.results.IndexResult;
import dev.repro.results.MediationResult;
import dev.repro.results.ModelResult;
import dev.repro.results.Results;
import dev.repro.results.TestResult;
import dev.repro.study.Study;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which models, tests and mediation analyses an estimate runs again and which it takes from the last results.json.
 * Each item depends on its own entry of the study (key by key, so that the log names the key that changed), the
 * digest of its dataset, the study's seed and the plugin; a test also on the models it names. An item whose parts
 * equal the recorded ones keeps its recorded result; the results are then written in study order, so that
 * results.json is the same bytes as after a full estimate.
 */
final class EstimatePlan {
    static final String STATE = "estimate-items";

    /** The recorded results to keep, by item id; everything else is estimated. */
    record Reuse(Map<String, ModelResult> models, Map<String, TestResult> tests, Map<String, MediationResult> mediation) {
        static final Reuse NONE = new Reuse(Map.of(), Map.of(), Map.of());

        boolean isEmpty() {
            return models.isEmpty() && tests.isEmpty() && mediation.isEmpty();
        }
    }

    private final Map<String, Map<String, String>> parts = new LinkedHashMap<>();

    /** The parts of every item of the validated and prepared study. */
    EstimatePlan(Pipeline.Loaded loaded) {
        Study study = loaded.study();
        Node root = study.root();
        String seed = String.valueOf(study.seed());
        Map<String, String> modelKeys = new TreeMap<>();
        for (String m : study.models().keySet()) {
            Map<String, String> p = entry(root, "models", m);
            p.put("data", dataDigest(loaded, study.models().get(m).dataset()));
            p.put("seed", seed);
            p.put("plugin", Fingerprint.pluginPart());
            parts.put("models." + m, p);
            modelKeys.put(m, String.join("|", p.values()));
        }
        for (var t : study.tests().entrySet()) {
            Map<String, String> p = entry(root, "tests", t.getKey());
            p.put("data", dataDigest(loaded, t.getValue().dataset()));
            p.put("seed", seed);
            p.put("plugin", Fingerprint.pluginPart());
            // a test that names a model (Hausman) is run again when that model is
            String plain = p.toString();
            modelKeys.forEach((m, key) -> {
                if (plain.contains("\"" + m + "\"")) {
                    p.put("model " + m, key);
                }
            });
            parts.put("tests." + t.getKey(), p);
        }
        for (var ms : study.mediation().entrySet()) {
            Map<String, String> p = entry(root, "mediation", ms.getKey());
            p.put("data", dataDigest(loaded, ms.getValue().dataset()));
            p.put("seed", seed);
            p.put("plugin", Fingerprint.pluginPart());
            parts.put("mediation." + ms.getKey(), p);
        }
    }

    Map<String, Map<String, String>> parts() {
        return parts;
    }

    /**
     * What to keep from {@code previous} (the last results.json, read through its records) given the parts it was
     * estimated from ({@code recorded}); each item estimated again is logged with the reason.
     */
    Reuse reuse(Map<String, Map<String, String>> recorded, Results previous, Reporter log) {
        Map<String, ModelResult> models = new LinkedHashMap<>();
        Map<String, TestResult> tests = new LinkedHashMap<>();
        Map<String, MediationResult> mediation = new LinkedHashMap<>();
        int again = 0;
        for (var e : parts.entrySet()) {
            String id = e.getKey();
            String name = id.substring(id.indexOf('.') + 1);
            Object kept = id.startsWith("models.") ? previous.models().get(name)
                    : id.startsWith("tests.") ? previous.tests().get(name) : previous.mediation().get(name);
            String why = kept == null ? "not in the last results" : BuildState.why(recorded.get(id), e.getValue());
            if (!why.isEmpty()) {
                log.info(id + ": " + why + "; estimating it again");
                again++;
                continue;
            }
            if (kept instanceof ModelResult m) {
                models.put(name, m);
            } else if (kept instanceof TestResult t) {
                tests.put(name, t);
            } else if (kept instanceof MediationResult r) {
                mediation.put(name, r);
            }
        }
        log.info("Estimating " + again + " of " + parts.size() + " models, tests and mediation analyses again; "
                + (parts.size() - again) + " unchanged, taken from the last results");
        return new Reuse(models, tests, mediation);
    }

    /** The item's study entry, key by key, each value as canonical JSON. */
    static Map<String, String> entry(Node root, String section, String id) {
        Map<String, String> p = new LinkedHashMap<>();
        Node s = root == null ? null : root.get(section);
        Node e = s == null || !s.isMap() ? null : s.get(id);
        if (e == null || !e.isMap()) {
            p.put("entry", e == null ? "absent" : canonical(e));
            return p;
        }
        for (var k : new TreeMap<>(e.entries()).entrySet()) {
            p.put(k.getKey(), canonical(k.getValue()));
        }
        return p;
    }

    static String canonical(Node n) {
        try {
            return Json.mapper().writeValueAsString(n.toPlain());
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A study dataset: its file's digest and its entry in the study (columns, missing codes, ...); a constructed one:
     * the digest of the CSV the index wrote and its columns. Unknown: a value that never matches, so it is estimated.
     */
    private static String dataDigest(Pipeline.Loaded loaded, String name) {
        Dataset d = loaded.data().get(name);
        IndexResult built = loaded.index().get(name);
        if (built != null && built.sha256() != null) {
            return "built " + built.sha256() + " " + built.columns();
        }
        if (d != null && d.sha256() != null && loaded.study().datasets().containsKey(name)) {
            return "read " + d.sha256() + " " + entry(loaded.study().root(), "datasets", name);
        }
        return "unknown " + System.nanoTime();
    }

    /** The ids of {@code items} in the order of {@code order}, for merging kept and new results. */
    static <V> Map<String, V> inOrder(List<String> order, Map<String, V> kept, Map<String, V> fresh) {
        Map<String, V> out = new LinkedHashMap<>();
        for (String id : order) {
            V v = fresh.containsKey(id) ? fresh.get(id) : kept.get(id);
            if (v != null) {
                out.put(id, v);
            }
        }
        return out;
    }
}
