package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.report.FigureSpec;
import dev.repro.study.Label;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates and tile layouts obey the same confinement rule as datasets: a link out of the project is refused. */
class ReportConfinementTest {
    @TempDir
    Path tmp;
    Path project;
    Path elsewhere;

    @BeforeEach
    void layout() throws Exception {
        project = Files.createDirectories(tmp.resolve("project"));
        elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("table.md.ftl"), "SECRET ${table.id}\n");
        Files.writeString(elsewhere.resolve("tiles.csv"), "root:x:0:0:SECRET\n");
    }

    @Test
    void aLinkedTemplatesFolderIsRefused() throws Exception {
        Path templates = Files.createSymbolicLink(project.resolve("templates"), elsewhere);
        ReproException e = assertThrows(ReproException.class, () -> Templates.forProject(project, templates));
        assertEquals(List.of(templates + ": the templates folder '" + templates.toAbsolutePath() + "' is, or lies in, a symbolic link to '"
                + elsewhere.toRealPath() + "', outside the project folder; copy the templates into the project's templates/ folder"
                + " instead of linking to them (or set repro.templates to a folder inside the project)"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void aTemplatesFolderOutsideTheProjectIsRefused() {
        ReproException e = assertThrows(ReproException.class, () -> Templates.forProject(project, elsewhere));
        assertTrue(e.problems().get(0).message().startsWith("the templates folder '" + elsewhere.toAbsolutePath()
                + "' is an absolute path outside the project folder;"), e.getMessage());
    }

    @Test
    void aLinkedTemplateFileIsRefusedWithAMessageNotAnInternalError() throws Exception {
        Path templates = Files.createDirectories(project.resolve("templates"));
        Files.createSymbolicLink(templates.resolve("table.md.ftl"), elsewhere.resolve("table.md.ftl"));
        TableWriter w = new TableWriter(Templates.forProject(project, templates));
        ReproException e = assertThrows(ReproException.class, () -> w.render(AllTables.models(false).get(0), "md"));
        assertEquals(List.of(templates.resolve("table.md.ftl") + ": the template 'table.md.ftl' is a symbolic link to a file"
                + " outside the templates folder; copy the file into the folder instead of linking to it"),
                e.problems().stream().map(Problem::format).toList());
        assertFalse(e.getMessage().contains("SECRET"));
    }

    @Test
    void templatesInsideTheProjectAreUsed() throws Exception {
        Path templates = Files.createDirectories(project.resolve("templates"));
        Files.writeString(templates.resolve("table.md.ftl"), "mine ${table.id}\n");
        TableModel t = AllTables.models(false).get(0);
        assertEquals("mine " + t.id() + "\n", new TableWriter(Templates.forProject(project, templates)).render(t, "md"));
        assertTrue(new TableWriter(Templates.forProject(project, project.resolve("none"))).render(t, "md").startsWith("**"),
                "a folder that does not exist leaves the defaults");
    }

    @Test
    void aLinkedTileLayoutIsALocatedStudyError() throws Exception {
        Files.createDirectories(project.resolve("maps"));
        Files.createSymbolicLink(project.resolve("maps/tiles.csv"), elsewhere.resolve("tiles.csv"));
        Dataset d = new Dataset("bx", "bx.csv", null, List.of(TextColumn.of("country", List.of("A")),
                new NumericColumn("gdp", new double[] {1.5})), new int[] {2}, "country", null);
        TableInputs in = new TableInputs("study.yaml", Fixtures.table5(), Map.of("bx", d), Map.of());
        Problems ps = new Problems();
        assertNull(new Figures(new Templates(null)).build(new FigureSpec.TileMap("bx", Label.plain("B"), "bx", "gdp", null, null,
                "maps/tiles.csv", 2, Map.of()), in, project, ps));
        assertEquals(List.of("study.yaml: figures.bx.layout: 'maps/tiles.csv' is, or lies in, a symbolic link to '"
                + elsewhere.resolve("tiles.csv").toRealPath() + "', outside the project folder; put the layout file inside the"
                + " project folder and name it relative to it (e.g. layout: data/tiles.csv)"),
                ps.list().stream().map(Problem::format).toList());
    }
}
