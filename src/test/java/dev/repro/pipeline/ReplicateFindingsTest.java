package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.pipeline.ReplicateReport.Items;
import dev.repro.pipeline.ReplicateReport.Paragraph;
import dev.repro.pipeline.ReplicateReport.Section;
import dev.repro.pipeline.ReplicateReport.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicateFindingsTest {
    @TempDir
    Path dir;

    @Test
    void csvReadsQuotedFieldsAndBothLineEnds() throws Exception {
        Path f = Files.writeString(dir.resolve("t.csv"), "a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,,2\n", StandardCharsets.UTF_8);
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\""), List.of("1", "", "2")), ReplicateFindings.csv(f));
    }

    @Test
    void changedCellsAreNamedByRowAndColumnHeader() {
        var shipped = List.of(List.of("", "(1)", "(2)"), List.of("value", "0.116***", "0.110***"));
        var rebuilt = List.of(List.of("", "(1)", "(2)"), List.of("value", "0.116***", "0.111***"));
        var cells = ReplicateFindings.cells("output/tables/main.csv", shipped, rebuilt);
        assertEquals(1, cells.size());
        assertEquals(new ReplicateFindings.Cell("output/tables/main.csv", 2, 3,
                "row 'value', column '(2)': shipped '0.110***', rebuilt '0.111***'"), cells.get(0));
    }

    @Test
    void aRowOnlyInOneSideIsEveryCellOfIt() {
        var cells = ReplicateFindings.cells("t.csv", List.of(List.of("h", "x")), List.of(List.of("h", "x"), List.of("N", "10")));
        assertEquals(2, cells.size());
        assertEquals("row 'N', column 'x': shipped '', rebuilt '10'", cells.get(1).description());
    }

    @Test
    void reportEscapesWhatItEmbedsInBothFormats() {
        var sections = List.of(new Section("Findings <1>", List.of(new Paragraph("a|b"), new Items(List.of("*x*")),
                new Table(List.of("h"), List.of(List.of("<b>"))))));
        String md = ReplicateReport.markdown("R & D", sections);
        assertEquals("# R \\& D\n\n## Findings \\<1\\>\n\na\\|b\n\n- \\*x\\*\n\n| h |\n|---|\n| \\<b\\> |\n\n", md);
        String html = ReplicateReport.html("R & D", sections);
        assertTrue(html.contains("<h2>Findings &lt;1&gt;</h2>\n<p>a|b</p>\n<ul>\n<li>*x*</li>\n</ul>\n<table>\n<tr><th>h</th></tr>\n"
                + "<tr><td>&lt;b&gt;</td></tr>\n</table>"), html);
    }

    @Test
    void runtimesAndMemoryPrintInFixedUnits() {
        assertEquals("12.3 s", ReplicateStep.seconds(12_345));
        assertEquals("8.0 GB", ReplicateStep.memory(8_000_000_000L));
        assertEquals("unknown", ReplicateStep.memory(0));
    }
}
