package dev.repro.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.diag.Located;
import dev.repro.study.PublishedTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedCheckTest {
    private static final Located AT = new Located("study.yaml", "published.t5", 1, 1);

    private static PublishedTable.Cell cell(String item, String printed, String p) {
        return new PublishedTable.Cell(item, printed, p, AT);
    }

    @Test
    void verdictPerCellAtThePrintedPrecisionAndStars() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("models.m1.coefficients.open.estimate", -4937.8965);   // the rounding edge
        r.put("models.m1.coefficients.open.p", 0.0249);              // ** at 0.10/0.05/0.01
        r.put("models.m1.coefficients.open.t", -2.4349);
        r.put("models.m1.coefficients.rpc.estimate", 12502.3);       // prints 12,502.300
        r.put("models.m1.coefficients.rpc.p", 0.004);
        r.put("models.m1.coefficients.ei.estimate", 30082.499);
        r.put("models.m1.coefficients.ei.p", 0.06);                  // * but printed without stars
        r.put("models.m1.nobs", 270.0);
        PublishedTable t = new PublishedTable("t5", "Table 5", List.of(0.10, 0.05, 0.01), true, List.of(
                cell("models.m1.coefficients.open.estimate", "-4,937.897**", "models.m1.coefficients.open.p"),
                cell("models.m1.coefficients.open.t", "(-2.43)", null),
                cell("models.m1.coefficients.rpc.estimate", "12,502.278***", "models.m1.coefficients.rpc.p"),
                cell("models.m1.coefficients.ei.estimate", "30,082.499", "models.m1.coefficients.ei.p"),
                cell("models.m1.nobs", "270", null),
                cell("models.m1.r2Within", "0.199", null)), AT);
        List<PublishedCheck.CellVerdict> v = PublishedCheck.check(t, r);
        assertEquals(List.of(PublishedCheck.Verdict.REPRODUCED, PublishedCheck.Verdict.REPRODUCED, PublishedCheck.Verdict.DIFFERS,
                PublishedCheck.Verdict.SIGNIFICANCE_DIFFERS, PublishedCheck.Verdict.REPRODUCED, PublishedCheck.Verdict.MISSING),
                v.stream().map(PublishedCheck.CellVerdict::verdict).toList());
        assertEquals("12,502.300***", v.get(2).ours());
        assertEquals("30,082.499*", v.get(3).ours());
        assertEquals("3 of 6 cells reproduced, 1 differ, 1 differ in significance, 1 without a result", PublishedCheck.summary(v));
        String md = PublishedCheck.markdown(t, v);
        assertEquals(true, md.contains("| `models.m1.coefficients.rpc.estimate` | 12,502.278\\*\\*\\* | 12,502.300\\*\\*\\* | differs |"), md);
    }

    @Test
    void thePublishedReportEscapesTheSource() {
        PublishedTable t = new PublishedTable("t5", "# <img src=x onerror=alert(1)> [home](javascript:alert(1))",
                List.of(0.10, 0.05, 0.01), true, List.of(cell("models.m1.nobs", "270", null)), AT);
        Map<String, Object> r = Map.of("models.m1.nobs", 270.0);
        String md = PublishedCheck.markdown(t, PublishedCheck.check(t, r));
        assertEquals("Source: \\# \\<img src=x onerror=alert(1)\\> \\[home\\](javascript:alert(1))",
                md.lines().filter(l -> l.startsWith("Source:")).findFirst().orElseThrow());
    }
}
