package dev.repro.pipeline;

import dev.repro.io.AtomicFiles;
import dev.repro.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of the files a build reads, without reading them when they did not change: per file its size,
 * modification time (nanoseconds) and digest, kept in {@code target/repro/state/files.tsv}. A file whose size and
 * time equal the recorded ones keeps its recorded digest (as R's {@code targets} does); any other is hashed again.
 * {@code repro.hash=always} hashes every file every time.
 *
 * <p>A stamp taken less than {@link #RACY_NANOS} after the file's modification is not trusted later (the file may
 * have been written again within the same clock tick, "racy" in git's words), so such a file is hashed again.
 * An unreadable state file is said in the log and forgotten: every file is hashed, nothing is taken on trust.
 */
final class FileStamps {
    /** Within this much of the moment a stamp was taken, a modification time does not prove the file unchanged. */
    static final long RACY_NANOS = 2_000_000_000L; // a constant, so that a no-op record's check does not load this class
    private static final String HEADER = "# repro file stamps: path, size, mtime (ns), stamped at (ns), sha256";

    private final Path file;
    private final boolean hashAlways;
    private final Map<String, Stamp> stamps = new TreeMap<>();
    private boolean changed;

    private record Stamp(long size, long mtime, long stampedAt, String sha256) {
    }

    /** A file's size and modification time (nanoseconds), taken before a reader reads it: see {@link #read}. */
    record Seen(long size, long mtime) {
        static Seen of(Path p) throws IOException {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new Seen(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
    }

    private FileStamps(Path file, boolean hashAlways) {
        this.file = file;
        this.hashAlways = hashAlways;
    }

    /** The stamps recorded under {@code ws}'s output folder; a corrupt file is logged and treated as empty. */
    static FileStamps load(Workspace ws, boolean hashAlways, Reporter log) {
        FileStamps s = new FileStamps(BuildState.dir(ws).resolve("files.tsv"), hashAlways);
        if (!Files.isRegularFile(s.file)) {
            return s;
        }
        try {
            List<String> lines = Files.readAllLines(s.file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IOException("unknown header");
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] p = line.split("\t", -1);
                if (p.length != 5 || p[4].length() != 64) {
                    throw new IOException("malformed line '" + line + "'");
                }
                s.stamps.put(p[0], new Stamp(Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]), p[4]));
            }
        } catch (IOException | RuntimeException e) {
            s.stamps.clear();
            log.info("The state file " + ws.display(s.file) + " is unreadable (" + e.getMessage()
                    + "): every input file is hashed again");
        }
        return s;
    }

    /** The SHA-256 of {@code p}, or "absent" when it is not a regular file. */
    synchronized String digest(Path p) throws IOException {
        if (p == null || !Files.isRegularFile(p)) {
            return "absent";
        }
        String key = p.toAbsolutePath().normalize().toString();
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        long size = a.size();
        long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        Stamp s = stamps.get(key);
        if (!hashAlways && s != null && s.size() == size && s.mtime() == mtime && s.stampedAt() - mtime > RACY_NANOS) {
            return s.sha256();
        }
        String sha = Sha256.of(p);
        stamp(p, key, new Seen(size, mtime), sha);
        return sha;
    }

    /**
     * Records {@code sha}, the SHA-256 a data reader took of the bytes it read from {@code p} (which it parsed), as
     * {@link #digest} records its own: a file is then hashed once per build, by its reader. {@code before} is the
     * file's size and time before the read; a file written while it was read is not stamped.
     */
    synchronized void read(Path p, Seen before, String sha) throws IOException {
        stamp(p, p.toAbsolutePath().normalize().toString(), before, sha);
    }

    private void stamp(Path p, String key, Seen before, String sha) throws IOException {
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        // re-read the attributes: a file written while it was hashed is not stamped with the older digest
        if (Seen.of(p).equals(before)) {
            Stamp fresh = new Stamp(before.size(), before.mtime(), now, sha);
            if (!fresh.equals(stamps.get(key))) {
                stamps.put(key, fresh);
                changed = true;
            }
        }
    }

    /** Writes the stamps (atomically) when a digest was computed since they were read. */
    synchronized void save() throws IOException {
        if (!changed) {
            return;
        }
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        stamps.forEach((k, v) -> sb.append(k).append('\t').append(v.size()).append('\t').append(v.mtime()).append('\t')
                .append(v.stampedAt()).append('\t').append(v.sha256()).append('\n'));
        AtomicFiles.writeString(file, sb.toString());
        changed = false;
    }
}
