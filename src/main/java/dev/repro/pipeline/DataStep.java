package dev.repro.pipeline;

import dev.repro.data.CsvOptions;
import dev.repro.data.Dataset;
import dev.repro.data.readers.DataReaders;
import dev.repro.io.ProjectPaths;
import dev.repro.study.DatasetSpec;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates every dataset of the study; fails once with every problem of every file. A file
 * outside the project folder (after symbolic links) is refused before a byte of it is read, unless the
 * dataset says {@code external: true}.
 */
public final class DataStep {
    private DataStep() {
    }

    /** The datasets that read cleanly, one reader thread per core; see {@link #load(Study, Workspace, Reporter, Problems, int)}. */
    public static Map<String, Dataset> load(Study study, Workspace ws, Reporter log, Problems problems) {
        return load(study, ws, log, problems, 0);
    }

    /**
     * The datasets that read cleanly; the problems of the others are added to {@code problems}. A CSV file is read
     * on {@code threads} threads ({@code repro.threads}; 0 = one per core); the columns do not depend on it.
     */
    public static Map<String, Dataset> load(Study study, Workspace ws, Reporter log, Problems problems, int threads) {
        return load(study, ws, log, problems, threads, null);
    }

    /**
     * As {@link #load(Study, Workspace, Reporter, Problems, int)}; with a {@code cache}, a dataset whose file and study
     * entry are those it was cached with is loaded from its copy (no parsing, no row checks: a copy is written only
     * after its file read and validated cleanly), and every other one is read and, when clean, cached.
     */
    static Map<String, Dataset> load(Study study, Workspace ws, Reporter log, Problems problems, int threads, DatasetCache cache) {
        Map<String, Dataset> out = new LinkedHashMap<>();
        for (DatasetSpec d : study.datasets().values()) {
            CsvOptions.Builder b = options(study, d, threads);
            ProjectPaths.Resolved where = ws.dataFile(d);
            if (!where.ok()) {
                String key = "datasets." + d.name() + ".file";
                Located at = d.locate(key);
                problems.add(Problem.atKey(study.source(), at.line(), at.column(), key, where.refusal() + "; " + Workspace.dataFileFix(d)));
                continue;
            }
            // under repro.force nothing is looked up: the key is made after the read, from the reader's digest of the
            // bytes it parsed, so that the file is hashed once
            FileStamps.Seen before = cache != null && cache.bypass() ? seen(where.path()) : null;
            String key = before != null ? null : cacheKey(cache, study, d, where.path());
            Dataset ds = before != null ? cache.raw(d, null) : key == null ? null : cache.raw(d, key);
            if (ds != null) {
                out.put(d.name(), ds);
                continue;
            }
            // the reader knows the study keys of its problems but not where they are written: the dataset does
            Problems reading = new Problems();
            List<String> warnings = new ArrayList<>();
            ds = DataReaders.read(where.path(), b.build(), d.read(), reading, w -> {
                warnings.add(w);
                log.warn(w);
            });
            for (Problem p : reading.list()) {
                boolean unplaced = p.line() == 0 && p.key() != null && p.source().equals(study.source());
                problems.add(unplaced ? Problem.atKey(p.source(), d.locate(p.key()).line(), d.locate(p.key()).column(), p.key(), p.message()) : p);
            }
            problems.addDropped(reading.dropped());
            if (ds != null && d.sha256() != null && !d.sha256().equals(ds.sha256())) {
                problems.addKey(study.source(), d.locate("datasets." + d.name() + ".sha256").line(),
                        d.locate("datasets." + d.name() + ".sha256").column(), "datasets." + d.name() + ".sha256", d.file() + " has SHA-256 " + ds.sha256()
                        + " but the study expects " + d.sha256() + "; the file changed: restore the original or, if the change is"
                        + " intended, update datasets." + d.name() + ".sha256");
                ds = null;
            }
            if (ds != null) {
                out.put(d.name(), ds);
                log.info("Read " + d.file() + ": " + ds.rows() + " rows, " + ds.columnNames().size() + " columns, sha256 " + ds.sha256());
                if (before != null && reading.list().isEmpty() && reading.dropped() == 0) {
                    key = readKey(cache, study, d, where.path(), before, ds.sha256());
                }
                // only a clean read of the bytes the key names is cached (the reader hashes what it read): a file
                // edited between its hashing and its reading is not
                if (key != null && reading.list().isEmpty() && reading.dropped() == 0 && key.contains("\nfile " + ds.sha256() + "\n")) {
                    cache.storeRawInBackground(ds, key, warnings);
                }
            }
        }
        return out;
    }

    /** The file's size and time before it is read, or null when it is not a regular file (the reader then says why). */
    private static FileStamps.Seen seen(Path file) {
        try {
            return Files.isRegularFile(file) ? FileStamps.Seen.of(file) : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The key of a dataset read under repro.force, from its reader's digest; null when the stamps cannot be taken. */
    private static String readKey(DatasetCache cache, Study study, DatasetSpec d, Path file, FileStamps.Seen before, String sha) {
        try {
            return cache.readKey(study, d, file, before, sha);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The dataset's cache key, or null without a cache or when its file cannot be hashed (the reader then says why). */
    private static String cacheKey(DatasetCache cache, Study study, DatasetSpec d, Path file) {
        if (cache == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return cache.rawKey(study, d, file);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The reader's options for dataset {@code d}: its missing texts, schema, panel keys and the thread count. */
    static CsvOptions.Builder options(Study study, DatasetSpec d, int threads) {
        CsvOptions.Builder b = CsvOptions.builder(d.name(), d.file())
                .studyFile(study.source())
                .missing(d.missing())
                .schema(d.columns())
                .threads(Math.max(0, threads));
        if (d.id() != null) {
            b.id(d.id());
        }
        if (d.time() != null) {
            b.time(d.time());
        }
        return b;
    }
}
