package dev.repro.report;

import dev.repro.diag.Excerpt;
import dev.repro.diag.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;

/**
 * Where each region sits in a tile-grid map: a name and a 1-based row and column. The plugin ships the
 * 30 provinces of mainland China used by the seed paper ({@link #china()}: no Tibet, Hong Kong, Macao or
 * Taiwan, as in its data); a study can give its own CSV with the header {@code name,row,col}.
 */
public record TileLayout(String source, Map<String, int[]> tiles) {
    public static final String CHINA_RESOURCE = "/dev/repro/report/china-provinces.csv";

    public TileLayout {
        tiles = Collections.unmodifiableMap(new LinkedHashMap<>(tiles));
    }

    public int rows() {
        return tiles.values().stream().mapToInt(t -> t[0]).max().orElse(0);
    }

    public int cols() {
        return tiles.values().stream().mapToInt(t -> t[1]).max().orElse(0);
    }

    /** The 30 provinces of the seed paper, named in pinyin (Inner Mongolia in English). */
    public static TileLayout china() {
        try (InputStream in = TileLayout.class.getResourceAsStream(CHINA_RESOURCE)) {
            Problems ps = new Problems();
            TileLayout l = parse("china-provinces.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8), ps);
            if (!ps.isEmpty()) {
                throw new IllegalStateException(ps.list().toString());
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a user layout file; problems (with line numbers) are added and null returned when it is wrong. */
    public static TileLayout load(Path file, String shownAs, Problems problems) {
        return load(file, shownAs, null, problems);
    }

    /**
     * Reads a user layout file; problems (file, line, column of the field and the study key that names the file)
     * are added and null returned when it is wrong.
     *
     * @param key the study key naming the file ({@code figures.<id>.layout}), or null
     */
    public static TileLayout load(Path file, String shownAs, String key, Problems problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.addKey(shownAs, 0, 0, key, "cannot read the tile layout (" + e.getClass().getSimpleName()
                    + "); check that the file exists and is UTF-8 text with the header name,row,col");
            return null;
        }
        return parse(shownAs, text, key, problems);
    }

    static TileLayout parse(String source, String text, Problems problems) {
        return parse(source, text, null, problems);
    }

    static TileLayout parse(String source, String text, String key, Problems problems) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int before = problems.size();
        if (!lines[0].strip().equals("name,row,col")) {
            problems.addKey(source, 1, 1, key, "the first line must be the header name,row,col; found " + Excerpt.quoted(lines[0].strip()));
            return null;
        }
        Map<String, int[]> tiles = new LinkedHashMap<>();
        Map<String, String> cells = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int indent = lines[i].indexOf(line.charAt(0));
            List<Integer> at = new ArrayList<>();
            List<String> f = fields(line, at);
            if (f.size() != 3) {
                problems.addKey(source, i + 1, 1, key, "expected 3 fields name,row,col; found " + f.size());
                continue;
            }
            String name = f.get(0).strip();
            int row;
            int col;
            try {
                row = Integer.parseInt(f.get(1).strip());
            } catch (NumberFormatException e) {
                problems.addKey(source, i + 1, indent + at.get(1), key, "row and col must be whole numbers >= 1; found "
                        + Excerpt.quoted(f.get(1)) + ", " + Excerpt.quoted(f.get(2)));
                continue;
            }
            try {
                col = Integer.parseInt(f.get(2).strip());
            } catch (NumberFormatException e) {
                problems.addKey(source, i + 1, indent + at.get(2), key, "row and col must be whole numbers >= 1; found "
                        + Excerpt.quoted(f.get(1)) + ", " + Excerpt.quoted(f.get(2)));
                continue;
            }
            if (row < 1 || col < 1 || row > 100 || col > 100 || name.isEmpty()) {
                int bad = name.isEmpty() ? 0 : row < 1 || row > 100 ? 1 : 2;
                problems.addKey(source, i + 1, indent + at.get(bad), key, "a tile needs a name and row and col between 1 and 100");
                continue;
            }
            if (tiles.containsKey(name)) {
                problems.addKey(source, i + 1, indent + 1, key, Excerpt.quoted(name) + " is listed twice; list each region once");
                continue;
            }
            String other = cells.put(row + "," + col, name);
            if (other != null) {
                problems.addKey(source, i + 1, indent + 1, key, Excerpt.quoted(name) + " and " + Excerpt.quoted(other) + " are both at row "
                        + row + ", col " + col + "; give each region its own tile");
                continue;
            }
            tiles.put(name, new int[] {row, col});
        }
        if (problems.size() > before) {
            return null;
        }
        if (tiles.isEmpty()) {
            problems.addKey(source, 0, 0, key, "the tile layout lists no region; add one line name,row,col per region");
            return null;
        }
        return new TileLayout(source, tiles);
    }

    /** RFC 4180 fields of one line (quotes allowed around a name with a comma). */
    private static List<String> fields(String line, List<Integer> columns) {
        List<String> out = new ArrayList<>();
        columns.add(1);
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                columns.add(i + 2);
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
