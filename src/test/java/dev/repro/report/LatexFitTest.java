package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.repro.diag.Problems;
import dev.repro.study.Label;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every table kind fits the text block of a plain portrait {@code article} (11pt, default margins: 360 pt): each
 * table (centred and siunitx, with the fixtures' labels and with long labels that must wrap) is compiled with a
 * real pdflatex on a page of its own and the log must hold no "Overfull \hbox". The landscape and fontSize options
 * compile too. Output under target/latex-fit/ (main.tex, main.log). Skipped with a message without pdflatex,
 * a failure when REPRO_REQUIRE_TOOLS=true (CI).
 */
class LatexFitTest {
    static final String PREAMBLE = """
            \\documentclass[11pt]{article}
            \\usepackage[T1]{fontenc}
            \\usepackage{booktabs}
            \\usepackage{threeparttable}
            \\usepackage{siunitx}
            \\usepackage{rotating}
            \\begin{document}
            """;
    static final String LONG = "Level of opening up to the outside world (entropy index)";
    private static final Pattern OVERFULL = Pattern.compile("Overfull \\\\hbox \\(([0-9.]+)pt too wide\\)[^\\n]*");
    private static final Pattern PAGE_MARK = Pattern.compile("FIT-TABLE (\\S+)");

    @Test
    void everyTableKindFitsThePortraitTextBlock() throws Exception {
        Path pdflatex = Tools.require(Tools.LATEX_INSTALL, "pdflatex");
        Path dir = Path.of("target", "latex-fit").toAbsolutePath();
        Path tables = dir.resolve("tables");
        Files.createDirectories(tables);
        TableWriter w = new TableWriter(new Templates(null));
        StringBuilder doc = new StringBuilder(PREAMBLE);
        int n = 0;
        for (boolean si : new boolean[] {false, true}) {
            List<TableModel> models = new ArrayList<>(AllTables.models(si));
            models.addAll(longLabelled(si));
            for (TableModel m : models) {
                String name = m.id() + (si ? "-si" : "");
                Files.writeString(tables.resolve(name + ".tex"), w.render(m, "tex"), StandardCharsets.UTF_8);
                // the name in the log before each table, so that an overfull box names its table
                doc.append("\\typeout{FIT-TABLE ").append(name).append("}\\input{tables/").append(name).append("}\n\\clearpage\n");
                n++;
            }
        }
        // landscape gives the five-model table the page's height; a fixed font size on the one-column GMM table
        for (TableLayout layout : List.of(new TableLayout(true, "auto"), new TableLayout(false, "footnotesize"))) {
            TableModel m = AllTables.models(false).get(layout.landscape() ? 0 : 1);
            String name = m.id() + "-" + (layout.landscape() ? "landscape" : layout.fontSize());
            String tex = w.render(m, layout, "tex");
            assertTrue(layout.landscape() == tex.contains("\\begin{sidewaystable}"), tex);
            assertTrue(layout.landscape() || tex.contains("\\reproFit{\\footnotesize\\setlength{\\tabcolsep}{4pt}}{1}%"), tex);
            Files.writeString(tables.resolve(name + ".tex"), tex, StandardCharsets.UTF_8);
            doc.append("\\typeout{FIT-TABLE ").append(name).append("}\\input{tables/").append(name).append("}\n\\clearpage\n");
        }
        String log = compile(pdflatex, dir, doc, n + 2, "tables");
        assertFalse(log.contains("! "), "TeX error in the log:\n" + LatexCompileTest.tail(log));
    }

    /**
     * The example project's own tables, as its last build rendered them (CI builds the example before this
     * module's final {@code mvn install}); skipped with a message when the example has not been built.
     */
    @Test
    void theExampleProjectsTablesFitThePortraitTextBlock() throws Exception {
        Path rendered = Path.of("example-project", "target", "repro", "tables").toAbsolutePath();
        List<Path> tex;
        try (var files = Files.list(rendered)) {
            tex = files.filter(f -> f.toString().endsWith(".tex")).sorted().toList();
        } catch (NoSuchFileException e) {
            tex = List.of();
        }
        String why = "the example project has not been built (no " + rendered + "); run mvn -f example-project verify first";
        if (tex.isEmpty() && Tools.required()) {
            fail("REPRO_REQUIRE_TOOLS=true but " + why); // CI builds the example first: no tables there is a failure
        }
        if (tex.isEmpty()) {
            System.err.println("SKIPPED: " + why);
        }
        Assumptions.assumeFalse(tex.isEmpty(), why);
        assertFit(tex, "latex-fit-example", "example tables");
    }

    /**
     * Every table the integration projects rendered ({@code target/it/<case>/target/repro/tables}), as the last
     * invoker run left them: CI runs the it/ suite before this module's final {@code mvn install}. Skipped with a
     * message when no integration project has been built yet (a clean first build runs the unit tests first).
     */
    @Test
    void theIntegrationProjectsTablesFitThePortraitTextBlock() throws Exception {
        Path it = Path.of("target", "it").toAbsolutePath();
        List<Path> tex = new ArrayList<>();
        if (Files.isDirectory(it)) {
            try (var cases = Files.list(it)) {
                for (Path c : cases.sorted().toList()) {
                    Path tables = c.resolve("target/repro/tables");
                    if (Files.isDirectory(tables)) {
                        try (var files = Files.list(tables)) {
                            files.filter(f -> f.toString().endsWith(".tex")).sorted().forEach(tex::add);
                        }
                    }
                }
            }
        }
        String why = "no integration project has been built (no tables under " + it + "); run mvn verify first";
        if (tex.isEmpty()) {
            System.err.println("SKIPPED: " + why);
        }
        Assumptions.assumeFalse(tex.isEmpty(), why);
        assertFit(tex, "latex-fit-it", "it/ tables");
    }

    /** Compiles the fragments in one portrait document and fails on an error or any Overfull \hbox. */
    private static void assertFit(List<Path> tex, String dirName, String what) throws Exception {
        Path pdflatex = Tools.require(Tools.LATEX_INSTALL, "pdflatex");
        Path dir = Path.of("target", dirName).toAbsolutePath();
        Files.createDirectories(dir);
        StringBuilder doc = new StringBuilder(PREAMBLE);
        for (Path f : tex) {
            String name = f.getParent().getParent().getParent().getParent().getFileName() + "/" + f.getFileName().toString().replace(".tex", "");
            doc.append("\\typeout{FIT-TABLE ").append(name).append("}\\input{").append(f.toString().replace('\\', '/')).append("}\n\\clearpage\n");
        }
        compile(pdflatex, dir, doc, tex.size(), what);
    }

    /**
     * Ends the document, runs pdflatex on it in {@code dir} and asserts it succeeded, typeset {@code tables} tables
     * and overfilled no line; returns the log.
     */
    private static String compile(Path pdflatex, Path dir, StringBuilder doc, long tables, String what) throws Exception {
        doc.append("\\end{document}\n");
        Files.writeString(dir.resolve("main.tex"), doc.toString(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "main.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("pdflatex.out").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "pdflatex did not finish in 300 s");
        String log = Files.readString(dir.resolve("main.log"), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), "pdflatex failed; see " + dir.resolve("main.log") + "\n" + LatexCompileTest.tail(log));
        assertEquals(tables, PAGE_MARK.matcher(log).results().count(), "every table was typeset");
        assertEquals(List.of(), overfull(log), what + " wider than the text block (see " + dir.resolve("main.log") + ")");
        return log;
    }

    /** Every "Overfull \hbox" of the log with the table it is in. */
    static List<String> overfull(String log) {
        List<String> out = new ArrayList<>();
        String table = "?";
        Matcher mark = PAGE_MARK.matcher(log);
        Matcher over = OVERFULL.matcher(log);
        int from = 0;
        while (over.find(from)) {
            mark.region(0, over.start());
            while (mark.find()) {
                table = mark.group(1);
            }
            out.add(table + ": " + over.group());
            from = over.end();
        }
        return out;
    }

    /** Tables of the kinds whose labels are free text, with labels far longer than a column. */
    static List<TableModel> longLabelled(boolean siunitx) throws Exception {
        Map<String, Label> labels = new LinkedHashMap<>();
        for (String v : List.of("open", "rpc", "ei", "fin", "gdp", "ind", "ce", "quality", "tech")) {
            labels.put(v, Label.plain(LONG.replace("opening up", v)));
        }
        List<TableSpec> specs = new ArrayList<>();
        specs.add(new TableSpec.Regression("long-main", "regression", Label.plain("Regression results with long labels"),
                List.of("m1", "m2", "m3", "m4", "m5"), TableSpec.Stat.T, labels, List.of(), List.of(), List.of(),
                List.of(new TableSpec.FeRow("province", Label.plain("Province fixed effects absorbed in the within transformation"))),
                List.of(), TableSpec.Regression.DEFAULT_STATS, TableSpec.DEFAULT_STAR_LEVELS, 3, 2, List.of(),
                List.of(Label.plain("Without controls for the coastal provinces"), Label.plain("With controls"), Label.plain("Inland"),
                        Label.plain("Coastal provinces only"), Label.plain("All provinces, every control")), 1, siunitx));
        specs.add(new TableSpec.Granger("long-granger", Label.plain("Granger non-causality with long labels"), List.of("dh"), 4,
                labels, List.of(), siunitx));
        specs.add(new TableSpec.Mediation("long-mediation", Label.plain("Mediation with long labels"), List.of("quality", "tech"),
                TableSpec.DEFAULT_STAR_LEVELS, 3, labels, List.of(), siunitx));
        specs.add(new TableSpec.Descriptive("long-descriptive", Label.plain("Descriptive statistics with long labels"), "grunfeld",
                List.of("inv", "value", "capital"), TableSpec.Descriptive.ALL_STATS, 4, null,
                Map.of("inv", Label.plain(LONG), "value", Label.plain(LONG + " and more words")), List.of(), siunitx));
        specs.add(new TableSpec.Tests("long-tests", Label.plain("Specification tests with long labels"), List.of("haus"),
                TableSpec.DEFAULT_STAR_LEVELS, 3, Map.of("haus", Label.plain("Hausman test of fixed against random effects, " + LONG)),
                List.of(), siunitx));
        TableInputs in = AllTables.inputs();
        Problems ps = new Problems();
        List<TableModel> out = new ArrayList<>();
        for (TableSpec s : specs) {
            TableModel m = Tables.build(s, in, ps);
            assertTrue(ps.isEmpty(), ps.list().toString());
            out.add(m);
        }
        return out;
    }
}
