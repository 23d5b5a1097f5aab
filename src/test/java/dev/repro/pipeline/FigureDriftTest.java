package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import dev.repro.io.Json;
import dev.repro.results.Results;
import dev.repro.results.ResultsJson;
import dev.repro.results.TileMapResult;
import dev.repro.results.TrendResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trend and tile-map figures print numbers from results.json ({@code figures.<id>}), so the drift gate checks them;
 * a tile map's layout file is read at validate.
 */
class FigureDriftTest {
    private static final Path PROJECT = Path.of("src/test/resources/projects/basic").toAbsolutePath();
    private static final String FIGURES = """
            figures:
              trend:
                kind: trend
                dataset: grunfeld
                variable: value
              map:
                kind: tilemap
                dataset: grunfeld
                variable: value
                layout: maps/firms.csv
            """;

    private static Workspace copy(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("maps"));
        Files.writeString(dir.resolve("study.yaml"), Files.readString(PROJECT.resolve("study.yaml")) + FIGURES);
        Files.copy(PROJECT.resolve("data/grunfeld.csv"), dir.resolve("data/grunfeld.csv"));
        // the ten firms on a 2 x 5 grid
        Files.writeString(dir.resolve("maps/firms.csv"), "name,row,col\n" + IntStream.rangeClosed(1, 10)
                .mapToObj(i -> i + "," + ((i - 1) / 5 + 1) + "," + ((i - 1) % 5 + 1)).collect(Collectors.joining("\n", "", "\n")));
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
    }

    @Test
    void theFigureNumbersAreInResultsJsonAndReadBack(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        Results r = ResultsFile.readResults(ws.resultsFile(), "results.json", "");
        TrendResult trend = assertInstanceOf(TrendResult.class, r.figures().get("trend"));
        assertEquals(20, trend.points().size(), "one point per year 1935-1954");
        assertEquals(10, trend.points().get("1935").n());
        assertEquals(trend.yaxis().lo(), trend.yaxis().ticks().get(0));
        TileMapResult map = assertInstanceOf(TileMapResult.class, r.figures().get("map"));
        assertEquals(1954.0, map.at());
        assertEquals(10, map.values().size());
        assertEquals(5, map.classes());
        assertEquals(map.min(), map.breaks().get(0));
        assertEquals(r, ResultsJson.read(Json.mapper().readTree(ResultsJson.bytes(r))));
    }

    @Test
    void aTrendVariableTimesHundredFailsCheckNamingTheFigureNumbers(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        Path csv = dir.resolve("data/grunfeld.csv");
        String times100 = Files.readString(csv).lines().map(l -> {
            String[] c = l.split(",", -1);
            if (!c[3].equals("value")) {
                c[3] = String.format(Locale.ROOT, "%.6f", Double.parseDouble(c[3]) * 100);
            }
            return String.join(",", c);
        }).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(csv, times100);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        String m = e.problems().get(0).message();
        for (String item : List.of("figures.trend.points.1935.mean", "figures.trend.points.1954.max", "figures.trend.yaxis.hi",
                "figures.trend.yaxis.ticks[1]", "figures.map.values.1", "figures.map.max", "figures.map.breaks[1]")) {
            assertTrue(m.matches("(?s).*\\n\\s*" + Pattern.quote(item) + "\\s.*"), item + " in\n" + m);
        }
        assertFalse(m.contains("figures.trend.points.1935.n "), "the counts are unchanged:\n" + m);
    }

    @Test
    void theFiguresPrintWhatResultsJsonHolds(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        Results r = ResultsFile.readResults(ws.resultsFile(), "results.json", "");
        TrendResult t = (TrendResult) r.figures().get("trend");
        TileMapResult map = (TileMapResult) r.figures().get("map");
        new Pipeline(ws, Reporter.SILENT, 1).tables(false);
        String trendSvg = Files.readString(ws.outputDir().resolve("figures/trend.svg"));
        String mapSvg = Files.readString(ws.outputDir().resolve("figures/map.svg"));
        double mean1935 = t.points().get("1935").mean();
        assertTrue(trendSvg.contains("1935: mean " + String.format(Locale.ROOT, "%,.1f", mean1935)), trendSvg);
        String firm1 = String.format(Locale.ROOT, "%,.2f", map.values().get("1"));
        assertTrue(mapSvg.contains(">" + firm1 + "</text>"), mapSvg);
    }

    @Test
    void anEditedLayoutIsAnEstimateInput(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        Files.writeString(dir.resolve("maps/firms.csv"), Files.readString(dir.resolve("maps/firms.csv")).replace("\n10,", "\nTen,"));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).estimate(false));
        assertEquals("study.yaml: figures.map: region 10 of column 'firm' is not in the tile layout maps/firms.csv; use its names "
                + "(1, 2, 3, 4, 5, 6, 7, 8, 9, Ten) or give your own layout: <file>", e.problems().get(0).format());
        assertFalse(Files.exists(ws.resultsFile()), "a failed estimate leaves no results.json");
    }

    @Test
    void aWrongLayoutFileFailsValidateWithItsLineColumnAndTheStudyKey(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        Files.writeString(dir.resolve("maps/firms.csv"), "name,row,col\n1,1,1\n2,one,2\n");
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).validate());
        assertEquals(List.of("maps/firms.csv:3:3: figures.map.layout: row and col must be whole numbers >= 1; found 'one', '2'"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void aLayoutOutsideTheProjectFailsValidateAtItsStudyKey(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir.resolve("p"));
        Files.writeString(dir.resolve("outside.csv"), "name,row,col\n1,1,1\n");
        Files.writeString(ws.studyFile(), Files.readString(ws.studyFile()).replace("layout: maps/firms.csv", "layout: maps/../../outside.csv"));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).validate());
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).format().startsWith("study.yaml:"), e.problems().get(0).format());
        assertTrue(e.problems().get(0).format().contains(": figures.map.layout: "), e.problems().get(0).format());
    }
}
