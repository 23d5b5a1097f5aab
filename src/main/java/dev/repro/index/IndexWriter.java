package dev.repro.index;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.index.api.AuxTable;
import dev.repro.index.api.IndexStepSpec;
import dev.repro.index.api.NumberText;
import dev.repro.index.api.StepResult;
import dev.repro.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a step's dataset to {@code <dir>/<output>.csv}, its auxiliary tables to
 * {@code <dir>/<output>.<table>.csv} and the manifest {@code <dir>/<output>.manifest.json}, each atomically
 * (a temporary file in the same folder, then an atomic move) and byte for byte the same for the same inputs:
 * RFC 4180 with '\n' line ends, UTF-8 without BOM, numbers by {@link NumberText}, missing cells empty.
 */
public final class IndexWriter {
    /** Written as the plugin version when none is known (unit tests, tools outside Maven). */
    public static final String VERSION_PLACEHOLDER = "${project.version}";

    private final Path dir;
    private final String pluginVersion;

    public IndexWriter(Path dir, String pluginVersion) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.pluginVersion = pluginVersion == null ? VERSION_PLACEHOLDER : pluginVersion;
    }

    /** Provenance of one input dataset: its file as the user names it and the SHA-256 of its bytes. */
    public record InputRef(String dataset, String file, String sha256) {
    }

    /** What was written: the dataset file with its digest, the manifest, and every table file with its digest. */
    public record Written(Path csv, String sha256, Path manifest, Map<String, String> tableSha256) {
    }

    public Written write(StepResult result, List<InputRef> inputs) throws IOException {
        return writeAs(result, inputs, result.spec().output());
    }

    /** As {@link #write}, under another name (a step's further dataset, such as export quality's detail). */
    public Written writeAs(StepResult result, List<InputRef> inputs, String name) throws IOException {
        IndexStepSpec spec = result.spec();
        Path csv = dir.resolve(name + ".csv");
        String sha = atomically(csv, w -> writeDataset(result.dataset(), w));
        Map<String, String> tableSha = new LinkedHashMap<>();
        List<Map<String, Object>> tables = new ArrayList<>();
        for (AuxTable t : result.tables()) {
            Path file = dir.resolve(name + "." + t.name() + ".csv");
            String s = atomically(file, w -> writeTable(t, w));
            tableSha.put(t.name(), s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("file", file.getFileName().toString());
            m.put("sha256", s);
            m.put("rows", t.rows().size());
            tables.add(m);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("step", spec.kind());
        manifest.put("key", spec.at().key());
        Map<String, Object> plugin = new LinkedHashMap<>();
        plugin.put("groupId", "dev.repro");
        plugin.put("artifactId", "repro-maven-plugin");
        plugin.put("version", pluginVersion);
        manifest.put("plugin", plugin);
        List<Map<String, Object>> in = new ArrayList<>();
        for (InputRef r : inputs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", r.dataset());
            m.put("file", r.file());
            m.put("sha256", r.sha256());
            in.add(m);
        }
        manifest.put("inputs", in);
        manifest.put("parameters", jsonSafe(spec.parameters()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", csv.getFileName().toString());
        out.put("sha256", sha);
        out.put("rows", result.dataset().rows());
        out.put("columns", result.dataset().columnNames());
        manifest.put("output", out);
        manifest.put("tables", tables);
        manifest.put("notes", result.notes());
        Path mf = dir.resolve(name + ".manifest.json");
        byte[] json = Json.bytes(manifest);
        atomically(mf, w -> w.write(new String(json, StandardCharsets.UTF_8)));
        return new Written(csv, sha, mf, tableSha);
    }

    /** The CSV text of a dataset, as {@link #write} writes it. */
    public static String csv(Dataset ds) {
        StringBuilder sb = new StringBuilder();
        try {
            writeDataset(ds, new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    sb.append(cbuf, off, len);
                }

                @Override
                public void write(String str) {
                    sb.append(str);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    static void writeDataset(Dataset ds, Writer w) throws IOException {
        List<Column> cols = ds.columns();
        for (int j = 0; j < cols.size(); j++) {
            if (j > 0) {
                w.write(',');
            }
            w.write(quote(cols.get(j).name()));
        }
        w.write('\n');
        int n = ds.rows();
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < n; i++) {
            line.setLength(0);
            for (int j = 0; j < cols.size(); j++) {
                if (j > 0) {
                    line.append(',');
                }
                Column c = cols.get(j);
                if (c instanceof NumericColumn nc) {
                    line.append(NumberText.format(nc.get(i)));
                } else {
                    String s = ((TextColumn) c).get(i);
                    if (s != null) {
                        line.append(quote(s));
                    }
                }
            }
            line.append('\n');
            w.write(line.toString());
        }
    }

    static void writeTable(AuxTable t, Writer w) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < t.columns().size(); j++) {
            if (j > 0) {
                line.append(',');
            }
            line.append(quote(t.columns().get(j)));
        }
        w.write(line.append('\n').toString());
        for (Map<String, Object> row : t.rows()) {
            line.setLength(0);
            for (int j = 0; j < t.columns().size(); j++) {
                if (j > 0) {
                    line.append(',');
                }
                line.append(cell(row.get(t.columns().get(j))));
            }
            w.write(line.append('\n').toString());
        }
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return NumberText.format(d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(v.toString());
    }

    /** RFC 4180 quoting when a field holds a comma, quote, line break or surrounding space, or is a missing-value token. */
    static String quote(String s) {
        boolean needs = s.isEmpty() || s.equals("NA") || s.equals(".") || !s.strip().equals(s);
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!needs) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Doubles as their shortest decimal (JDK-independent bytes), whole doubles as integers; maps and lists recursively. */
    static Object jsonSafe(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return null;
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return (long) (double) d;
            }
            BigDecimal b = NumberText.shortest(d);
            return b;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), jsonSafe(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(jsonSafe(o));
            }
            return out;
        }
        return v;
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes through a temporary file in the target's folder and moves it over the target; returns the SHA-256 of the bytes. */
    private static String atomically(Path target, Body body) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            MessageDigest md = sha256();
            try (OutputStream os = new DigestOutputStream(Files.newOutputStream(tmp), md);
                 Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                body.write(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return HexFormat.of().formatHex(md.digest());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
