package dev.repro.pipeline;

import dev.repro.report.ReportSpecs;

import dev.repro.config.Node;
import dev.repro.io.ProjectPaths;
import dev.repro.study.ReportEntry;
import dev.repro.io.Sha256;
import dev.repro.io.AtomicFiles;
import dev.repro.study.DatasetSpec;
import dev.repro.report.FigureSpec;
import dev.repro.study.Study;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a step's output depends on, hashed: the plugin (version and the SHA-256 of its own jar, so that a
 * rebuilt snapshot counts as a change), the study file and every input file. A step whose fingerprint
 * equals the one stored with its last output skips, and says so; {@code repro.force} reruns it.
 *
 * <p>Files are digested through {@link FileStamps}: an unchanged file (same size and modification time) is not
 * read again, so that the fingerprint of a project with gigabytes of data costs a few stat calls. The constructed
 * datasets are not parts of their own: they follow from the study file, the raw data and the plugin.
 */
final class Fingerprint {
    private static final String FILE = "file ";
    private static final String OUTPUT = "output";
    private static final String OUTPUT_FILE = "output file ";
    private static String pluginHash;

    private final TreeMap<String, String> parts = new TreeMap<>();
    private final FileStamps stamps;

    Fingerprint(FileStamps stamps) {
        this.stamps = stamps;
        parts.put("plugin", pluginPart());
    }

    /**
     * The project files the estimation reads, by the path the user sees: the study file and every dataset file.
     * Hashed as bytes, so that {@code check} can tell, without reading the data, which one changed.
     */
    static Map<String, Path> estimateInputs(Workspace ws, Study study) {
        Map<String, Path> files = new TreeMap<>();
        files.put(ws.display(ws.studyFile()), ws.studyFile());
        for (DatasetSpec d : study.datasets().values()) {
            ProjectPaths.Resolved where = ws.dataFile(d);
            if (where.ok()) {
                files.put(ws.display(where.path()), where.path());
            } else {
                files.put(d.file(), null);
            }
        }
        // a tile map's layout decides which regions figures.<id> of results.json holds, so it is an estimate input too
        for (ReportEntry e : study.figures()) {
            Node layout = e.node().get("layout");
            if (layout != null && layout.isScalar() && !layout.text().isEmpty()) {
                ProjectPaths.Resolved where = ProjectPaths.inside(ws.basedir(), layout.text());
                files.put(where.ok() ? ws.display(where.path()) : layout.text(), where.ok() ? where.path() : null);
            }
        }
        return files;
    }

    /**
     * Every other file the tables and figures name (a tile map's {@code layout:}), so that editing one renders
     * them again; a path that does not resolve is left to the figure, which reports it at its key.
     */
    static Map<String, Path> tableInputs(Workspace ws, ReportSpecs report) {
        Map<String, Path> files = new TreeMap<>();
        for (FigureSpec f : report.figures()) {
            if (f instanceof FigureSpec.TileMap t && t.layout() != null) {
                // a layout outside the project is refused at validate; never hashed nor packaged
                ProjectPaths.Resolved where = ProjectPaths.inside(ws.basedir(), t.layout());
                if (where.ok()) {
                    files.put(ws.display(where.path()), where.path());
                } else {
                    files.put(t.layout(), null);
                }
            }
        }
        return files;
    }

    /** Each file by its shown path, as a part of its own ("file data/x.csv"). */
    Fingerprint withFiles(Map<String, Path> files) throws IOException {
        for (var e : files.entrySet()) {
            parts.put(FILE + e.getKey(), stamps.digest(e.getValue()));
        }
        return this;
    }

    /** A part given as text (a setting such as replication mode). */
    Fingerprint withPart(String name, String value) {
        parts.put(name, value);
        return this;
    }

    Fingerprint with(String name, Path file) throws IOException {
        parts.put(name, stamps.digest(file));
        return this;
    }

    /** Every file below a folder (e.g. the project's templates), by relative path. */
    Fingerprint withTree(String name, Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            parts.put(name, "absent");
            return this;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
            parts.put(name + " " + dir.relativize(f).toString().replace('\\', '/'), stamps.digest(f));
        }
        return this;
    }

    String value() {
        StringBuilder sb = new StringBuilder();
        parts.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return Sha256.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** True when the stored fingerprint of {@code step} equals this one. */
    boolean matches(Workspace ws, String step) throws IOException {
        List<String> stored = stored(ws, step);
        return !stored.isEmpty() && stored.get(0).strip().equals(value());
    }

    /**
     * As {@link #matches(Workspace, String)}, and {@code output} is byte for byte the file the step wrote: a
     * truncated or edited results.json is estimated again, never taken as up to date.
     */
    boolean matches(Workspace ws, String step, Path output) throws IOException {
        if (!matches(ws, step) || !Files.isRegularFile(output)) {
            return false;
        }
        return (OUTPUT + "=" + stamps.digest(output)).equals(storedPart(stored(ws, step), OUTPUT));
    }

    /** Stores the fingerprint, then each part on a line of its own (so that check can name what changed). */
    void store(Workspace ws, String step) throws IOException {
        StringBuilder sb = new StringBuilder(value()).append('\n');
        parts.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        AtomicFiles.writeString(file(ws, step), sb.toString());
    }

    /** As {@link #store(Workspace, String)}, with the SHA-256 of the output the step wrote. */
    void store(Workspace ws, String step, Path output) throws IOException {
        store(ws, step);
        AtomicFiles.writeString(file(ws, step), Files.readString(file(ws, step), StandardCharsets.UTF_8)
                + OUTPUT + "=" + stamps.digest(output) + "\n");
    }

    /**
     * As {@link #store(Workspace, String)}, with the SHA-256 of every file below {@code dirs} (the files the step wrote,
     * e.g. the rendered tables), so that {@link #outputsIntact} can tell that one was deleted or edited.
     */
    void store(Workspace ws, String step, List<Path> dirs) throws IOException {
        StringBuilder sb = new StringBuilder(value()).append('\n');
        parts.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                // relative to the output folder: the record is the same whichever folder the build writes to
                String rel = ws.outputDir().relativize(f).toString().replace('\\', '/');
                sb.append(OUTPUT_FILE).append(rel).append('=').append(stamps.digest(f)).append('\n');
            }
        }
        AtomicFiles.writeString(file(ws, step), sb.toString());
    }

    /**
     * True when {@code step} recorded its output files ({@link #store(Workspace, String, List)}) and each is there
     * with its recorded digest.
     */
    static boolean outputsIntact(Workspace ws, String step, FileStamps stamps) throws IOException {
        boolean any = false;
        for (String line : stored(ws, step)) {
            if (line.startsWith(OUTPUT_FILE)) {
                int eq = line.lastIndexOf('=');
                Path f = ws.outputDir().resolve(line.substring(OUTPUT_FILE.length(), eq));
                if (!stamps.digest(f).equals(line.substring(eq + 1))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * What changed since {@code step} wrote {@code output}: the shown paths of the files among {@code files}
     * whose bytes differ from those recorded, {@code output} itself when it was edited, the plugin when another
     * version runs. Null when nothing was recorded (results.json from no estimate of this plugin).
     */
    static List<String> changedSince(Workspace ws, String step, Map<String, Path> files, Path output, FileStamps stamps)
            throws IOException {
        List<String> stored = stored(ws, step);
        if (stored.isEmpty() || storedPart(stored, OUTPUT) == null) {
            return null;
        }
        List<String> changed = new ArrayList<>();
        String plugin = storedPart(stored, "plugin");
        if (plugin == null || !plugin.equals("plugin=" + pluginPart())) {
            changed.add("the plugin (now " + PluginVersion.get() + ")");
        }
        for (var e : files.entrySet()) {
            Path p = e.getValue();
            String now = FILE + e.getKey() + "=" + stamps.digest(p);
            if (!now.equals(storedPart(stored, FILE + e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        if (!Files.isRegularFile(output) || !(OUTPUT + "=" + stamps.digest(output)).equals(storedPart(stored, OUTPUT))) {
            changed.add(ws.display(output));
        }
        return changed;
    }

    /** True when {@code output} is byte for byte the file {@code step} recorded writing. */
    static boolean wroteOutput(Workspace ws, String step, Path output, FileStamps stamps) throws IOException {
        String recorded = storedPart(stored(ws, step), OUTPUT);
        return recorded != null && Files.isRegularFile(output) && recorded.equals(OUTPUT + "=" + stamps.digest(output));
    }

    private static List<String> stored(Workspace ws, String step) throws IOException {
        Path f = file(ws, step);
        try {
            return Files.isRegularFile(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of(); // an unreadable record is no record: the step runs again
        }
    }

    private static String storedPart(List<String> lines, String name) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(name + "=")) {
                return lines.get(i);
            }
        }
        return null;
    }

    static String pluginPart() {
        return PluginVersion.get() + " " + pluginJarHash();
    }

    static void forget(Workspace ws, String step) throws IOException {
        Files.deleteIfExists(file(ws, step));
    }

    private static Path file(Workspace ws, String step) {
        return ws.outputDir().resolve("fingerprints").resolve(step + ".sha256");
    }

    private static String pluginJarHash() {
        return pluginJarHash(null);
    }

    /**
     * The SHA-256 of the plugin's jar, once per class loader (one Maven build); through {@code stamps} when given, so
     * that an unchanged jar (same size and modification time as recorded) is not read again.
     */
    static synchronized String pluginJarHash(FileStamps stamps) {
        if (pluginHash == null) {
            String h = "classes";
            try {
                var src = Fingerprint.class.getProtectionDomain().getCodeSource();
                if (src != null) {
                    Path p = Path.of(src.getLocation().toURI());
                    if (Files.isRegularFile(p)) {
                        h = stamps != null ? stamps.digest(p) : Sha256.of(p);
                    }
                }
            } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
                h = "unknown";
            }
            pluginHash = h;
        }
        return pluginHash;
    }
}
