package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.diag.Located;
import dev.repro.study.PublishedTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replication report's "Published values" section for a graded table (mode: compare). */
class ReplicatePublishedTest {
    private static final Located AT = new Located("study.yaml", "published.t5", 1, 1);

    @Test
    void aGradedTableShowsPaperAndRebuiltWithTheGrade() {
        Map<String, Object> rebuilt = new LinkedHashMap<>();
        rebuilt.put("models.m5.coefficients.open.estimate", -3026.8);
        rebuilt.put("models.m5.coefficients.open.p", 0.006);
        rebuilt.put("models.m5.nobs", 270.0);
        PublishedTable t = new PublishedTable("table5", "Table 5", List.of(0.10, 0.05, 0.01), true, PublishedTable.Mode.COMPARE,
                List.of(new PublishedTable.Cell("models.m5.coefficients.open.estimate", "-3,641.121*", "models.m5.coefficients.open.p", AT),
                        new PublishedTable.Cell("models.m5.nobs", "270", null, AT)), AT);
        ReplicateReport.Section s = ReplicatePublished.section(Map.of("table5", t), rebuilt, RestrictedData.Skips.NONE);
        assertEquals(new ReplicateReport.Paragraph("Published table table5 (Table 5), graded (mode: compare): partially reproduced:"
                + " 1 same value at printed precision, 0 same sign and stars, 1 same sign, 0 differs, 0 no rebuilt value (of 2 cells)"),
                s.blocks().get(1));
        assertEquals(new ReplicateReport.Table(List.of("result", "paper", "rebuilt", "verdict"), List.of(
                List.of("models.m5.coefficients.open.estimate", "-3,641.121*", "-3,026.800***", "same sign"),
                List.of("models.m5.nobs", "270", "270", "same value at printed precision"))), s.blocks().get(2));
    }
}
