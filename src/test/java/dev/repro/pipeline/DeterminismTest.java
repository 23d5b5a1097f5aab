package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.json and the rendered files are the same bytes at any thread count, on every rerun and in any locale. */
class DeterminismTest {
    private static final Path PROJECT = Path.of("src/test/resources/projects/basic").toAbsolutePath();

    private static Workspace ws(Path out) {
        return new Workspace(PROJECT, PROJECT.resolve("study.yaml"), out, out.resolve("baseline.json"), null);
    }

    @Test
    void sameBytesAtAnyThreadCountAndRerun(@TempDir Path dir) throws Exception {
        List<byte[]> results = new ArrayList<>();
        List<byte[]> tables = new ArrayList<>();
        int run = 0;
        for (int threads : new int[] {1, 2, 4, 1}) {
            Path out = dir.resolve("run" + run++);
            Pipeline p = new Pipeline(ws(out), Reporter.SILENT, threads);
            p.estimate(true);
            p.tables(true);
            results.add(Files.readAllBytes(out.resolve("results.json")));
            tables.add(Files.readAllBytes(out.resolve("tables/main.tex")));
        }
        for (int i = 1; i < results.size(); i++) {
            assertArrayEquals(results.get(0), results.get(i), "results.json of run " + i);
            assertArrayEquals(tables.get(0), tables.get(i), "main.tex of run " + i);
        }
        String json = new String(results.get(0), StandardCharsets.UTF_8);
        assertEquals(4, json.split("\"coefficients\"", -1).length - 1);
    }

    @Test
    void sameBytesUnderAnotherDefaultLocale(@TempDir Path dir) throws Exception {
        Locale before = Locale.getDefault();
        try {
            // nothing pins the default locale any more: every formatting call passes its own
            Locale.setDefault(Locale.GERMANY);
            Pipeline de = new Pipeline(ws(dir.resolve("de")), Reporter.SILENT, 2);
            de.estimate(true);
            de.tables(true);
            Locale.setDefault(Locale.ROOT);
            Pipeline root = new Pipeline(ws(dir.resolve("root")), Reporter.SILENT, 2);
            root.estimate(true);
            root.tables(true);
        } finally {
            Locale.setDefault(before);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("root/results.json")), Files.readAllBytes(dir.resolve("de/results.json")));
        for (String table : new String[] {"main.tex", "main.html", "main.md", "main.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("root/tables/" + table)), Files.readAllBytes(dir.resolve("de/tables/" + table)), table);
        }
    }
}
