package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The report loads in a real headless Chromium: no console error, no request leaves the page, the DOM holds
 * the hostile labels as escaped text (no script element anywhere), and a screenshot is written to
 * target/report-test/report.png for a person to look at.
 */
class BrowserReportTest {
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars");

    @Test
    void reportLoadsInChromiumWithoutErrors() throws Exception {
        Path chromium = Tools.require(Tools.CHROMIUM_INSTALL, "chromium", "chromium-browser", "google-chrome");
        Path dir = Path.of("target", "report-test").toAbsolutePath();
        Templates templates = new Templates(null);
        Path index = Report.write(templates, ReportFixture.input(templates), dir.resolve("repro").resolve("report"));

        Run dom = run(chromium, dir, List.of("--enable-logging=stderr", "--v=0", "--dump-dom", index.toUri().toString()));
        assertEquals(0, dom.exit, "chromium --dump-dom failed:\n" + dom.err);
        String html = dom.out;
        assertTrue(html.contains("<table class=\"repro-table\" id=\"table-main\">"), "the main table is in the DOM");
        assertTrue(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), "hostile label shown as text");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element in the DOM");
        assertTrue(html.contains("<svg"), "figures are inline SVG");
        assertTrue(html.contains("-4,937.897<sup>**</sup>"), "the paper's first coefficient as printed");
        for (String line : dom.err.split("\n")) {
            String l = line.toLowerCase(Locale.ROOT);
            assertFalse(l.contains("console(") && !l.contains("devtools"), "console message from the page: " + line);
            assertFalse(l.contains("uncaught") || l.contains("err_name_not_resolved") || l.contains("err_file_not_found")
                    || l.contains("failed to load resource"), "page error: " + line);
        }

        Path png = dir.resolve("report.png");
        Files.deleteIfExists(png);
        Run shot = run(chromium, dir, List.of("--window-size=1280,2400", "--screenshot=" + png, index.toUri().toString()));
        assertEquals(0, shot.exit, "chromium --screenshot failed:\n" + shot.err);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 20_000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "a PNG screenshot at " + png);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Path chromium, Path dir, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("repro-chromium-");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(chromium.toString());
            cmd.addAll(FLAGS);
            cmd.add("--user-data-dir=" + profile);
            cmd.addAll(args);
            Path out = Files.createTempFile(dir, "chromium", ".out");
            Path err = Files.createTempFile(dir, "chromium", ".err");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 180 s: " + cmd);
            }
            Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } finally {
            deleteTree(profile);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
