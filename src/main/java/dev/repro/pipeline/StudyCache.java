package dev.repro.pipeline;

import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The validated (and the prepared) study of one project, kept between the goals of one build so that
 * validate, index, estimate and tables read the study file and every dataset once (and the goals that need only the
 * study file, in a build where nothing changed, parse it once). Whoever runs the goals
 * owns it: the Maven plugin keeps one per project in the build's project context, a test makes its own.
 * Nothing is shared JVM-wide, so modules built in parallel never see each other's study.
 *
 * <p>Every entry carries the key of the files it came from (paths, sizes and modification times of the
 * study file and of every file it names); an edited file misses. Studies and datasets are immutable, so
 * handing the same entry to several goals is safe.
 */
public final class StudyCache {
    /** How far a cached study has come. */
    enum Stage {
        /** Study and raw data read and checked. */
        VALIDATED,
        /** Constructed datasets built and every model and test checked against them. */
        PREPARED
    }

    private final Map<Stage, Entry> entries = new EnumMap<>(Stage.class);
    private final ModelFrames frames = new ModelFrames();
    private String parsedKey;
    private Study parsed;
    /** The index steps built or loaded by a goal of this build, by study key (index[0], ...), each with its step key. */
    private final Map<String, KeptStep> steps = new HashMap<>();
    /** What the goals of this build said once for the whole build (a setting's effect). */
    private final Set<String> said = new HashSet<>();

    /** The study cached at this stage for exactly these files, or null. */
    synchronized Pipeline.Loaded get(Stage stage, String key) {
        Entry e = entries.get(stage);
        return key != null && e != null && e.key().equals(key) ? e.loaded() : null;
    }

    synchronized void put(Stage stage, String key, Pipeline.Loaded loaded) {
        if (key != null) {
            entries.put(stage, new Entry(key, loaded));
        }
    }

    /** The model frames the check keeps for estimate (see {@link ModelFrames}). */
    ModelFrames frames() {
        return frames;
    }

    /** The key of a loaded study: paths, sizes and modification times of the study file and of every file it names, or null. */
    static String key(Workspace ws, boolean replication) {
        try {
            StringBuilder sb = new StringBuilder(ws.studyFile().toAbsolutePath().toString());
            Path study = ws.studyFile();
            if (!Files.isRegularFile(study)) {
                return null;
            }
            sb.append('|').append(Files.size(study)).append('|').append(Files.getLastModifiedTime(study).toMillis())
                    .append(replication ? "|replication" : "");
            Study s = StudyParser.parse(study, ws.display(study), new Problems());
            if (s == null) {
                return null;
            }
            for (var d : s.datasets().values()) {
                Path f = ws.dataFile(d).path();
                if (replication && d.restricted() && f != null && !Files.exists(f)) {
                    sb.append("|absent ").append(f.toAbsolutePath()); // skipped: every goal of the build skips the same
                    continue;
                }
                if (f == null || !Files.isRegularFile(f)) {
                    return null;
                }
                sb.append('|').append(f.toAbsolutePath()).append('|').append(Files.size(f)).append('|')
                        .append(Files.getLastModifiedTime(f).toMillis());
            }
            return sb.toString();
        } catch (IOException | ReproException | RuntimeException e) {
            return null;
        }
    }

    /** The study file's path, size and modification time (ns), or null when it is not a regular file. */
    static String fileKey(Path study) {
        try {
            BasicFileAttributes a = Files.readAttributes(study, BasicFileAttributes.class);
            return a.isRegularFile() ? study.toAbsolutePath() + "|" + a.size() + "|" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The study parsed from the file with this key (see {@link #fileKey(Path)}), or null. */
    synchronized Study parsed(String key) {
        return key != null && key.equals(parsedKey) ? parsed : null;
    }

    synchronized void parsed(String key, Study study) {
        if (key != null) {
            parsedKey = key;
            parsed = study;
        }
    }

    /**
     * The outputs of the index step at {@code at} that a goal of this build built or loaded from exactly these parts
     * ({@link DatasetCache#stepKey}), or null: a later goal takes them instead of building the step again.
     */
    synchronized CachedIndex.Step step(String at, String key) {
        KeptStep kept = steps.get(at);
        return key != null && kept != null && kept.key().equals(key) ? kept.step() : null;
    }

    synchronized void step(String at, String key, CachedIndex.Step step) {
        steps.put(at, new KeptStep(key, step));
    }

    /** True the first time in this build that {@code line} is to be said: a line said once per build, not once per goal. */
    synchronized boolean firstTime(String line) {
        return said.add(line);
    }

    private record Entry(String key, Pipeline.Loaded loaded) {
    }

    private record KeptStep(String key, CachedIndex.Step step) {
    }
}
