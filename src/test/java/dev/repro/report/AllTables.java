package dev.repro.report;

import dev.repro.study.Label;


import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One table of every kind (the seed paper's layouts), plus one whose labels hold every special character. */
final class AllTables {
    /** Every character LaTeX, HTML and Markdown treat specially, and a script tag. */
    static final String NASTY = "R&D 100% $5 #1 a_b {x} ~y ^z \\q <script>alert('x')</script> \"q\" | [1] *s* `c`";

    private AllTables() {
    }

    static TableInputs inputs() throws Exception {
        Map<String, Dataset> ds = new LinkedHashMap<>();
        ds.put("grunfeld", MomentsGoldenTest.data("grunfeld"));
        ds.put("produc", MomentsGoldenTest.data("produc"));
        return new TableInputs("study.yaml", Fixtures.table5(), ds, Fixtures.labels());
    }

    static List<TableSpec> specs(boolean siunitx) {
        List<String> five = List.of("m1", "m2", "m3", "m4", "m5");
        List<TableSpec> out = new ArrayList<>();
        out.add(new TableSpec.Regression("main", "regression", Label.plain("Regression results of the benchmark model"), five,
                TableSpec.Stat.T, Map.of(), List.of(), List.of(), List.of(),
                List.of(new TableSpec.FeRow("province", Label.plain("Province FE")), new TableSpec.FeRow("year", Label.plain("Year FE"))),
                List.of(), TableSpec.Regression.DEFAULT_STATS, TableSpec.DEFAULT_STAR_LEVELS, 3, 2, List.of(), List.of(), 1, siunitx));
        out.add(new TableSpec.Regression("gmm", "gmm", Label.plain("Results of the GMM model"), List.of("gmm"),
                TableSpec.Stat.T, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                TableSpec.Regression.DEFAULT_GMM_STATS, TableSpec.DEFAULT_STAR_LEVELS, 3, 2,
                List.of(Label.plain("L1.Ce is the first lag of Ce.")), List.of(), 1, siunitx));
        out.add(new TableSpec.Descriptive("descriptive", Label.plain("Descriptive statistics"), "grunfeld",
                List.of("inv", "value", "capital", "invshift"), TableSpec.Descriptive.ALL_STATS, 4, null, Map.of(), List.of(), siunitx));
        out.add(new TableSpec.Yearly("yearly", Label.plain("Annual values of capital"), "grunfeld", "capital", null, 2, true,
                Map.of(), List.of(), siunitx));
        out.add(new TableSpec.Weights("weights", Label.plain("Level of opening up index evaluation system"), "index.open.tables.weights", 4,
                Map.of(), List.of(), siunitx));
        List<TableSpec.UnitRootColumn> cols = List.of(
                new TableSpec.UnitRootColumn(Label.plain("LLC"), "statistic", "p", Label.plain("t*")),
                new TableSpec.UnitRootColumn(Label.plain("Fisher-PP"), "statistic", "p", Label.plain("Chi-squared")),
                new TableSpec.UnitRootColumn(Label.plain("Fisher-ADF"), "statistic", "p", Label.plain("Chi-squared")));
        out.add(new TableSpec.UnitRoot("unitroot", Label.plain("Unit root tests for major variables"), cols,
                List.of(new TableSpec.UnitRootRow("ce", List.of("llc_ce", "fpp_ce", "fadf_ce")),
                        new TableSpec.UnitRootRow("open", List.of("llc_open", "fpp_open", "fadf_open"))),
                TableSpec.DEFAULT_STAR_LEVELS, 3, Map.of(), List.of(), siunitx));
        out.add(new TableSpec.Granger("granger", Label.plain("Granger non-causality test results"), List.of("dh"), 4,
                Map.of(), List.of(), siunitx));
        out.add(new TableSpec.Mediation("mediation", Label.plain("Results of the bootstrap test"), List.of("quality", "tech"),
                TableSpec.DEFAULT_STAR_LEVELS, 3, Map.of(), List.of(), siunitx));
        out.add(new TableSpec.Tests("hausman", Label.plain("Specification tests"), List.of("haus"), TableSpec.DEFAULT_STAR_LEVELS, 3,
                Map.of("haus", Label.plain("Hausman (FE vs RE)")), List.of(), siunitx));
        Map<String, Label> nasty = new LinkedHashMap<>();
        nasty.put("open", Label.plain(NASTY));
        nasty.put("rpc", Label.parse("raw:$\\beta_{\\mathit{rpc}}$"));
        nasty.put("ei", Label.parse(Map.of("latex", "$\\gamma$ (energy)", "text", "gamma (energy)")));
        nasty.put("ce", Label.plain("Ce_total & <b>bold</b>"));
        nasty.put("fin", Label.plain("[bracketed] first"));
        nasty.put("gdp", Label.plain("\u03b2 \u2192 \u03c7\u00b2 \u2264 5"));
        out.add(new TableSpec.Regression("nasty", "regression", Label.plain("Escaping: " + NASTY), List.of("m4", "m5"),
                TableSpec.Stat.SE, nasty, List.of(), List.of(), List.of(), List.of(),
                List.of(new TableSpec.CustomRow(Label.plain("Controls & more <i>"), List.of("Yes & no", "<script>x</script>"))),
                List.of("nobs", "r2Within"), List.of(0.1, 0.05, 0.01, 0.001), 2, 2, List.of(Label.plain("Note: " + NASTY)),
                List.of(Label.plain("A & B"), Label.plain("50% <x>")), 1, siunitx));
        return out;
    }

    static List<TableModel> models(boolean siunitx) throws Exception {
        TableInputs in = inputs();
        Problems ps = new Problems();
        List<TableModel> out = new ArrayList<>();
        for (TableSpec s : specs(siunitx)) {
            TableModel m = Tables.build(s, in, ps);
            if (!ps.isEmpty()) {
                throw new AssertionError(ps.list().toString());
            }
            out.add(m);
        }
        return out;
    }
}
