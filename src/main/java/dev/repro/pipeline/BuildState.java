package dev.repro.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.repro.io.AtomicFiles;
import dev.repro.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records of the last build that let the next one skip what did not change, under {@code target/repro/state}:
 * per item (a model, a test, an index step, ...) the parts its output depends on, each as a digest or a canonical
 * text, so that a rebuild can say which part changed ("models.m3: formula changed"). Written atomically; a record
 * that cannot be read is said in the log and treated as absent, so that everything is built again, never reused.
 */
final class BuildState {
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>> TYPE = new TypeReference<>() {
    };

    private BuildState() {
    }

    static Path dir(Workspace ws) {
        return ws.outputDir().resolve("state");
    }

    /** The record {@code name}, item by item; empty when there is none; null (logged) when it is unreadable. */
    static Map<String, Map<String, String>> read(Workspace ws, String name, Reporter log) {
        Path f = dir(ws).resolve(name + ".json");
        if (!Files.isRegularFile(f)) {
            return Map.of();
        }
        try {
            Map<String, Map<String, String>> m = new LinkedHashMap<>(Json.mapper().readValue(f.toFile(), TYPE));
            if (m.values().stream().anyMatch(v -> v == null)) {
                throw new IOException("an item without parts");
            }
            return m;
        } catch (IOException | RuntimeException e) {
            log.info("The state file " + ws.display(f) + " is unreadable (" + e.getClass().getSimpleName()
                    + "): building everything again");
            return null;
        }
    }

    static void write(Workspace ws, String name, Map<String, Map<String, String>> items) throws IOException {
        AtomicFiles.write(dir(ws).resolve(name + ".json"), Json.bytes(items));
    }

    static void forget(Workspace ws, String name) throws IOException {
        Files.deleteIfExists(dir(ws).resolve(name + ".json"));
    }

    /**
     * What differs between the recorded parts of an item and its parts now, as words for the log ("formula
     * changed", "new"); empty when nothing did.
     */
    static String why(Map<String, String> before, Map<String, String> now) {
        if (before == null) {
            return "new";
        }
        StringBuilder sb = new StringBuilder();
        for (var e : now.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(before.containsKey(e.getKey()) ? " changed" : " added");
            }
        }
        for (String k : before.keySet()) {
            if (!now.containsKey(k)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" removed");
            }
        }
        return sb.toString();
    }
}
