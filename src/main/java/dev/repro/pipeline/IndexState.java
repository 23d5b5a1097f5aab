package dev.repro.pipeline;

import dev.repro.config.Node;
import dev.repro.index.api.IndexStepSpec;
import dev.repro.io.Sha256;
import dev.repro.study.DatasetSpec;
import dev.repro.study.Study;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each index step depends on, known without reading any data: its kind, its parameters (defaults filled in),
 * the plugin, and per input dataset either the digest of the study's file with the dataset's entry, or the parts of
 * the step that built it (so that a change upstream reaches every step downstream). With the digests of the CSV files
 * a step wrote, recorded after the build, the index goal can tell that nothing needs building without a byte of data.
 */
final class IndexState {
    static final String STATE = "index-steps";
    private static final String OUTPUT = "output ";

    private IndexState() {
    }

    /** What the index goal says of a step it skips. */
    static String skipLine(IndexStepSpec step) {
        return step.at().key() + " (" + step.kind() + " -> " + step.output() + "): inputs and parameters unchanged since the last"
                + " build; skipping; -Drepro.force=true builds it again";
    }

    /** Every step's parts, keyed by the step's study key (index[0], ...), in plan order. */
    static Map<String, Map<String, String>> parts(Study study, Workspace ws, FileStamps stamps) throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> producedBy = new HashMap<>();
        for (IndexStepSpec s : study.index().steps()) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("kind", s.kind());
            p.put("parameters", json(s.parameters()));
            p.put("outputs", String.join(",", outputs(s)));
            for (String in : s.inputs()) {
                String upstream = producedBy.get(in);
                DatasetSpec d = study.datasets().get(in);
                if (upstream != null) {
                    p.put("input " + in, "built by " + upstream + " " + digest(out.get(upstream)));
                } else if (d != null) {
                    Node entry = study.root() == null || study.root().get("datasets") == null ? null : study.root().get("datasets").get(in);
                    p.put("input " + in, stamps.digest(ws.dataFile(d).path()) + " " + (entry == null ? "" : json(entry.toPlain())));
                } else {
                    p.put("input " + in, "unknown");
                }
            }
            p.put("plugin", Fingerprint.pluginPart());
            String key = s.at().key();
            out.put(key, p);
            for (String o : outputs(s)) {
                producedBy.put(o, key);
            }
        }
        return out;
    }

    /**
     * Null when every step's parts equal the recorded ones and every CSV it wrote is there with the recorded digest;
     * otherwise, per step that must be built, why.
     */
    static Map<String, String> changes(Map<String, Map<String, String>> now, Map<String, Map<String, String>> recorded,
                                       Workspace ws, FileStamps stamps) throws IOException {
        Map<String, String> why = new LinkedHashMap<>();
        for (var e : now.entrySet()) {
            Map<String, String> before = recorded.get(e.getKey());
            Map<String, String> inputs = before == null ? null : withoutOutputs(before);
            String reason = BuildState.why(inputs, e.getValue());
            if (reason.isEmpty()) {
                for (String o : e.getValue().get("outputs").split(",")) {
                    String shown = ws.display(ws.dataDir().resolve(o + ".csv"));
                    if (!stamps.digest(ws.dataDir().resolve(o + ".csv")).equals(before.get(OUTPUT + o))) {
                        reason = shown + " is missing or was edited";
                        break;
                    }
                }
            }
            if (!reason.isEmpty()) {
                why.put(e.getKey(), reason);
            }
        }
        return why.isEmpty() && recorded.keySet().equals(now.keySet()) ? null : why;
    }

    /**
     * The steps to run to build the steps {@code rebuild} names: those, and every step upstream of them (their inputs
     * are built in memory, not read back), in plan order; every other step is left as it is.
     */
    static List<IndexStepSpec> withUpstream(Study study, Set<String> rebuild) {
        List<IndexStepSpec> steps = study.index().steps();
        Map<String, String> producedBy = new HashMap<>();
        for (IndexStepSpec s : steps) {
            outputs(s).forEach(o -> producedBy.put(o, s.at().key()));
        }
        Set<String> keep = new HashSet<>(rebuild);
        // a step reads only the outputs of steps before it: one walk from the last step finds every one upstream
        for (int i = steps.size() - 1; i >= 0; i--) {
            IndexStepSpec s = steps.get(i);
            if (keep.contains(s.at().key())) {
                s.inputs().stream().map(producedBy::get).filter(k -> k != null).forEach(keep::add);
            }
        }
        return steps.stream().filter(s -> keep.contains(s.at().key())).toList();
    }

    /** The parts with the digests of the CSV files each step wrote, to record after a build. */
    static Map<String, Map<String, String>> withOutputs(Map<String, Map<String, String>> now, Workspace ws, FileStamps stamps)
            throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (var e : now.entrySet()) {
            Map<String, String> p = new LinkedHashMap<>(e.getValue());
            for (String o : p.get("outputs").split(",")) {
                p.put(OUTPUT + o, stamps.digest(ws.dataDir().resolve(o + ".csv")));
            }
            out.put(e.getKey(), p);
        }
        return out;
    }

    private static Map<String, String> withoutOutputs(Map<String, String> parts) {
        Map<String, String> p = new LinkedHashMap<>(parts);
        p.keySet().removeIf(k -> k.startsWith(OUTPUT));
        return p;
    }

    private static List<String> outputs(IndexStepSpec s) {
        List<String> o = new ArrayList<>();
        o.add(s.output());
        o.addAll(s.extraOutputs());
        return o;
    }

    private static String digest(Map<String, String> parts) {
        return Sha256.of(parts.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Canonical JSON, the bytes {@code Json.mapper()} writes, without loading the object mapper. */
    private static String json(Object plain) {
        return StateJson.compact(plain);
    }
}
