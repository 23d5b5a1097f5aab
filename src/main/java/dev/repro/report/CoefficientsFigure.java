package dev.repro.report;

import static dev.repro.report.Plot.frame;
import static dev.repro.report.Plot.xticks;

import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.diag.Suggest;
import dev.repro.report.Plot.Axis;
import dev.repro.results.CoefficientResult;
import dev.repro.results.ModelResult;
import dev.repro.study.Label;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Coefficients with confidence intervals, one row per coefficient and one marker per model.
 */
final class CoefficientsFigure implements FigureKind<FigureSpec.Coefficients> {
    /** Marker colours of the models in a coefficient plot. */
    static final List<String> SERIES = List.of("#1d4f8c", "#b03a2e", "#2e7d32", "#7d3c98", "#b9770e", "#505050");

    @Override
    public String name() {
        return "coefficients";
    }

    @Override
    public FigureSpec.Coefficients parse(SpecFields e, FigureKind.Head h) {
        e.knownOnly("kind", "title", "labels", "models", "keep", "drop", "level", "columnTitles", "table");
        List<String> models = e.strList("models", true);
        if (models.size() > 6) {
            e.problem("models", "a coefficient plot shows at most 6 models; found " + models.size());
        }
        double level = e.number("level", 0.95);
        if (!(level > 0 && level < 1)) {
            e.problem("level", "the confidence level must be between 0 and 1, e.g. 0.95; found " + level);
        }
        e.refs("models", e.models(), "model", "models");
        List<Label> legend = legend(e, h, models);
        if (e.failed() || models.isEmpty()) {
            return null;
        }
        return new FigureSpec.Coefficients(h.id(), h.title(), models, e.strList("keep", false), e.strList("drop", false), level,
                h.labels(), legend);
    }

    /**
     * The legend entries from {@code columnTitles} (one per model, numbered (1)...) or from the columns of the regression
     * table named by {@code table:} ("(11) Non-coastal": the table's column number and title, or the model's label when
     * the table has no titles); empty when neither is given (the models' labels are used).
     */
    private static List<Label> legend(SpecFields e, FigureKind.Head h, List<String> models) {
        List<Label> titles = e.labelList("columnTitles");
        if (e.has("columnTitles") && e.has("table")) {
            e.problem("table", "give either columnTitles or table, not both");
            return List.of();
        }
        if (!titles.isEmpty()) {
            if (titles.size() != models.size()) {
                e.problem("columnTitles", "give one title per model: " + models.size() + " models, " + titles.size() + " titles");
                return List.of();
            }
            List<Label> out = new ArrayList<>();
            for (int j = 0; j < titles.size(); j++) {
                out.add(numbered(j + 1, titles.get(j)));
            }
            return out;
        }
        if (!e.has("table")) {
            return List.of();
        }
        String id = e.str("table", "");
        Map<?, ?> t = e.table(id);
        Object kind = t == null ? null : t.get("kind");
        if (t == null || kind != null && !kind.equals("regression") && !kind.equals("gmm")) {
            e.problem("table", (t == null ? "unknown table '" + id + "'" : "table '" + id + "' is a " + kind + " table")
                    + "; name a regression table whose columns the legend takes" + Suggest.didYouMean(id, e.tableIds()));
            return List.of();
        }
        List<?> tableModels = t.get("models") instanceof List<?> l ? l : List.of();
        List<?> tableTitles = t.get("columnTitles") instanceof List<?> l ? l : List.of();
        int first = t.get("firstColumn") instanceof Number n ? n.intValue() : 1;
        List<Label> out = new ArrayList<>();
        for (String m : models) {
            int j = tableModels.indexOf(m);
            if (j < 0) {
                e.problem("table", "model '" + m + "' is not a column of table '" + id + "'; its models are: "
                        + tableModels.stream().map(String::valueOf).collect(Collectors.joining(", ")));
                return List.of();
            }
            Label title = j < tableTitles.size() ? Label.parse(tableTitles.get(j)) : null;
            out.add(numbered(first + j, title != null ? title : modelLabel(m, h.labels(), e.studyLabels())));
        }
        return out;
    }

    private static Label numbered(int column, Label title) {
        return Label.plain("(" + column + ") " + title.text());
    }

    private static Label modelLabel(String model, Map<String, Label> figure, Map<String, Label> study) {
        Label l = figure.containsKey(model) ? figure.get(model) : study.get(model);
        return l != null ? l : Label.plain(model);
    }

    @Override
    public Class<FigureSpec.Coefficients> spec() {
        return FigureSpec.Coefficients.class;
    }

    @Override
    public Map<String, Object> model(FigureSpec.Coefficients s, TableInputs in, Path baseDir, Problems problems) throws ReproException {
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
            boolean kept = s.keep().isEmpty() ? !n.equals(TableCells.INTERCEPT) : s.keep().stream().anyMatch(p -> TableCells.glob(p).matcher(n).matches());
            boolean dropped = s.drop().stream().anyMatch(p -> TableCells.glob(p).matcher(n).matches());
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
        List<String> notComputed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < models.size(); j++) {
                CoefficientResult c = models.get(j).coefficients().get(rows.get(r));
                if (c == null) {
                    continue;
                }
                if (!Double.isFinite(c.estimate()) || !Double.isFinite(c.stdError())) {
                    // never drawn as a number: named under the axis instead
                    notComputed.add(TableCells.label(rows.get(r), s.labels(), in).text() + " (" + s.models().get(j) + ")");
                    continue;
                }
                double q = Intervals.critical(models.get(j), s.level()); // the same quantile as the tables' stat: ci
                ci[r][j] = new double[] {c.estimate(), c.estimate() - q * c.stdError(), c.estimate() + q * c.stdError()};
                lo = Math.min(lo, ci[r][j][1]);
                hi = Math.max(hi, ci[r][j][2]);
            }
        }
        Axis xa = Axis.of(lo, hi, 6);
        int maxLabel = 0;
        for (String n : rows) {
            maxLabel = Math.max(maxLabel, TableCells.label(n, s.labels(), in).text().length());
        }
        // the left margin holds the longest row label (no cap: a long label widens the figure, never leaves it)
        double ml = 24 + 7 * maxLabel;
        double mr = 28;
        double w = Math.max(560, ml + 420 + mr);
        List<String> entries = new ArrayList<>();
        for (int j = 0; j < models.size(); j++) {
            entries.add(s.legend().isEmpty() ? "(" + (j + 1) + ") " + TableCells.label(s.models().get(j), s.labels(), in).text()
                    : s.legend().get(j).text());
        }
        List<Map<String, Object>> legend = legend(entries, ml, w - 8);
        int legendLines = legend.isEmpty() ? 0 : 1 + (int) legend.stream().mapToInt(e -> (Integer) e.get("line")).max().orElse(0);
        double mt = models.size() > 1 ? 76 + 16 * (legendLines - 1) : 56;
        double band = 14 * models.size() + 16;
        double ph = band * rows.size();
        double pw = w - ml - mr;
        double mb = 52;
        double h = mt + ph + mb;
        List<Map<String, Object>> marks = new ArrayList<>();
        List<Map<String, Object>> rowLabels = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Label l = TableCells.label(rows.get(r), s.labels(), in);
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
                mk.put("label", l.text() + ", " + entries.get(j) + ": " + Fmt.significant(ci[r][j][0], 4, true) + " ["
                        + Fmt.significant(ci[r][j][1], 4, true) + ", " + Fmt.significant(ci[r][j][2], 4, true) + "]");
                marks.add(mk);
            }
        }
        Map<String, Object> m = frame(w, h, ml, mt, pw, ph);
        m.put("marks", marks);
        m.put("rows", rowLabels);
        m.put("legend", legend);
        m.put("legendY", Fmt.coord(56));
        m.put("xticks", xticks(xa, ml, pw));
        m.put("zero", Fmt.coord(ml + pw * xa.frac(0)));
        String lv = Fmt.significant(s.level() * 100, 4, false);
        m.put("xlabel", "Estimate with " + lv + "% confidence interval"
                + (notComputed.isEmpty() ? "" : "; n/a, could not be computed: " + String.join(", ", notComputed)));
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
        if (m.zStatistics()) {
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

    @Override
    public Reads inputs(FigureSpec.Coefficients s) {
        return new Reads("models", s.models());
    }

    /**
     * The legend entries (x, y, line, colour, text), left to right from the plot's left edge, starting a new line
     * 16 px lower when an entry would run past {@code right} (text width estimated at 6.5 px a character at 11 px).
     */
    private static List<Map<String, Object>> legend(List<String> entries, double left, double right) {
        List<Map<String, Object>> legend = new ArrayList<>();
        if (entries.size() < 2) {
            return legend;
        }
        double x = left;
        int line = 0;
        for (int j = 0; j < entries.size(); j++) {
            String text = entries.get(j);
            double width = 14 + 6.5 * text.length() + 16;
            if (x > left && x + width - 16 > right) {
                x = left;
                line++;
            }
            legend.add(Map.of("x", Fmt.coord(x), "y", Fmt.coord(56 + 16 * line), "line", line, "color", SERIES.get(j), "text", text));
            x += Math.max(110, width);
        }
        return legend;
    }
}
