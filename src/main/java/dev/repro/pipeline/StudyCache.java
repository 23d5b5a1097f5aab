package dev.repro.pipeline;

import java.util.EnumMap;
import java.util.Map;

/**
 * The validated (and the prepared) study of one project, kept between the goals of one build so that
 * validate, index, estimate and tables read the study file and every dataset once. Whoever runs the goals
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

    private record Entry(String key, Pipeline.Loaded loaded) {
    }
}
