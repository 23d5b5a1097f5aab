package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.io.Sha256;
import dev.repro.io.AtomicFiles;
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
 */
final class Fingerprint {
    private static String pluginHash;

    private final TreeMap<String, String> parts = new TreeMap<>();

    Fingerprint(Study study, Map<String, Dataset> data) {
        parts.put("plugin", PluginVersion.get() + " " + pluginJarHash());
        parts.put("study", String.valueOf(study.sha256()));
        for (Dataset d : data.values()) {
            parts.put("data " + d.name(), String.valueOf(d.sha256()));
        }
    }

    Fingerprint with(String name, Path file) throws IOException {
        parts.put(name, Files.isRegularFile(file) ? Sha256.of(file) : "absent");
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
            parts.put(name + " " + dir.relativize(f).toString().replace('\\', '/'), Sha256.of(f));
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
        Path f = file(ws, step);
        return Files.isRegularFile(f) && Files.readString(f, StandardCharsets.UTF_8).strip().equals(value());
    }

    void store(Workspace ws, String step) throws IOException {
        AtomicFiles.writeString(file(ws, step), value() + "\n");
    }

    static void forget(Workspace ws, String step) throws IOException {
        Files.deleteIfExists(file(ws, step));
    }

    private static Path file(Workspace ws, String step) {
        return ws.outputDir().resolve("fingerprints").resolve(step + ".sha256");
    }

    private static synchronized String pluginJarHash() {
        if (pluginHash == null) {
            String h = "classes";
            try {
                var src = Fingerprint.class.getProtectionDomain().getCodeSource();
                if (src != null) {
                    Path p = Path.of(src.getLocation().toURI());
                    if (Files.isRegularFile(p)) {
                        h = Sha256.of(p);
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
