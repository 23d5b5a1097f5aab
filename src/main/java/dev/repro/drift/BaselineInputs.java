package dev.repro.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repro.io.Json;
import dev.repro.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of every input file (the study file, each dataset file, a tile map's layout), recorded in the
 * baseline under the top-level key {@code inputs} by the path the user sees, so that a drift can name the
 * files that changed since the baseline was recorded: {@code data/gas.csv changed since the baseline}.
 * The key is not a result and is left out of the comparison. A baseline recorded before input hashes
 * existed has no such key; it still works, and the drift report says the hashes are unknown.
 */
public final class BaselineInputs {
    /** The top-level key of the baseline that holds the input hashes. */
    public static final String KEY = "inputs";

    private BaselineInputs() {
    }

    /** SHA-256 of each file that exists, by its shown path, sorted; a path without a file is left out. */
    public static Map<String, String> hash(Map<String, Path> files) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (var e : files.entrySet()) {
            if (e.getValue() != null && Files.isRegularFile(e.getValue())) {
                out.put(e.getKey(), Sha256.of(e.getValue()));
            }
        }
        return out;
    }

    /** The baseline's bytes: the results tree with {@code inputs} (paths sorted) as its last key. */
    public static byte[] baseline(JsonNode results, Map<String, String> hashes) throws IOException {
        ObjectNode tree = results.deepCopy();
        ObjectNode inputs = tree.putObject(KEY);
        new TreeMap<>(hashes).forEach(inputs::put);
        return Json.bytes(tree);
    }

    /** The recorded hashes, or null for a baseline recorded before input hashes (or with a malformed {@code inputs}). */
    public static Map<String, String> recorded(JsonNode baseline) {
        JsonNode n = baseline.get(KEY);
        if (n == null || !n.isObject()) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                return null;
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** The baseline's results alone: a copy without {@code inputs}. */
    public static JsonNode results(JsonNode baseline) {
        if (!baseline.isObject() || !baseline.has(KEY)) {
            return baseline;
        }
        ObjectNode copy = baseline.deepCopy();
        copy.remove(KEY);
        return copy;
    }

    /**
     * One line about the inputs for the drift report: the files whose bytes differ from the baseline's, the
     * files read now but not then and those read then but not now; that none changed (the drift then comes
     * from the plugin or its settings); or, for {@code recorded == null}, that the hashes are unknown.
     */
    public static String describe(Map<String, String> recorded, Map<String, String> now) {
        if (recorded == null) {
            return "inputs: unknown, the baseline records no input hashes (it predates them); `mvn repro:baseline`"
                    + " records them";
        }
        List<String> parts = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (var e : new TreeMap<>(now).entrySet()) {
            String was = recorded.get(e.getKey());
            if (was == null) {
                added.add(e.getKey());
            } else if (!was.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        List<String> gone = new ArrayList<>();
        for (String k : new TreeMap<>(recorded).keySet()) {
            if (!now.containsKey(k)) {
                gone.add(k);
            }
        }
        if (!changed.isEmpty()) {
            parts.add(String.join(", ", changed) + " changed since the baseline");
        }
        if (!added.isEmpty()) {
            parts.add(String.join(", ", added) + (added.size() == 1 ? " is" : " are") + " read now but not by the baseline");
        }
        if (!gone.isEmpty()) {
            parts.add(String.join(", ", gone) + (gone.size() == 1 ? " was" : " were") + " read by the baseline but not now");
        }
        if (parts.isEmpty()) {
            return "inputs: " + (now.size() == 1 ? "the input file is" : "all " + now.size() + " input files are")
                    + " unchanged since the baseline (SHA-256), so the plugin or its settings made the difference";
        }
        return "inputs: " + String.join("; ", parts);
    }
}
