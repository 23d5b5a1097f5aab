package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing of the report is cut off, at 1280 px and at a narrow 700 px window: every table (each kind, the drift
 * table) sits in a container that scrolls sideways and ends inside the window, and every figure ends inside the
 * window. Measured by headless Chromium in a copy of the report with a measuring script appended (the report itself
 * has no script). Skipped with a message without Chromium, a failure when REPRO_REQUIRE_TOOLS=true (CI).
 */
class ReportLayoutBrowserTest {
    /** Writes what is cut off into body[data-cut], "none" when nothing is. */
    static final String MEASURE = """
            <script>
            const W = document.documentElement.clientWidth, cut = [];
            for (const t of document.querySelectorAll('table')) {
              let s = t.parentElement;
              while (s && !['auto', 'scroll'].includes(getComputedStyle(s).overflowX)) s = s.parentElement;
              const id = t.id || t.className;
              if (!s) { if (t.getBoundingClientRect().right > W) cut.push(id + ' wider than the window, no scroll container'); continue; }
              if (s.getBoundingClientRect().right > W + 0.5) cut.push(id + ' scroll container ends past the window');
              if (s.scrollWidth > s.clientWidth && getComputedStyle(s).overflowX === 'hidden') cut.push(id + ' hidden overflow');
            }
            for (const f of document.querySelectorAll('figure svg')) {
              if (f.getBoundingClientRect().right > W + 0.5) cut.push('figure ' + f.id + ' ends past the window');
            }
            document.body.setAttribute('data-cut', cut.length ? cut.join('; ') : 'none');
            document.body.setAttribute('data-width', String(W));
            </script>
            """;
    private static final Pattern CUT = Pattern.compile("data-cut=\"([^\"]*)\"");

    @Test
    void noTableOrFigureIsCutOff() throws Exception {
        Path chromium = Tools.require(Tools.CHROMIUM_INSTALL, "chromium", "chromium-browser", "google-chrome");
        Path dir = Path.of("target", "report-layout-test").toAbsolutePath();
        Templates templates = new Templates(null);
        Path index = Report.write(templates, ReportFixture.input(templates), dir.resolve("repro").resolve("report"));
        String html = Files.readString(index, StandardCharsets.UTF_8);
        assertTrue(html.contains("<table class=\"repro-table\" id=\"table-mediation\">") && html.contains("<table class=\"drift\">"), html);
        Path measured = index.resolveSibling("measured.html");
        Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);
        for (int width : new int[] {1280, 700}) {
            BrowserReportTest.Run r = BrowserReportTest.run(chromium, dir, List.of("--window-size=" + width + ",3000",
                    "--virtual-time-budget=2000", "--dump-dom", measured.toUri().toString()));
            assertEquals(0, r.exit(), "chromium --dump-dom failed:\n" + r.err());
            Matcher m = CUT.matcher(r.out());
            assertTrue(m.find(), "the measuring script ran:\n" + r.err());
            assertEquals("none", m.group(1), "cut off at " + width + " px");
        }
    }
}
