package dev.repro.pipeline;

import dev.repro.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The records of the last build that let the next one skip what did not change, under {@code target/repro/state}:
 * per item (a model, a test, an index step, ...) the parts its output depends on, each as a digest or a canonical
 * text, so that a rebuild can say which part changed ("models.m3: formula changed"). Written atomically; a record
 * that cannot be read is said in the log and treated as absent, so that everything is built again, never reused.
 * Read and written with Jackson's streaming API alone ({@link StateJson}): no object mapper on a no-op build.
 */
final class BuildState {
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
            return StateJson.read(f);
        } catch (IOException | RuntimeException e) {
            log.info("The state file " + ws.display(f) + " is unreadable (" + e.getClass().getSimpleName()
                    + "): building everything again");
            return null;
        }
    }

    static void write(Workspace ws, String name, Map<String, Map<String, String>> items) throws IOException {
        AtomicFiles.write(dir(ws).resolve(name + ".json"), StateJson.bytes(items));
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
