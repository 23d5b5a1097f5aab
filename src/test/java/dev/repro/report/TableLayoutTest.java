package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout keys every table takes (landscape, fontSize): read, checked at validate, handed to the LaTeX. */
class TableLayoutTest {
    @TempDir
    Path dir;

    @Test
    void mistakesInTheLayoutKeysAreReportedWhereTheyAre() throws Exception {
        Problems ps = new Problems();
        Study study = StudyFixture.study("study-layout.yaml", dir, ps);
        ReportSpecs specs = ReportSpecs.parse(study, ps);
        assertEquals(List.of(
                "study.yaml:4:16: tables.wide.landscape: expected true or false; found text",
                "study.yaml:5:15: tables.wide.fontSize: unknown font size 'tiny'; use one of: auto, normalsize, small, footnotesize, scriptsize"),
                ps.list().stream().map(Problem::format).toList());
        assertEquals(List.of("fits"), specs.tables().stream().map(TableSpec::id).toList());
    }

    @Test
    void theStudyMapGivesTheLayoutAndTheTemplateUsesIt() throws Exception {
        assertEquals(new TableLayout(true, "footnotesize"), TableLayout.of(Map.of("landscape", true, "fontSize", "footnotesize")));
        assertEquals(TableLayout.DEFAULT, TableLayout.of(Map.of("models", List.of("m1"))));
        TableModel m = AllTables.models(false).get(0);
        TableWriter w = new TableWriter(new Templates(null));
        String auto = w.render(m, "tex");
        assertTrue(auto.contains("\\begin{table}[htbp]") && auto.contains("\\reproFit{}{0}\\reproFit{\\small}{0}"), auto);
        String fixed = w.render(m, new TableLayout(true, "small"), "tex");
        assertTrue(fixed.contains("\\begin{sidewaystable}") && fixed.contains("\\end{sidewaystable}"), fixed);
        assertTrue(fixed.contains("\\reproFit{\\small}{1}%") && !fixed.contains("{0}"), fixed);
        assertTrue(fixed.contains("\\usepackage{rotating}"), fixed);
    }
}
