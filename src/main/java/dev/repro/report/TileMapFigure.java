package dev.repro.report;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.io.ProjectPaths;
import dev.repro.results.TileMapResult;
import dev.repro.study.Label;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A region's values as a tile map (equal-width classes of sequential blues). Its numbers (every region's value,
 * the range and the class cut points) are computed by {@code estimate} into {@code figures.<id>} of results.json
 * and drawn from there.
 */
final class TileMapFigure implements FigureKind<FigureSpec.TileMap> {
    /** Sequential blues, light to dark, for the tile map's five classes. */
    static final List<String> PALETTE = List.of("#eef4fa", "#c3d9ec", "#87b3d9", "#4a86bf", "#1d4f8c");
    static final String NO_DATA = "#d9d9d9";

    @Override
    public String name() {
        return "tilemap";
    }

    @Override
    public FigureSpec.TileMap parse(SpecFields e, FigureKind.Head h) {
        e.knownOnly("kind", "title", "labels", "dataset", "variable", "region", "at", "layout", "decimals");
        String ds = e.str("dataset", null);
        String v = e.str("variable", null);
        String region = e.str("region", "");
        Double at = e.has("at") ? e.number("at", 0) : null;
        String layout = e.str("layout", "");
        if (!layout.isEmpty() && (layout.startsWith("/") || layout.contains("..") || layout.contains("\\") || layout.contains(":"))) {
            e.problem("layout", "give the layout as a path inside the project, relative to its base folder (no /, .., \\ or :); found '" + layout + "'");
        }
        int dec = e.integer("decimals", 2, 0, 10);
        e.refs("dataset", e.datasets(), "dataset", "datasets");
        if (e.failed() || ds == null || v == null) {
            return null;
        }
        return new FigureSpec.TileMap(h.id(), h.title(), ds, v, region.isEmpty() ? null : region, at, layout.isEmpty() ? null : layout, dec, h.labels());
    }

    @Override
    public Class<FigureSpec.TileMap> spec() {
        return FigureSpec.TileMap.class;
    }

    /** The layout the figure draws: the shipped one, or the project file {@code layout:} names (problems added). */
    static TileLayout layout(FigureSpec.TileMap s, String studySource, Path baseDir, Problems problems) {
        return layout(s, studySource, 0, 0, baseDir, problems);
    }

    /**
     * As {@link #layout(FigureSpec.TileMap, String, Path, Problems)}, a refused path located at the {@code layout:}
     * key's line and column of the study file.
     */
    static TileLayout layout(FigureSpec.TileMap s, String studySource, int line, int column, Path baseDir, Problems problems) {
        if (s.layout() == null) {
            return TileLayout.china();
        }
        String key = "figures." + s.id() + ".layout";
        ProjectPaths.Resolved where = ProjectPaths.inside(baseDir, s.layout());
        if (!where.ok()) {
            problems.addKey(studySource, line, column, key, where.refusal()
                    + "; put the layout file inside the project folder and name it relative to it (e.g. layout: data/tiles.csv)");
            return null;
        }
        return TileLayout.load(where.path(), s.layout(), key, problems);
    }

    /** The numbers the map prints, from the data: every region's value at the period shown and the class cut points. */
    @Override
    public TileMapResult numbers(FigureSpec.TileMap s, TableInputs in, Path baseDir, Problems problems) {
        String key = "figures." + s.id();
        TileLayout layout = layout(s, in.source(), baseDir, problems);
        if (layout == null) {
            return null;
        }
        Dataset d = in.datasets().get(s.dataset());
        if (d == null) {
            problems.addKey(in.source(), 0, 0, key + ".dataset", "no dataset named '" + s.dataset() + "'; the study's datasets are: "
                    + String.join(", ", new TreeSet<>(in.datasets().keySet())));
            return null;
        }
        String region = s.region() != null ? s.region() : d.idColumn();
        Column rc = region == null ? null : d.column(region);
        Column vc = d.column(s.variable());
        if (rc == null || !(vc instanceof NumericColumn v)) {
            problems.addKey(in.source(), 0, 0, key, rc == null
                    ? "name the column holding the region names with region: <column> (dataset '" + s.dataset() + "' has no id column)"
                    : "dataset '" + s.dataset() + "' has no numeric column '" + s.variable() + "'; its columns are: " + String.join(", ", d.columnNames()));
            return null;
        }
        double[] time = d.timeColumn() != null ? d.numeric(d.timeColumn()).values() : null;
        Double at = s.at();
        if (at == null && time != null) {
            double mx = Double.NEGATIVE_INFINITY;
            for (double t : time) {
                mx = Double.isNaN(t) ? mx : Math.max(mx, t);
            }
            at = mx;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < d.rows(); i++) {
            if (time != null && at != null && time[i] != at) {
                continue;
            }
            String name = rc.display(i);
            if (!layout.tiles().containsKey(name)) {
                if (!unknown.contains(name)) {
                    unknown.add(name);
                }
                continue;
            }
            if (values.containsKey(name)) {
                problems.addKey(in.source(), 0, 0, key, "region '" + name + "' has more than one row"
                        + (at != null ? " at " + Fmt.significant(at, 15, false) : "") + " in dataset '" + s.dataset()
                        + "'; a tile map shows one value per region (set at: <period>)");
                return null;
            }
            values.put(name, v.get(i));
        }
        if (!unknown.isEmpty()) {
            problems.addKey(in.source(), 0, 0, key, "region" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " of column '" + region + "' " + (unknown.size() == 1 ? "is" : "are") + " not in the tile layout "
                    + layout.source() + "; use its names (" + String.join(", ", layout.tiles().keySet()) + ") or give your own layout: <file>");
            return null;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : values.values()) {
            if (!Double.isNaN(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        // every region of the layout, in layout order; null where the data has no value
        Map<String, Double> all = new LinkedHashMap<>();
        for (String name : layout.tiles().keySet()) {
            all.put(name, values.get(name));
        }
        if (lo > hi) {
            return new TileMapResult(TileMapResult.KIND, s.dataset(), s.variable(), region, at, all, null, null, List.of());
        }
        int classes = lo < hi ? PALETTE.size() : 1;
        List<Double> breaks = new ArrayList<>();
        for (int c = 0; c <= classes; c++) {
            breaks.add(lo + (hi - lo) * c / classes);
        }
        return new TileMapResult(TileMapResult.KIND, s.dataset(), s.variable(), region, at, all, lo, hi, breaks);
    }

    /** The template model, from the map's numbers in results.json (from the data when they hold none). */
    @Override
    public Map<String, Object> model(FigureSpec.TileMap s, TableInputs in, Path baseDir, Problems problems) throws ReproException {
        TileLayout layout = layout(s, in.source(), baseDir, problems);
        if (layout == null || !(FigureNumbers.forFigure(s, in, baseDir, problems) instanceof TileMapResult r)) {
            return null;
        }
        Map<String, Double> values = r.values();
        boolean any = r.min() != null && r.max() != null;
        double lo = any ? r.min() : Double.NaN;
        double hi = any ? r.max() : Double.NaN;
        int classes = Math.max(1, r.classes());
        double tile = 68;
        double gap = 4;
        double ml = 20;
        double mt = 56;
        double gridW = layout.cols() * (tile + gap);
        double lx = ml + gridW + 24;
        double w = lx + 190;
        double h = Math.max(mt + layout.rows() * (tile + gap) + 24, mt + 24 * (classes + 2) + 40);
        List<Map<String, Object>> tiles = new ArrayList<>();
        for (var e : layout.tiles().entrySet()) {
            double x = ml + (e.getValue()[1] - 1) * (tile + gap);
            double y = mt + (e.getValue()[0] - 1) * (tile + gap);
            Double val = values.get(e.getKey());
            boolean has = val != null;
            int cls = has ? classOf(val, lo, hi, classes) : -1;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("x", Fmt.coord(x));
            t.put("y", Fmt.coord(y));
            t.put("size", Fmt.coord(tile));
            t.put("cx", Fmt.coord(x + tile / 2));
            t.put("fill", has ? PALETTE.get(classes == 1 ? PALETTE.size() - 1 : cls) : NO_DATA);
            t.put("ink", has && (classes == 1 || cls >= 3) ? "#ffffff" : "#1a1a1a");
            String label = TableCells.label(e.getKey(), s.labels(), in).text();
            List<String> lines = wrap(label);
            List<Map<String, Object>> ls = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                ls.add(Map.of("y", Fmt.coord(y + 26 + i * 11 - (lines.size() - 1) * 5.5), "text", lines.get(i)));
            }
            t.put("lines", ls);
            t.put("value", has ? Fmt.fixed(val, s.decimals(), true) : "n/a");
            t.put("vy", Fmt.coord(y + 50));
            t.put("title", label + ": " + (has ? Fmt.fixed(val, s.decimals(), true) : "no data"));
            tiles.add(t);
        }
        List<Map<String, Object>> legend = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            String text = !any ? "n/a" : classes == 1 ? Fmt.fixed(lo, s.decimals(), true)
                    : Fmt.fixed(r.breaks().get(c), s.decimals(), true) + " \u2013 " + Fmt.fixed(r.breaks().get(c + 1), s.decimals(), true);
            legend.add(Map.of("y", Fmt.coord(mt + 24 + c * 24), "fill", PALETTE.get(classes == 1 ? PALETTE.size() - 1 : c), "text", text));
        }
        boolean missing = layout.tiles().keySet().stream().anyMatch(n -> values.get(n) == null);
        if (missing) {
            legend.add(Map.of("y", Fmt.coord(mt + 24 + classes * 24), "fill", NO_DATA, "text", "No data"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", Fmt.coord(w));
        m.put("height", Fmt.coord(h));
        m.put("tiles", tiles);
        m.put("legend", legend);
        m.put("lx", Fmt.coord(lx));
        m.put("ltx", Fmt.coord(lx + 26));
        Label vl = TableCells.label(s.variable(), s.labels(), in);
        String period = r.at() == null ? "" : " in " + Fmt.significant(r.at(), 15, false);
        m.put("legendTitle", vl.text() + period);
        m.put("legendY", Fmt.coord(mt + 4));
        m.put("desc", "Tile-grid map of " + layout.tiles().size() + " regions coloured by " + vl.text() + period
                + " in " + classes + " equal-width class" + (classes == 1 ? "" : "es") + " from "
                + (!any ? "n/a" : Fmt.fixed(lo, s.decimals(), true) + " to " + Fmt.fixed(hi, s.decimals(), true)) + ".");
        return m;
    }

    static int classOf(double v, double lo, double hi, int classes) {
        if (classes == 1) {
            return 0;
        }
        int c = (int) Math.floor((v - lo) / (hi - lo) * classes);
        return Math.min(classes - 1, Math.max(0, c));
    }

    /** Splits a long region name onto two lines at the space nearest the middle. */
    static List<String> wrap(String s) {
        if (s.length() <= 11 || !s.contains(" ")) {
            return List.of(s);
        }
        int mid = s.length() / 2;
        int best = -1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) {
                best = i;
            }
        }
        return List.of(s.substring(0, best), s.substring(best + 1));
    }

    @Override
    public Reads inputs(FigureSpec.TileMap s) {
        return new Reads("datasets", List.of(s.dataset()));
    }
}
