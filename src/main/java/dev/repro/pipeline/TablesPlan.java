package dev.repro.pipeline;

import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.io.Sha256;
import dev.repro.report.TableWriter;
import dev.repro.study.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which tables the tables goal writes again and which it leaves as they are. A table's files are a function of its
 * own entry (key by key, so that the log names the key that changed: "title changed"), the results, the labels (the
 * study's and the data files'), the rest of the study outside {@code tables:}, {@code figures:} and {@code title:}
 * (the models' entries a table shows, ...), the data files, the project's templates and the plugin. A table whose
 * parts equal the recorded ones and whose files are those recorded is not written again: its bytes would be the same.
 */
final class TablesPlan {
    static final String STATE = "tables";
    private static final String OUTPUT = "output ";
    /** Study sections no table reads: the figures, the report's title, the published tables graded in the report. */
    private static final Set<String> NOT_READ = Set.of("tables", "figures", "title", "published", "labels");

    private final Map<String, Map<String, String>> parts = new LinkedHashMap<>();

    TablesPlan(Pipeline.Loaded loaded, Map<String, Label> labels, Workspace ws, FileStamps stamps) throws IOException {
        Node root = loaded.study().root();
        String results = stamps.digest(ws.resultsFile());
        String labelsDigest = labelsDigest(labels);
        String rest = restOfStudy(root);
        String data = dataDigest(loaded.data());
        String templates = new Fingerprint(stamps).withTree("templates", ws.templatesDir()).value();
        for (var t : loaded.report().tables()) {
            Map<String, String> p = EstimatePlan.entry(root, "tables", t.id());
            p.put("results", results);
            p.put("labels", labelsDigest);
            p.put("other study entries", rest);
            p.put("data", data);
            p.put("templates", templates);
            p.put("plugin", Fingerprint.pluginPart());
            parts.put("tables." + t.id(), p);
        }
    }

    /**
     * The ids of the tables to write: all when nothing was recorded ({@code recorded} empty or null), else those whose
     * parts or files differ, each logged with the reason, then a count.
     */
    Set<String> toRender(Map<String, Map<String, String>> recorded, Workspace ws, FileStamps stamps, Reporter log)
            throws IOException {
        Set<String> out = new LinkedHashSet<>();
        boolean known = recorded != null && !recorded.isEmpty();
        for (var e : parts.entrySet()) {
            String id = e.getKey().substring("tables.".length());
            if (!known) {
                out.add(id);
                continue;
            }
            Map<String, String> before = recorded.get(e.getKey());
            String why = BuildState.why(before == null ? null : withoutOutputs(before), e.getValue());
            if (why.isEmpty()) {
                for (Path f : files(ws, id)) {
                    if (!stamps.digest(f).equals(before.get(OUTPUT + f.getFileName()))) {
                        why = ws.display(f) + " is missing or was edited";
                        break;
                    }
                }
            }
            if (!why.isEmpty()) {
                log.info(e.getKey() + ": " + why + "; rendering it again");
                out.add(id);
            }
        }
        if (known) {
            int n = parts.size();
            log.info("Rendering " + out.size() + " of " + n + (n == 1 ? " table" : " tables") + "; " + (n - out.size()) + " unchanged");
        }
        return out;
    }

    /** The parts with the digests of the files each table has now, to record after rendering. */
    Map<String, Map<String, String>> withOutputs(Workspace ws, FileStamps stamps) throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (var e : parts.entrySet()) {
            Map<String, String> p = new LinkedHashMap<>(e.getValue());
            for (Path f : files(ws, e.getKey().substring("tables.".length()))) {
                p.put(OUTPUT + f.getFileName(), stamps.digest(f));
            }
            out.put(e.getKey(), p);
        }
        return out;
    }

    private static List<Path> files(Workspace ws, String id) {
        return TableWriter.FORMATS.keySet().stream().map(ext -> ws.outputDir().resolve("tables").resolve(id + "." + ext)).toList();
    }

    private static Map<String, String> withoutOutputs(Map<String, String> parts) {
        Map<String, String> p = new LinkedHashMap<>(parts);
        p.keySet().removeIf(k -> k.startsWith(OUTPUT));
        return p;
    }

    private static String labelsDigest(Map<String, Label> labels) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> sb.append(k).append('\u0000').append(v.text()).append('\u0000')
                .append(v.latex()).append('\n'));
        return Sha256.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String restOfStudy(Node root) {
        StringBuilder sb = new StringBuilder();
        if (root != null && root.isMap()) {
            new TreeMap<>(root.entries()).forEach((k, v) -> {
                if (!NOT_READ.contains(k)) {
                    sb.append(k).append('=').append(EstimatePlan.canonical(v)).append('\n');
                }
            });
        }
        return Sha256.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Each dataset's name and SHA-256 (a constructed one has none: it follows from the study and the raw data). */
    private static String dataDigest(Map<String, Dataset> data) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(data).forEach((k, d) -> sb.append(k).append('=').append(d.sha256()).append('\n'));
        return Sha256.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
