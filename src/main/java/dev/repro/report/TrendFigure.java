package dev.repro.report;

import static dev.repro.report.Plot.frame;
import static dev.repro.report.Plot.yticks;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.report.Plot.Axis;
import dev.repro.results.TrendResult;
import dev.repro.study.Label;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A variable's yearly mean over time as a line, one point per period with data. Its numbers (the moments per
 * period and the y axis) are computed by {@code estimate} into {@code figures.<id>} of results.json and drawn from there.
 */
final class TrendFigure implements FigureKind<FigureSpec.Trend> {
    @Override
    public String name() {
        return "trend";
    }

    @Override
    public FigureSpec.Trend parse(SpecFields e, FigureKind.Head h) {
        e.knownOnly("kind", "title", "labels", "dataset", "variable", "time");
        String ds = e.str("dataset", null);
        String v = e.str("variable", null);
        String t = e.str("time", "");
        e.refs("dataset", e.datasets(), "dataset", "datasets");
        if (e.failed() || ds == null || v == null) {
            return null;
        }
        return new FigureSpec.Trend(h.id(), h.title(), ds, v, t.isEmpty() ? null : t, h.labels());
    }

    @Override
    public Class<FigureSpec.Trend> spec() {
        return FigureSpec.Trend.class;
    }

    /** The numbers the figure prints, from the data: per period with data its moments, and the y axis. */
    @Override
    public TrendResult numbers(FigureSpec.Trend s, TableInputs in, Path baseDir, Problems problems) {
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
        Map<String, TrendResult.Point> points = new LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (YearlySummary.Period p : ys.periods()) {
            Moments m = p.moments();
            if (m.n() > 0) {
                points.put(p.label(), new TrendResult.Point(p.time(), m.n(), m.mean(), m.min(), m.max()));
                lo = Math.min(lo, m.min());
                hi = Math.max(hi, m.max());
            }
        }
        if (points.isEmpty()) {
            problems.addKey(in.source(), 0, 0, key, "variable '" + s.variable() + "' has no non-missing value");
            return null;
        }
        for (var e : points.entrySet()) {
            if (e.getValue().mean() == null || !Double.isFinite(hi - lo)) {
                problems.addKey(in.source(), 0, 0, key, "could not compute the mean of '" + s.variable() + "' in " + e.getKey()
                        + " (overflow: the values exceed the largest double); rescale the column");
                return null;
            }
        }
        Axis ya = Axis.of(lo, hi, 6);
        return new TrendResult(TrendResult.KIND, s.dataset(), s.variable(), time, points,
                new TrendResult.Axis(ya.lo(), ya.hi(), ya.step(), ya.decimals(), ya.ticks()));
    }

    /** The template model, from the figure's numbers in results.json (from the data when they hold none). */
    @Override
    public Map<String, Object> model(FigureSpec.Trend s, TableInputs in, Path baseDir, Problems problems) throws ReproException {
        if (!(FigureNumbers.forFigure(s, in, baseDir, problems) instanceof TrendResult r)) {
            return null;
        }
        List<TrendResult.Point> ps = new ArrayList<>(r.points().values());
        List<String> labels = new ArrayList<>(r.points().keySet());
        double w = 640;
        double h = 360;
        double ml = 72;
        double mr = 24;
        double mt = 56;
        double mb = 52;
        Axis ya = new Axis(r.yaxis().lo(), r.yaxis().hi(), r.yaxis().step(), r.yaxis().decimals());
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
            TrendResult.Point p = ps.get(i);
            double x = ml + pw * (ps.size() == 1 ? 0.5 : 0.04 + 0.92 * (p.time() - t0) / (t1 - t0));
            double y = mt + ph * (1 - ya.frac(p.mean()));
            mean.append(i == 0 ? "" : " ").append(Fmt.coord(x)).append(',').append(Fmt.coord(y));
            upper.append(i == 0 ? "" : " ").append(Fmt.coord(x)).append(',').append(Fmt.coord(mt + ph * (1 - ya.frac(p.max()))));
            lower.insert(0, Fmt.coord(x) + "," + Fmt.coord(mt + ph * (1 - ya.frac(p.min()))) + (i == 0 ? "" : " "));
            Map<String, Object> pt = new LinkedHashMap<>();
            pt.put("x", Fmt.coord(x));
            pt.put("y", Fmt.coord(y));
            pt.put("label", labels.get(i) + ": mean " + Fmt.significant(p.mean(), 4, true) + ", min "
                    + Fmt.significant(p.min(), 4, true) + ", max " + Fmt.significant(p.max(), 4, true));
            points.add(pt);
            if (i % every == 0 || i == ps.size() - 1) {
                xticks.add(Map.of("x", Fmt.coord(x), "label", labels.get(i)));
            }
        }
        Map<String, Object> m = frame(w, h, ml, mt, pw, ph);
        m.put("band", upper + " " + lower);
        m.put("mean", mean.toString());
        m.put("points", points);
        m.put("xticks", xticks);
        m.put("yticks", yticks(ya, r.yaxis().ticks(), mt, ph));
        Label vl = TableCells.label(s.variable(), s.labels(), in);
        Label tl = TableCells.label(r.time(), s.labels(), in);
        m.put("ylabel", vl.text());
        m.put("xlabel", tl.text());
        m.put("desc", "Mean of " + vl.text() + " by " + tl.text() + " from " + labels.get(0) + " to "
                + labels.get(labels.size() - 1) + ", with the range from the minimum to the maximum shaded.");
        return m;
    }

    @Override
    public Reads inputs(FigureSpec.Trend s) {
        return new Reads("datasets", List.of(s.dataset()));
    }
}
