package dev.repro.report;

import dev.repro.study.Label;


import dev.repro.drift.DriftItem;
import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.diag.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A full report: every table kind, the three figures, provenance and drift items of every status. */
final class ReportFixture {
    static final String VERSION = "0.1.0-test";

    private ReportFixture() {
    }

    /** 30 provinces x 2012-2020 with an index rising over time and differing by province (deterministic). */
    static Dataset provinces() {
        List<String> names = new ArrayList<>(TileLayout.china().tiles().keySet());
        int years = 9;
        List<String> id = new ArrayList<>();
        double[] year = new double[names.size() * years];
        double[] open = new double[year.length];
        int k = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int t = 0; t < years; t++) {
                id.add(names.get(i));
                year[k] = 2012 + t;
                double base = 0.05 + 0.5 * ((i * 7) % 30) / 29.0;
                open[k] = Math.min(0.98, base + 0.045 * t * (1 + (i % 3) * 0.3));
                k++;
            }
        }
        int[] lines = new int[year.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2;
        }
        List<Column> cols = List.of(TextColumn.of("province", id), new NumericColumn("year", year), new NumericColumn("open", open));
        return new Dataset("provinces", "data/provinces.csv", "0".repeat(64), cols, lines, "province", "year");
    }

    static TableInputs inputs() throws Exception {
        TableInputs base = AllTables.inputs();
        Map<String, Dataset> ds = new LinkedHashMap<>(base.datasets());
        ds.put("provinces", provinces());
        Map<String, Label> labels = new LinkedHashMap<>(base.labels());
        labels.put("year", Label.plain("Year"));
        return new TableInputs(base.source(), base.results(), ds, labels);
    }

    static List<FigureSpec> figureSpecs() {
        return List.of(
                new FigureSpec.Trend("open-trend", Label.plain("Level of opening up by year"), "provinces", "open", null,
                        Map.of("open", Label.plain("Opening-up index"))),
                new FigureSpec.Coefficients("open-coef", Label.plain("Effect of opening up across specifications"),
                        List.of("m1", "m2", "m3", "m4", "m5"), List.of("open", "fin"), List.of(), 0.95, Map.of()),
                new FigureSpec.TileMap("open-map", Label.plain("Level of opening up by province, 2020"), "provinces", "open", null,
                        2020.0, null, 2, Map.of("open", Label.plain("Opening-up index"))));
    }

    static Report.Input input(Templates templates) throws Exception {
        TableInputs in = inputs();
        Provenance prov = new Provenance("tables.main: models m1, m2, m3, m4, m5",
                List.of(new Provenance.InputFile("data/panel.csv", "9f2c4e0b7d3a1f5e8c6b2a4d0e9f7c1b3a5d8e2f4c6b0a9d7e1f3c5b8a2d4e6f"),
                        new Provenance.InputFile("study.yaml", "1b3d5f7a9c2e4f6a8b0d2c4e6f8a0b2c4d6e8f0a1b3c5d7e9f1a3b5c7d9e0f2a")), VERSION);
        List<Report.TableEntry> tables = new ArrayList<>();
        for (TableModel m : AllTables.models(false)) {
            tables.add(new Report.TableEntry(m, prov));
        }
        Figures figs = new Figures(templates);
        List<Report.FigureEntry> figures = new ArrayList<>();
        Problems ps = new Problems();
        for (FigureSpec s : figureSpecs()) {
            Figure f = figs.build(s, in, Path.of("."), ps);
            if (!ps.isEmpty()) {
                throw new AssertionError(ps.list().toString());
            }
            figures.add(new Report.FigureEntry(f, new Provenance("figures." + s.id(), List.of(
                    new Provenance.InputFile("data/provinces.csv", "0".repeat(64))), VERSION)));
        }
        List<DriftItem> drift = List.of(
                new DriftItem("models.m1.coefficients.open.estimate", -4937.897, -4937.897, 0.0, 1e-6, DriftItem.Status.OK),
                new DriftItem("models.m5.r2Within", 0.245, 0.2451, 0.0001, 1e-6, DriftItem.Status.DRIFT),
                new DriftItem("tests.haus.statistic", null, 49.94, null, null, DriftItem.Status.NEW),
                new DriftItem("tests.old.p", 0.03, null, null, 1e-6, DriftItem.Status.MISSING),
                new DriftItem("labels <script>alert(1)</script>", 1.0, 2.0, 1.0, 0.0, DriftItem.Status.DRIFT));
        return new Report.Input("Opening up and CO2 emissions: " + AllTables.NASTY, VERSION, tables, figures, true, drift);
    }

    /** A YAML test resource under /report as plain maps. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String name) throws Exception {
        try (java.io.InputStream in = ReportFixture.class.getResourceAsStream("/report/" + name)) {
            return new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readValue(in, Map.class);
        }
    }
}
