package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tile map's layout: file is an input: an edit renders the figure again, and check names no other file. */
class LayoutInputTest {
    private static final String STUDY = """
            datasets:
              bx:
                file: data/bx.csv
                id: country
            models:
              m:
                dataset: bx
                formula: "gdp ~ x"
            figures:
              map:
                kind: tilemap
                dataset: bx
                variable: gdp
                layout: maps/benelux.csv
            """;

    private static Workspace project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("maps"));
        Files.writeString(dir.resolve("study.yaml"), STUDY);
        Files.writeString(dir.resolve("data/bx.csv"), "country,gdp,x\nNetherlands,1.5,1\nBelgium,-0.25,3\nLuxembourg,0.1,2\n");
        Files.writeString(dir.resolve("maps/benelux.csv"), "name,row,col\nNetherlands,1,2\nBelgium,2,1\nLuxembourg,3,2\n");
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
    }

    @Test
    void theLayoutFileIsATableInput(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir);
        var report = new Pipeline(ws, Reporter.SILENT, 1).validate().report();
        assertEquals(Map.of("maps/benelux.csv", dir.resolve("maps/benelux.csv")), Fingerprint.tableInputs(ws, report));
    }

    @Test
    void anEditedLayoutRendersTheFigureAgain(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        new Pipeline(ws, Reporter.SILENT, 1).tables(false);
        Path svg = ws.outputDir().resolve("figures/map.svg");
        String before = Files.readString(svg);
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).tables(false);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Tables are up to date")), log.toString());

        Files.writeString(dir.resolve("maps/benelux.csv"), "name,row,col\nNetherlands,1,1\nBelgium,1,2\nLuxembourg,1,3\n");
        log.clear();
        new Pipeline(ws, BasicProject.collect(log), 1).tables(false);
        assertFalse(log.stream().anyMatch(l -> l.startsWith("Tables are up to date")), log.toString());
        assertFalse(before.equals(Files.readString(svg)), "the figure follows the new layout");
    }
}
