package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-exact outputs: every table in every format, the figures and the report, compared with the files
 * committed under src/test/golden/report/rendered (reviewed by eye: main.* reproduces the seed paper's
 * Table 5 number for number). Regenerate after an intended change with -Dreport.updateGolden=true and review
 * the diff. Also: rendering is the same on 4 threads and in a second run.
 */
class GoldenOutputTest {
    static final Path GOLDEN = Path.of("src", "test", "golden", "report", "rendered");

    static Map<String, String> outputs() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Templates t = new Templates(null);
        TableWriter w = new TableWriter(t);
        for (boolean si : new boolean[] {false, true}) {
            for (TableModel m : AllTables.models(si)) {
                for (String f : TableWriter.FORMATS.keySet()) {
                    if (!si || f.equals("tex")) {
                        out.put(m.id() + (si ? "-si" : "") + "." + f, w.render(m, f));
                    }
                }
            }
        }
        Report.Input in = ReportFixture.input(t);
        for (Report.FigureEntry f : in.figures()) {
            out.put(f.figure().id() + ".svg", f.figure().svg());
        }
        out.put("report.html", Report.render(t, in));
        return out;
    }

    static Stream<Arguments> files() throws Exception {
        Map<String, String> out = outputs();
        if (Boolean.getBoolean("report.updateGolden")) {
            Files.createDirectories(GOLDEN);
            for (var e : out.entrySet()) {
                Files.writeString(GOLDEN.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        return out.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void matchesTheCommittedFile(String name, String actual) throws Exception {
        String expected = Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
        assertEquals(expected, actual, name + " differs from " + GOLDEN.resolve(name));
    }

    @Test
    void sameBytesOnFourThreadsAndTwice() throws Exception {
        Map<String, String> first = outputs();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, String>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(GoldenOutputTest::outputs));
            }
            for (Future<Map<String, String>> r : runs) {
                assertEquals(first, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
