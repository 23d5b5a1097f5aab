package dev.repro.pipeline;

import dev.repro.io.AtomicFiles;
import dev.repro.io.Sha256;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A goal's no-op record ({@code target/repro/state/noop-<goal>.tsv}): after the goal succeeded, the stamps (path, size,
 * modification time, SHA-256) of every file its decision depended on (the study file, the data, templates, baseline,
 * the plugin's jar, the outputs it must find intact, its own state files), the listing of every folder whose content
 * it read, its parameters, and the lines it would say when skipping. When all of these are the same on the next run,
 * the goal says those lines and returns before parsing the study or reading any state: a few stat calls.
 *
 * <p>Conservative by construction: the record only says "the files and parameters are those of the last success"; any
 * difference (or an unreadable record) is a miss, and the goal takes its usual path, which decides item by item. A
 * file whose size and time are the recorded ones is trusted unless the stamp was taken within
 * {@link FileStamps#RACY_NANOS} of its modification; with {@code repro.hash=always} every file is hashed again.
 */
final class NoopRecord {
    private static final String HEADER = "# repro no-op record v1: param, file (path, size, mtime ns, stamped at ns, sha256),"
            + " tree (folder, its files), info/warn (what to say)";
    private static final String ABSENT = "absent";
    static final String INFO = "info";
    static final String WARN = "warn";

    private final Path file;
    private final Path outputDir;
    /** When the goal started (ns since the epoch): an input modified since may not be what the goal read. */
    private final long startedAt = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    private final Path plugin;
    private final Map<String, String> params = new TreeMap<>();

    /** The record of {@code goal} in {@code ws}, with the workspace's paths and the plugin as parameters. */
    NoopRecord(Workspace ws, String goal, Path plugin) {
        // the state folder of BuildState, named here so that a hit loads no JSON class
        this.file = ws.outputDir().resolve("state").resolve("noop-" + goal + ".tsv");
        this.outputDir = ws.outputDir().toAbsolutePath().normalize();
        param("workspace", ws.basedir().toAbsolutePath() + "|" + ws.studyFile().toAbsolutePath() + "|"
                + ws.outputDir().toAbsolutePath() + "|" + ws.baselineFile().toAbsolutePath() + "|"
                + (ws.templatesDir() == null ? "" : ws.templatesDir().toAbsolutePath()));
        param("plugin", PluginVersion.get() + " " + (plugin == null ? "unknown" : plugin.toAbsolutePath()));
        this.plugin = plugin;
    }

    /** A setting that changes what the goal does (replication mode, fail on drift, ...). */
    NoopRecord param(String name, Object value) {
        params.put(name, String.valueOf(value));
        return this;
    }

    /** Where the plugin's classes come from: its jar in a Maven build, a class folder in tests and IDEs; null if unknown. */
    static Path pluginLocation() {
        try {
            CodeSource src = NoopRecord.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * True, with the recorded lines said in {@code log}, when the parameters are the recorded ones and every recorded
     * file and folder is as it was; false (nothing said) otherwise.
     */
    boolean hits(boolean hashAlways, Reporter log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return false; // no record (or unreadable): the goal's own path decides
        }
        try {
            Check c = check(lines, hashAlways);
            if (c == null) {
                return false;
            }
            if (c.restamped()) {
                AtomicFiles.writeString(file, String.join("\n", c.lines()) + "\n");
            }
            for (String[] say : c.say()) {
                if (say[0].equals(WARN)) {
                    log.warn(say[1]);
                } else {
                    log.info(say[1]);
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private record Check(List<String> lines, List<String[]> say, boolean restamped) {
    }

    /** The record's lines (restamped where a file was hashed again with the same digest) and what to say; null on a miss. */
    private Check check(List<String> lines, boolean hashAlways) throws IOException {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return null;
        }
        Map<String, String> recordedParams = new TreeMap<>();
        List<String> out = new ArrayList<>(lines.size());
        List<String[]> say = new ArrayList<>();
        boolean restamped = false;
        out.add(HEADER);
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split("\t", -1);
            switch (p[0]) {
                case "param" -> recordedParams.put(unescape(p[1]), unescape(p[2]));
                case "file" -> {
                    String now = fileNow(p, hashAlways);
                    if (now == null) {
                        return null;
                    }
                    restamped |= !now.equals(line);
                    line = now;
                }
                case "tree" -> {
                    if (!listing(Path.of(unescape(p[1]))).equals(unescape(p[2]))) {
                        return null;
                    }
                }
                case INFO, WARN -> say.add(new String[] {p[0], unescape(p[1])});
                default -> {
                    return null;
                }
            }
            out.add(line);
        }
        return recordedParams.equals(params) ? new Check(out, say, restamped) : null;
    }

    /** The file's line as it is now (restamped when hashed again to the same digest), or null when it differs. */
    private static String fileNow(String[] p, boolean hashAlways) throws IOException {
        Path f = Path.of(unescape(p[1]));
        BasicFileAttributes a = attributes(f);
        if (a == null) {
            return p[5].equals(ABSENT) ? String.join("\t", p) : null;
        }
        if (p[5].equals(ABSENT) || a.size() != Long.parseLong(p[2])) {
            return null;
        }
        long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        boolean trusted = mtime == Long.parseLong(p[3]) && Long.parseLong(p[4]) - mtime > FileStamps.RACY_NANOS;
        if (trusted && !hashAlways) {
            return String.join("\t", p);
        }
        Stamp now = stamp(f, null);
        return now != null && now.sha256().equals(p[5]) ? fileLine(f, now) : null;
    }

    /**
     * Records a success: the files (a null path, one that cannot be resolved, forbids the record), every file below the
     * folders and their listings, and the lines to say. Digests come through {@code stamps}: an unchanged data file is
     * not read again.
     */
    void store(Collection<Path> files, Collection<Path> trees, List<String[]> say, FileStamps stamps) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(HEADER);
        params.forEach((k, v) -> out.add("param\t" + escape(k) + "\t" + escape(v)));
        TreeSet<Path> all = new TreeSet<>();
        for (Path f : files) {
            if (f == null) {
                forget();
                return;
            }
            all.add(f.toAbsolutePath().normalize());
        }
        if (plugin != null && Files.isRegularFile(plugin)) {
            all.add(plugin.toAbsolutePath().normalize());
        }
        for (Path dir : new TreeSet<>(trees.stream().map(t -> t.toAbsolutePath().normalize()).toList())) {
            out.add("tree\t" + escape(dir.toString()) + "\t" + escape(listing(dir)));
            all.addAll(filesUnder(dir));
        }
        for (Path f : all) {
            Stamp s = stamp(f, stamps);
            // changed while it was hashed, or an input (outside the output folder) modified while the goal ran, so that
            // the goal may have read another version: no record, the next run decides by its own path
            if (s == null || !f.startsWith(outputDir) && s.mtime() > startedAt - FileStamps.RACY_NANOS) {
                forget();
                return;
            }
            out.add(fileLine(f, s));
        }
        for (String[] line : say) {
            out.add(line[0] + "\t" + escape(line[1]));
        }
        AtomicFiles.writeString(file, String.join("\n", out) + "\n");
    }

    void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    private record Stamp(long size, long mtime, long stampedAt, String sha256) {
    }

    /**
     * The file's stamp (hashed now, or through {@code stamps} when given); absent as size -1; null when it changed while it
     * was hashed.
     */
    private static Stamp stamp(Path f, FileStamps stamps) throws IOException {
        BasicFileAttributes before = attributes(f);
        if (before == null) {
            return new Stamp(-1, 0, 0, ABSENT);
        }
        long stampedAt = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        String sha = stamps != null ? stamps.digest(f) : Sha256.of(f);
        BasicFileAttributes after = attributes(f);
        if (after == null || after.size() != before.size() || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
            return null;
        }
        return new Stamp(before.size(), before.lastModifiedTime().to(TimeUnit.NANOSECONDS), stampedAt, sha);
    }

    private static String fileLine(Path f, Stamp s) {
        return "file\t" + escape(f.toString()) + "\t" + s.size() + "\t" + s.mtime() + "\t" + s.stampedAt() + "\t" + s.sha256();
    }

    /** A regular file's attributes, or null when there is none. */
    private static BasicFileAttributes attributes(Path f) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return a.isRegularFile() ? a : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The sorted relative paths of the regular files below {@code dir}, one a line, or "absent". */
    private static String listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return ABSENT;
        }
        StringBuilder sb = new StringBuilder();
        for (Path f : filesUnder(dir)) {
            sb.append(dir.relativize(f).toString().replace('\\', '/')).append('\n');
        }
        return sb.toString();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
