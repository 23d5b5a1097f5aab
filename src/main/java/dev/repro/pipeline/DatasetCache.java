package dev.repro.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.data.cache.DatasetFile;
import dev.repro.io.Json;
import dev.repro.io.ProjectPaths;
import dev.repro.study.DatasetSpec;
import dev.repro.study.Study;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The copies of the datasets in {@code target/repro/cache} ({@link DatasetFile}): a raw dataset after it was read and
 * validated, keyed by the plugin, its file's digest and its entry in the study; a constructed dataset after its step
 * built it, keyed by its step's parts ({@link IndexState#parts}). A later build whose key is the same loads the copy
 * instead of reading the file or building the step; any other copy is said in the log and the dataset read or built
 * again. The copies hold the data: they are never packaged, and are as confidential as the data.
 */
final class DatasetCache {
    private static final String RAW = "raw dataset, format of the plugin ";
    private static final String STEP = "index step ";

    private final Workspace ws;
    private final FileStamps stamps;
    private final Reporter log;
    private final boolean bypass;
    /** False under repro.cache=false: nothing is written to (or deleted from) the cache either. */
    private final boolean writes;

    /** With {@code bypass} (repro.force), every lookup misses and every dataset is read or built and cached again. */
    DatasetCache(Workspace ws, FileStamps stamps, Reporter log, boolean bypass) {
        this(ws, stamps, log, bypass, true);
    }

    private DatasetCache(Workspace ws, FileStamps stamps, Reporter log, boolean bypass, boolean writes) {
        this.ws = ws;
        this.stamps = stamps;
        this.log = log;
        this.bypass = bypass;
        this.writes = writes;
    }

    /** The cache switched off (repro.cache=false): every lookup misses, nothing is written, old copies are left alone. */
    static DatasetCache off(Workspace ws, FileStamps stamps, Reporter log) {
        return new DatasetCache(ws, stamps, log, true, false);
    }

    /** True under repro.force or repro.cache=false: nothing is loaded from the cache. */
    boolean bypass() {
        return bypass;
    }

    /** Why nothing is loaded from the cache, when {@link #bypass()}. */
    String bypassReason() {
        return writes ? "repro.force is set" : "repro.cache is false";
    }

    Path dir() {
        return ws.outputDir().resolve("cache");
    }

    Path file(String dataset) {
        return dir().resolve(ProjectPaths.safeName(dataset) + DatasetFile.EXTENSION);
    }

    /** What a raw dataset is read from: the plugin, the digest of its file and its entry in the study, defaults included. */
    String rawKey(Study study, DatasetSpec d, Path file) throws IOException {
        return rawKey(study, d, stamps.digest(file));
    }

    /**
     * The key of a dataset read without a lookup (repro.force), from the digest its reader took of the bytes it read
     * and parsed, which the stamps record ({@link FileStamps#read}): the file is hashed once, by its reader.
     */
    String readKey(Study study, DatasetSpec d, Path file, FileStamps.Seen before, String digest) throws IOException {
        stamps.read(file, before, digest);
        return rawKey(study, d, digest);
    }

    private static String rawKey(Study study, DatasetSpec d, String digest) {
        Node datasets = study.root() == null ? null : study.root().get("datasets");
        Node entry = datasets == null ? null : datasets.get(d.name());
        return RAW + Fingerprint.pluginPart() + "\nfile " + digest + "\nentry " + json(entry == null ? null : entry.toPlain())
                + "\nspec " + d.name() + " " + d.file() + " " + d.id() + " " + d.time() + " " + d.missing() + " " + d.columns() + " " + d.read();
    }

    /** What a constructed dataset is built from: its step's parts (kind, parameters, inputs by digest, plugin). */
    static String stepKey(Map<String, String> parts) {
        return STEP + parts;
    }

    /** The dataset cached for {@code d} under {@code key}, its reader's warnings said again; null (said why) when there is none. */
    Dataset raw(DatasetSpec d, String key) {
        Path file = file(d.name());
        if (bypass) {
            log.info("datasets." + d.name() + ": reading " + d.file() + " (" + bypassReason() + ": " + ws.display(dir()) + " is not used)");
            return null;
        }
        DatasetFile.Lookup found = DatasetFile.read(file, key);
        if (found instanceof DatasetFile.Hit hit && hit.dataset().name().equals(d.name())) {
            List<String> warnings = parse(hit.payload(), new TypeReference<List<String>>() { });
            if (warnings != null) {
                Dataset ds = hit.dataset();
                log.info("datasets." + d.name() + ": loaded from " + ws.display(file) + " (" + d.file() + " and its study entry unchanged"
                        + " since it was cached): " + ds.rows() + " rows, " + ds.columnNames().size() + " columns");
                warnings.forEach(log::warn);
                return ds;
            }
        }
        log.info("datasets." + d.name() + ": reading " + d.file() + " (" + ws.display(file) + ": " + reason(found) + ")");
        return null;
    }

    /** A copy being written on a thread of its own, and the warning its failure leaves (null: none). */
    private record Writing(Thread thread, String[] warning) {
    }

    private final List<Writing> writing = new ArrayList<>();

    /**
     * Caches a raw dataset that read and validated cleanly, with the warnings its reader gave, on a thread of its
     * own: the model checks that follow the read run meanwhile (the dataset is immutable, so both only read it).
     * {@link #awaitWrites} must follow before the goal ends.
     */
    void storeRawInBackground(Dataset ds, String key, List<String> warnings) {
        if (!writes) {
            return;
        }
        String payload = json(warnings);
        String[] warning = new String[1];
        Thread t = new Thread(() -> warning[0] = write(ds, key, payload), "repro-cache-writer");
        writing.add(new Writing(t, warning));
        t.start();
    }

    /** Waits for the copies {@link #storeRawInBackground} started and says their failures, in the order started. */
    void awaitWrites() {
        boolean interrupted = false;
        for (Writing w : writing) {
            while (w.thread().isAlive()) {
                try {
                    w.thread().join();
                } catch (InterruptedException e) {
                    interrupted = true; // the copy is finished first: no goal ends with a write under way
                }
            }
            if (w.warning()[0] != null) {
                log.warn(w.warning()[0]);
            }
        }
        writing.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the copy; a failure (a full disk) is a warning: the next build reads or builds the dataset again. */
    void store(Dataset ds, String key, String payload) {
        if (!writes) {
            return;
        }
        String warning = write(ds, key, payload);
        if (warning != null) {
            log.warn(warning);
        }
    }

    /** Writes the copy; the warning to give when it failed, else null. */
    private String write(Dataset ds, String key, String payload) {
        Path file = file(ds.name());
        try {
            DatasetFile.write(file, key, payload, ds);
            return null;
        } catch (IOException | RuntimeException e) {
            return "Could not cache " + ds.name() + " in " + ws.display(file) + " (" + e.getMessage() + "); the next build reads or"
                    + " builds it again";
        }
    }

    /** Removes the copies of datasets the study no longer has (all of them when {@code keep} is empty). */
    void prune(Set<String> keep) {
        if (!writes || !Files.isDirectory(dir())) {
            return;
        }
        Set<String> names = new HashSet<>();
        keep.forEach(n -> names.add(file(n).getFileName().toString()));
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir(), "*" + DatasetFile.EXTENSION)) {
            for (Path f : s) {
                if (!names.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove an old copy from " + ws.display(dir()) + " (" + e.getMessage() + ")");
        }
    }

    static String reason(DatasetFile.Lookup found) {
        return found instanceof DatasetFile.Miss miss ? miss.reason() : "the cached copy is of another dataset or its metadata is damaged";
    }

    /** The payload as {@code type}, or null when it does not parse (the copy is then not used). */
    static <T> T parse(String payload, TypeReference<T> type) {
        if (payload == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(payload, type);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String json(Object plain) {
        try {
            return Json.mapper().writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
