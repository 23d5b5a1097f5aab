package dev.repro.report;

import static dev.repro.report.Plot.frame;
import static dev.repro.report.Plot.yticks;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.report.Plot.Axis;
import dev.repro.study.Label;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A variable's yearly mean over time as a line, one point per period with data.
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

    @Override
    public Map<String, Object> model(FigureSpec.Trend s, TableInputs in, Path baseDir, Problems problems) throws ReproException {
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
        Label vl = TableCells.label(s.variable(), s.labels(), in);
        Label tl = TableCells.label(time, s.labels(), in);
        m.put("ylabel", vl.text());
        m.put("xlabel", tl.text());
        m.put("desc", "Mean of " + vl.text() + " by " + tl.text() + " from " + ps.get(0).label() + " to "
                + ps.get(ps.size() - 1).label() + ", with the range from the minimum to the maximum shaded.");
        return m;
    }

    @Override
    public Reads inputs(FigureSpec.Trend s) {
        return new Reads("datasets", List.of(s.dataset()));
    }
}
