package dev.repro.report;

import dev.repro.study.Label;

import dev.repro.study.FigureSpec;

import dev.repro.io.AtomicFiles;
import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.results.CoefficientResult;
import dev.repro.results.ModelResult;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Builds figures as SVG from the templates {@code figures/<kind>.svg.ftlx}. Every coordinate is computed
 * here and formatted with {@link Fmt#coord} (Locale.ROOT, 2 decimals), so the same inputs give the same bytes.
 */
public final class Figures {
    /** Sequential blues, light to dark, for the tile map's five classes. */
    static final List<String> PALETTE = List.of("#eef4fa", "#c3d9ec", "#87b3d9", "#4a86bf", "#1d4f8c");
    static final String NO_DATA = "#d9d9d9";
    /** Marker colours of the models in a coefficient plot. */
    static final List<String> SERIES = List.of("#1d4f8c", "#b03a2e", "#2e7d32", "#7d3c98", "#b9770e", "#505050");

    private final Templates templates;

    public Figures(Templates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /**
     * Builds one figure; null (with problems added) when it refers to something that does not exist.
     *
     * @param baseDir the project folder a custom tile layout path is relative to
     */
    public Figure build(FigureSpec spec, TableInputs in, Path baseDir, Problems problems) throws ReproException {
        Map<String, Object> model;
        if (spec instanceof FigureSpec.Trend t) {
            model = trend(t, in, problems);
        } else if (spec instanceof FigureSpec.Coefficients c) {
            model = coefficients(c, in, problems);
        } else {
            model = tileMap((FigureSpec.TileMap) spec, in, baseDir, problems);
        }
        if (model == null) {
            return null;
        }
        model.put("id", spec.id());
        model.put("title", spec.title().text());
        model.put("kind", spec.kind());
        String svg = templates.render(List.of("figures/" + spec.id() + ".svg.ftlx", "figures/" + spec.kind() + ".svg.ftlx"),
                Map.of("figure", model));
        return new Figure(spec.id(), spec.kind(), spec.title(), svg);
    }

    /** Writes {@code <id>.svg} into {@code dir} atomically. */
    public static Path write(Figure f, Path dir) throws IOException {
        Path p = dir.resolve(f.id() + ".svg");
        AtomicFiles.write(p, f.svg());
        return p;
    }

    // ----------------------------------------------------------------------------------------------------

    private static Map<String, Object> trend(FigureSpec.Trend s, TableInputs in, Problems problems) {
        String key = "figures." + s.id();
        Dataset d = in.datasets().get(s.dataset());
        if (d == null) {
            problems.addKey(in.source(), 0, 0, key + ".dataset", "no dataset named '" + s.dataset() + "'; the study's datasets are: "
                    + String.join(", ", new TreeSet<>(in.datasets().keySet())));
            return null;
        }
        String time = s.time() != null ? s.time() : d.timeColumn();
        if (time == null) {
            problems.addKey(in.source(), 0, 0, key + ".time", "dataset '" + s.dataset() + "' declares no time column; name one with time: <column>");
            return null;
        }
        if (!(d.column(s.variable()) instanceof NumericColumn) || !(d.column(time) instanceof NumericColumn)) {
            String bad = d.column(s.variable()) instanceof NumericColumn ? time : s.variable();
            problems.addKey(in.source(), 0, 0, key, "dataset '" + s.dataset() + "' has no numeric column '" + bad + "'; its columns are: "
                    + String.join(", ", d.columnNames()));
            return null;
        }
        YearlySummary ys = YearlySummary.of(d, s.variable(), time);
        List<YearlySummary.Period> ps = new ArrayList<>();
        for (YearlySummary.Period p : ys.periods()) {
            if (p.moments().n() > 0) {
                ps.add(p);
            }
        }
        if (ps.isEmpty()) {
            problems.addKey(in.source(), 0, 0, key, "variable '" + s.variable() + "' has no non-missing value");
            return null;
        }
        double w = 640;
        double h = 360;
        double ml = 72;
        double mr = 24;
        double mt = 56;
        double mb = 52;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (YearlySummary.Period p : ps) {
            lo = Math.min(lo, p.moments().min());
            hi = Math.max(hi, p.moments().max());
        }
        Axis ya = Axis.of(lo, hi, 6);
        double t0 = ps.get(0).time();
        double t1 = ps.get(ps.size() - 1).time();
        double pw = w - ml - mr;
        double ph = h - mt - mb;
        List<Map<String, Object>> points = new ArrayList<>();
        StringBuilder mean = new StringBuilder();
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        List<Map<String, Object>> xticks = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(ps.size() / 12.0));
        for (int i = 0; i < ps.size(); i++) {
            YearlySummary.Period p = ps.get(i);
            double x = ml + pw * (ps.size() == 1 ? 0.5 : 0.04 + 0.92 * (p.time() - t0) / (t1 - t0));
            double y = mt + ph * (1 - ya.frac(p.moments().mean()));
            mean.append(i == 0 ? "" : " ").append(Fmt.coord(x)).append(',').append(Fmt.coord(y));
            upper.append(i == 0 ? "" : " ").append(Fmt.coord(x)).append(',').append(Fmt.coord(mt + ph * (1 - ya.frac(p.moments().max()))));
            lower.insert(0, Fmt.coord(x) + "," + Fmt.coord(mt + ph * (1 - ya.frac(p.moments().min()))) + (i == 0 ? "" : " "));
            Map<String, Object> pt = new LinkedHashMap<>();
            pt.put("x", Fmt.coord(x));
            pt.put("y", Fmt.coord(y));
            pt.put("label", p.label() + ": mean " + Fmt.significant(p.moments().mean(), 4, true) + ", min "
                    + Fmt.significant(p.moments().min(), 4, true) + ", max " + Fmt.significant(p.moments().max(), 4, true));
            points.add(pt);
            if (i % every == 0 || i == ps.size() - 1) {
                xticks.add(Map.of("x", Fmt.coord(x), "label", p.label()));
            }
        }
        Map<String, Object> m = frame(w, h, ml, mt, pw, ph);
        m.put("band", upper + " " + lower);
        m.put("mean", mean.toString());
        m.put("points", points);
        m.put("xticks", xticks);
        m.put("yticks", yticks(ya, mt, ph));
        Label vl = Tables.label(s.variable(), s.labels(), in);
        Label tl = Tables.label(time, s.labels(), in);
        m.put("ylabel", vl.text());
        m.put("xlabel", tl.text());
        m.put("desc", "Mean of " + vl.text() + " by " + tl.text() + " from " + ps.get(0).label() + " to "
                + ps.get(ps.size() - 1).label() + ", with the range from the minimum to the maximum shaded.");
        return m;
    }

    private static Map<String, Object> coefficients(FigureSpec.Coefficients s, TableInputs in, Problems problems) {
        String key = "figures." + s.id();
        List<ModelResult> models = new ArrayList<>();
        for (String id : s.models()) {
            ModelResult m = in.results().models().get(id);
            if (m == null) {
                problems.addKey(in.source(), 0, 0, key + ".models", "no model named '" + id + "' in the results; "
                        + "name one of the study's models: " + String.join(", ", in.results().models().keySet()));
            }
            models.add(m);
        }
        if (models.contains(null)) {
            return null;
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (ModelResult m : models) {
            names.addAll(m.coefficients().keySet());
        }
        List<String> rows = new ArrayList<>();
        for (String n : names) {
            boolean kept = s.keep().isEmpty() ? !n.equals(Tables.INTERCEPT) : s.keep().stream().anyMatch(p -> Tables.glob(p).matcher(n).matches());
            boolean dropped = s.drop().stream().anyMatch(p -> Tables.glob(p).matcher(n).matches());
            if (kept && !dropped) {
                rows.add(n);
            }
        }
        if (rows.isEmpty()) {
            problems.addKey(in.source(), 0, 0, key + ".keep", "no coefficient left to plot; the coefficients are: " + String.join(", ", names));
            return null;
        }
        double lo = 0;
        double hi = 0;
        double[][][] ci = new double[rows.size()][models.size()][];
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < models.size(); j++) {
                CoefficientResult c = models.get(j).coefficients().get(rows.get(r));
                if (c == null || Double.isNaN(c.stdError())) {
                    continue;
                }
                double q = critical(models.get(j), s.level());
                ci[r][j] = new double[] {c.estimate(), c.estimate() - q * c.stdError(), c.estimate() + q * c.stdError()};
                lo = Math.min(lo, ci[r][j][1]);
                hi = Math.max(hi, ci[r][j][2]);
            }
        }
        Axis xa = Axis.of(lo, hi, 6);
        int maxLabel = 0;
        for (String n : rows) {
            maxLabel = Math.max(maxLabel, Tables.label(n, s.labels(), in).text().length());
        }
        double ml = Math.min(260, 24 + 7 * maxLabel);
        double mr = 28;
        double mt = models.size() > 1 ? 76 : 56;
        double band = 14 * models.size() + 16;
        double ph = band * rows.size();
        double w = Math.max(560, ml + 420 + mr);
        double pw = w - ml - mr;
        double mb = 52;
        double h = mt + ph + mb;
        List<Map<String, Object>> marks = new ArrayList<>();
        List<Map<String, Object>> rowLabels = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Label l = Tables.label(rows.get(r), s.labels(), in);
            double yc = mt + band * (r + 0.5);
            rowLabels.add(Map.of("y", Fmt.coord(yc), "text", l.text(), "stripe", r % 2 == 1,
                    "top", Fmt.coord(mt + band * r), "h", Fmt.coord(band)));
            for (int j = 0; j < models.size(); j++) {
                if (ci[r][j] == null) {
                    continue;
                }
                double y = yc + (j - (models.size() - 1) / 2.0) * 14;
                Map<String, Object> mk = new LinkedHashMap<>();
                mk.put("y", Fmt.coord(y));
                mk.put("x", Fmt.coord(ml + pw * xa.frac(ci[r][j][0])));
                mk.put("x1", Fmt.coord(ml + pw * xa.frac(ci[r][j][1])));
                mk.put("x2", Fmt.coord(ml + pw * xa.frac(ci[r][j][2])));
                mk.put("color", SERIES.get(j));
                mk.put("label", l.text() + ", " + s.models().get(j) + ": " + Fmt.significant(ci[r][j][0], 4, true) + " ["
                        + Fmt.significant(ci[r][j][1], 4, true) + ", " + Fmt.significant(ci[r][j][2], 4, true) + "]");
                marks.add(mk);
            }
        }
        List<Map<String, Object>> legend = new ArrayList<>();
        if (models.size() > 1) {
            for (int j = 0; j < models.size(); j++) {
                legend.add(Map.of("x", Fmt.coord(ml + j * 110), "color", SERIES.get(j),
                        "text", "(" + (j + 1) + ") " + Tables.label(s.models().get(j), s.labels(), in).text()));
            }
        }
        Map<String, Object> m = frame(w, h, ml, mt, pw, ph);
        m.put("marks", marks);
        m.put("rows", rowLabels);
        m.put("legend", legend);
        m.put("legendY", Fmt.coord(mt - 20));
        m.put("xticks", xticks(xa, ml, pw));
        m.put("zero", Fmt.coord(ml + pw * xa.frac(0)));
        String lv = Fmt.significant(s.level() * 100, 4, false);
        m.put("xlabel", "Estimate with " + lv + "% confidence interval");
        m.put("desc", "Estimates of " + rows.size() + " coefficient" + (rows.size() == 1 ? "" : "s") + " in "
                + models.size() + " model" + (models.size() == 1 ? "" : "s") + " with " + lv + "% confidence intervals.");
        return m;
    }

    /**
     * The critical value of a model's confidence interval, matching its inference: t with G-1 degrees of
     * freedom when clustered (as Stata and the contract's cluster convention), t with the residual degrees of
     * freedom when known, and the normal quantile otherwise (GMM, as plm reports z statistics).
     */
    static double critical(ModelResult m, double level) {
        double p = 1 - (1 - level) / 2;
        if (m.estimator() != null && m.estimator().equalsIgnoreCase("gmm")) {
            return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
        }
        if (m.vcov() != null && m.vcov().startsWith("cluster") && m.clusters() != null && m.clusters() > 1) {
            return new TDistribution(null, m.clusters() - 1).inverseCumulativeProbability(p);
        }
        if (m.dfResid() != null && m.dfResid() > 0) {
            return new TDistribution(null, m.dfResid()).inverseCumulativeProbability(p);
        }
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
    }

    private static Map<String, Object> tileMap(FigureSpec.TileMap s, TableInputs in, Path baseDir, Problems problems) {
        String key = "figures." + s.id();
        TileLayout layout;
        if (s.layout() == null) {
            layout = TileLayout.china();
        } else {
            Path p = baseDir.resolve(s.layout()).normalize();
            layout = TileLayout.load(p, s.layout(), problems);
            if (layout == null) {
                return null;
            }
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
        int classes = lo < hi ? PALETTE.size() : 1;
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
            boolean has = val != null && !Double.isNaN(val);
            int cls = has ? classOf(val, lo, hi, classes) : -1;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("x", Fmt.coord(x));
            t.put("y", Fmt.coord(y));
            t.put("size", Fmt.coord(tile));
            t.put("cx", Fmt.coord(x + tile / 2));
            t.put("fill", has ? PALETTE.get(classes == 1 ? PALETTE.size() - 1 : cls) : NO_DATA);
            t.put("ink", has && (classes == 1 || cls >= 3) ? "#ffffff" : "#1a1a1a");
            String label = Tables.label(e.getKey(), s.labels(), in).text();
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
            double a = lo + (hi - lo) * c / classes;
            double b = lo + (hi - lo) * (c + 1) / classes;
            String text = classes == 1 ? Fmt.fixed(lo, s.decimals(), true)
                    : Fmt.fixed(a, s.decimals(), true) + " \u2013 " + Fmt.fixed(b, s.decimals(), true);
            legend.add(Map.of("y", Fmt.coord(mt + 24 + c * 24), "fill", PALETTE.get(classes == 1 ? PALETTE.size() - 1 : c), "text", text));
        }
        boolean missing = layout.tiles().keySet().stream().anyMatch(n -> values.get(n) == null || Double.isNaN(values.get(n)));
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
        Label vl = Tables.label(s.variable(), s.labels(), in);
        String period = at == null ? "" : " in " + Fmt.significant(at, 15, false);
        m.put("legendTitle", vl.text() + period);
        m.put("legendY", Fmt.coord(mt + 4));
        m.put("desc", "Tile-grid map of " + layout.tiles().size() + " regions coloured by " + vl.text() + period
                + " in " + classes + " equal-width class" + (classes == 1 ? "" : "es") + " from "
                + (values.isEmpty() || lo > hi ? "n/a" : Fmt.fixed(lo, s.decimals(), true) + " to " + Fmt.fixed(hi, s.decimals(), true)) + ".");
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

    // ----------------------------------------------------------------------------------------------------

    private static Map<String, Object> frame(double w, double h, double ml, double mt, double pw, double ph) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", Fmt.coord(w));
        m.put("height", Fmt.coord(h));
        m.put("x0", Fmt.coord(ml));
        m.put("x1", Fmt.coord(ml + pw));
        m.put("y0", Fmt.coord(mt));
        m.put("y1", Fmt.coord(mt + ph));
        m.put("xmid", Fmt.coord(ml + pw / 2));
        m.put("ymid", Fmt.coord(mt + ph / 2));
        m.put("xlabelY", Fmt.coord(mt + ph + 40));
        m.put("tickY", Fmt.coord(mt + ph + 18));
        m.put("ylabelX", Fmt.coord(18));
        return m;
    }

    private static List<Map<String, Object>> yticks(Axis a, double mt, double ph) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (double t : a.ticks()) {
            out.add(Map.of("y", Fmt.coord(mt + ph * (1 - a.frac(t))), "label", Fmt.fixed(t, a.decimals(), true)));
        }
        return out;
    }

    private static List<Map<String, Object>> xticks(Axis a, double ml, double pw) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (double t : a.ticks()) {
            out.add(Map.of("x", Fmt.coord(ml + pw * a.frac(t)), "label", Fmt.fixed(t, a.decimals(), true)));
        }
        return out;
    }

    /**
     * An axis with "nice" tick steps of 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for graph
     * labels", Graphics Gems 1990), its domain widened to whole steps.
     */
    record Axis(double lo, double hi, double step, int decimals) {
        static Axis of(double min, double max, int target) {
            if (!(max > min)) {
                double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
                min -= pad;
                max += pad;
            }
            double step = nice((max - min) / Math.max(1, target - 1));
            double lo = Math.floor(min / step) * step;
            double hi = Math.ceil(max / step) * step;
            int dec = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            return new Axis(lo, hi, step, dec);
        }

        static double nice(double x) {
            double e = Math.floor(Math.log10(x));
            double f = x / Math.pow(10, e);
            double n = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
            return n * Math.pow(10, e);
        }

        double frac(double v) {
            return (v - lo) / (hi - lo);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            int n = (int) Math.round((hi - lo) / step);
            for (int i = 0; i <= n; i++) {
                double v = lo + i * step;
                t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
            }
            return t;
        }
    }
}
