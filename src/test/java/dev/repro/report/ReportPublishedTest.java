package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Located;
import dev.repro.drift.PublishedGrade;
import dev.repro.study.PublishedTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's published-values section: paper and rebuilt values side by side, colour-coded, everything escaped. */
class ReportPublishedTest {
    private static final Located AT = new Located("study.yaml", "published.t5", 1, 1);

    private static String render() throws Exception {
        Map<String, Object> r = new HashMap<>();
        r.put("models.m5.coefficients.open.estimate", -3012.4);
        r.put("models.m5.coefficients.open.p", 0.03);
        r.put("models.m5.nobs", 270.0);
        PublishedTable t = new PublishedTable("t5", "Table 5 <script>alert(1)</script>", List.of(0.10, 0.05, 0.01), true,
                PublishedTable.Mode.COMPARE, List.of(
                new PublishedTable.Cell("models.m5.coefficients.open.estimate", "-3,641.125**", "models.m5.coefficients.open.p", AT),
                new PublishedTable.Cell("models.m5.nobs", "270", null, AT),
                new PublishedTable.Cell("models.m5.r2Within", "0.245", null, AT)), AT);
        PublishedGrade.TableGrade g = PublishedGrade.grade(t, r);
        Report.Input in = new Report.Input("Study", "0.1.0-test", List.of(), List.of(), false, List.of(), List.of(g));
        return Report.render(new Templates(null), in);
    }

    @Test
    void paperAndRebuiltSideBySideColourCoded() throws Exception {
        String html = render();
        assertTrue(html.contains("<tr class=\"grade-row close\"><th scope=\"row\" class=\"mono\">models.m5.coefficients.open.estimate</th>"
                + "<td>-3,641.125**</td><td>-3,012.400**</td><td><span class=\"grade close\">same sign and stars</span></td></tr>"), html);
        assertTrue(html.contains("<tr class=\"grade-row same\"><th scope=\"row\" class=\"mono\">models.m5.nobs</th>"
                + "<td>270</td><td>270</td><td><span class=\"grade same\">same value at printed precision</span></td></tr>"), html);
        assertTrue(html.contains("<td>0.245</td><td>\u2013</td><td><span class=\"grade missing\">no rebuilt value</span></td>"), html);
        assertTrue(html.contains("<a class=\"pill\" href=\"#published\">Paper: 0 of 1 table reproduced, 1 partially reproduced,"
                + " 0 not reproduced</a>"), html);
        assertTrue(html.contains("<td><span class=\"grade sign\">partially reproduced</span></td><td class=\"left\">1 same value at"
                + " printed precision, 1 same sign and stars, 0 same sign, 0 differs, 1 no rebuilt value (of 3 cells)</td>"), html);
        assertTrue(html.contains(".grade.same{"), "the section's styles are inlined");
    }

    @Test
    void theSourceIsEscaped() throws Exception {
        String html = render();
        assertEquals(false, html.contains("<script>"), html);
        assertTrue(html.contains("<td class=\"left\">Table 5 &lt;script&gt;alert(1)&lt;/script&gt;</td>"), html);
    }

    @Test
    void noSectionWithoutPublishedTables() throws Exception {
        String html = Report.render(new Templates(null), new Report.Input("Study", "0.1.0-test", List.of(), List.of(), false, List.of()));
        assertEquals(false, html.contains("Published values"));
        assertEquals(false, html.contains(".grade.same{"));
    }
}
