package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.study.ModelSpec;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model frames built by the check at validate and handed to estimate in the same build, so that a model's frame
 * (its complete rows, the codes of its effects and clusters: at millions of rows a few hundred milliseconds and tens of
 * MB of fresh memory) is built once per build. The build's {@link StudyCache} owns one.
 *
 * <p>A frame is found only for the very same dataset object (a dataset read again, edited or not, is another
 * object) and the same formula, sample and cluster variables, which are all a frame is made of; a model edited
 * between the goals misses and builds its own. Estimate takes a frame out of the store and {@link #clear()} drops
 * the rest once estimation is over, so no frame stays alive longer than until its model is estimated. Frames are
 * kept while they hold at most an eighth of the maximum heap together (a study of many models on a large dataset
 * keeps the first ones and builds the others again, as before), so keeping never costs an out-of-memory error.
 */
final class ModelFrames {
    private final boolean keeping;
    private final Map<Dataset, Map<Key, Kept>> frames = new IdentityHashMap<>();
    private final long budget;
    private long keptBytes;

    /** A kept frame and the bytes it was counted for against the budget. */
    private record Kept(ModelInputs.Frame frame, long bytes) {
    }

    /** What a linear model's frame is made of, beyond its dataset. */
    record Key(String formula, String sample, List<String> clusters) {
        static Key of(ModelSpec m) {
            return new Key(m.formula(), m.sample(), List.copyOf(m.vcov().clusters()));
        }
    }

    /** A store of its own (the build's, in {@link StudyCache}). */
    ModelFrames() {
        this(true, Runtime.getRuntime().maxMemory() / 8);
    }

    /** A store keeping frames of at most {@code budget} bytes together ({@link ModelInputs.Frame#bytes()}). */
    ModelFrames(long budget) {
        this(true, budget);
    }

    private ModelFrames(boolean keeping, long budget) {
        this.keeping = keeping;
        this.budget = budget;
    }

    /** A store that keeps nothing: every model builds its frame, as a check or estimate outside a build does. */
    static ModelFrames none() {
        return new ModelFrames(false, 0);
    }

    /**
     * The frame for the check of a model: the one kept for the same dataset and spec, else one built now (its
     * problems go to {@code problems}) and kept for estimate. A kept frame was built without any problem, so using
     * it reports nothing the build would have reported.
     */
    ModelInputs.Frame forCheck(ModelSpec m, Dataset d, Problems problems) {
        Key key = Key.of(m);
        ModelInputs.Frame kept = get(d, key, false);
        if (kept != null) {
            return kept;
        }
        ModelInputs.Frame built = ModelInputs.frame(m, d, problems);
        if (built != null && keeping) {
            synchronized (this) {
                long bytes = built.bytes();
                if (keptBytes + bytes <= budget) {
                    Kept old = frames.computeIfAbsent(d, x -> new HashMap<>()).put(key, new Kept(built, bytes));
                    keptBytes += bytes - (old == null ? 0 : old.bytes());
                }
            }
        }
        return built;
    }

    /** The frame for the estimation of a model: the one the check kept (taken out of the store), else one built now. */
    ModelInputs.Frame forEstimate(ModelSpec m, Dataset d, Problems problems) {
        ModelInputs.Frame kept = get(d, Key.of(m), true);
        return kept != null ? kept : ModelInputs.frame(m, d, problems);
    }

    private synchronized ModelInputs.Frame get(Dataset d, Key key, boolean take) {
        Map<Key, Kept> of = frames.get(d);
        if (of == null) {
            return null;
        }
        Kept k = take ? of.remove(key) : of.get(key);
        if (take && k != null) {
            keptBytes -= k.bytes();
        }
        if (of.isEmpty()) {
            frames.remove(d);
        }
        return k == null ? null : k.frame();
    }

    /** Drops every frame kept (after estimation, or when the build fails). */
    synchronized void clear() {
        frames.clear();
        keptBytes = 0;
    }

    /** The number of frames kept. */
    synchronized int size() {
        return frames.values().stream().mapToInt(Map::size).sum();
    }
}
