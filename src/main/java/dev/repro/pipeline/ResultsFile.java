package dev.repro.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.results.Results;
import dev.repro.results.ResultsJson;
import dev.repro.io.AtomicFiles;
import dev.repro.io.Json;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes results.json and the baseline (the same JSON layout), always atomically. */
public final class ResultsFile {
    private ResultsFile() {
    }

    public static byte[] bytes(Results results) throws IOException {
        return ResultsJson.bytes(results);
    }

    public static void write(Path file, Results results) throws IOException {
        AtomicFiles.write(file, bytes(results));
    }

    /**
     * Reads results.json into its records; besides the problems of {@link #read}, a file that is JSON but not
     * results (a key no record knows, a number where a text belongs) says how to make it again.
     */
    public static Results readResults(Path file, String display, String whatMissing) throws ReproException, IOException {
        // a broken results.json is made again by estimate; re-recording the baseline would not mend it
        JsonNode tree = read(file, display, whatMissing, "run the estimate goal again (`mvn verify` runs every goal in order)");
        try {
            return ResultsJson.read(tree);
        } catch (JsonProcessingException e) {
            throw new ReproException("Unreadable results", Problem.at(display, 0, 0, "not results of this plugin ("
                    + e.getOriginalMessage() + "); run the estimate goal again (`mvn verify` runs every goal in order)"));
        }
    }

    /**
     * Reads a results or baseline file as a JSON tree; a missing file or broken JSON is a user-facing
     * problem whose message says how to make the file ({@code fix}).
     */
    public static JsonNode read(Path file, String display, String whatMissing) throws ReproException, IOException {
        return read(file, display, whatMissing, "restore it from version control or record it again with `mvn repro:baseline`");
    }

    private static JsonNode read(Path file, String display, String whatMissing, String fix) throws ReproException, IOException {
        try {
            JsonNode tree = Json.mapper().readTree(Files.readAllBytes(file));
            if (tree == null || tree.isMissingNode()) {
                throw new ReproException("Unreadable results", Problem.at(display, 0, 0, "empty, not valid JSON; " + fix));
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new ReproException("Nothing to compare", Problem.at(display, 0, 0, whatMissing));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ReproException("Unreadable results", Problem.at(display, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "not valid JSON (" + e.getOriginalMessage() + "); " + fix));
        }
    }
}
