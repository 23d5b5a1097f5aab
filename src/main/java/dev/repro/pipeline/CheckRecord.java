package dev.repro.pipeline;

import dev.repro.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of the last check that passed: what it compared (results.json, the baseline, the study file with its
 * tolerance and published tables, the plugin), what it wrote (the JUnit report, the published tables' reports) and
 * what it said. A check of the same files would find the same: it says the recorded lines again without reading either
 * JSON file. A check that failed or found drift leaves no record.
 */
final class CheckRecord {
    private static final String STEP = "check";
    private static final String INFO = "info\t";
    private static final String WARN = "warn\t";
    private static final String UP_TO_DATE = "Check is up to date (results.json, the baseline and the study unchanged since the last"
            + " check, which passed): not compared again; -Drepro.force=true compares. It said:";

    private CheckRecord() {
    }

    /** A reporter that passes every line on to {@code log} and keeps it in {@code said}. */
    static Reporter recording(Reporter log, List<String> said) {
        return new Reporter() {
            @Override
            public void info(String message) {
                said.add(INFO + message.replace('\n', ' '));
                log.info(message);
            }

            @Override
            public void warn(String message) {
                said.add(WARN + message.replace('\n', ' '));
                log.warn(message);
            }
        };
    }

    /**
     * True, said in the log with the recorded lines, when the last check passed and its inputs and outputs are the
     * same files (by their stamps); {@code force} compares anyway.
     */
    static boolean passedBefore(Workspace ws, boolean force, FileStamps stamps, Reporter log) throws IOException {
        if (force || !files(ws, stamps).matches(ws, STEP, lines(ws))) {
            return false;
        }
        for (String[] line : said(ws)) {
            if (line[0].equals(NoopRecord.WARN)) {
                log.warn(line[1]);
            } else {
                log.info(line[1]);
            }
        }
        return true;
    }

    /** What a check that finds the recorded files says: that it is up to date, then the lines of the check that passed. */
    static List<String[]> said(Workspace ws) throws IOException {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {NoopRecord.INFO, UP_TO_DATE});
        for (String line : Files.readAllLines(lines(ws), StandardCharsets.UTF_8)) {
            if (line.startsWith(WARN)) {
                out.add(new String[] {NoopRecord.WARN, line.substring(WARN.length())});
            } else if (line.startsWith(INFO)) {
                out.add(new String[] {NoopRecord.INFO, line.substring(INFO.length())});
            }
        }
        return out;
    }

    static void forget(Workspace ws) throws IOException {
        Fingerprint.forget(ws, STEP);
    }

    /** Records a check that passed with the lines it said. */
    static void store(Workspace ws, List<String> said, FileStamps stamps) throws IOException {
        AtomicFiles.writeString(lines(ws), String.join("\n", said) + "\n");
        files(ws, stamps).store(ws, STEP, lines(ws));
    }

    private static Fingerprint files(Workspace ws, FileStamps stamps) throws IOException {
        return new Fingerprint(stamps).with("results", ws.resultsFile()).with("baseline", ws.baselineFile())
                .with("study", ws.studyFile()).with("junit", CheckStep.junit(ws))
                .withTree("published", ws.outputDir().resolve("published"));
    }

    static Path lines(Workspace ws) {
        return BuildState.dir(ws).resolve("check-lines.txt");
    }
}
