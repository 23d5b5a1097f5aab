package dev.repro.pipeline;

import dev.repro.drift.PublishedCheck;
import dev.repro.drift.PublishedCheck.CellVerdict;
import dev.repro.pipeline.ReplicateReport.Block;
import dev.repro.pipeline.ReplicateReport.Paragraph;
import dev.repro.pipeline.ReplicateReport.Section;
import dev.repro.pipeline.ReplicateReport.Table;
import dev.repro.study.PublishedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The replication report's published-values section: every cell of every {@code published:} table of the
 * study against the rebuilt results.json, with the verdict the published comparison gives ({@link PublishedCheck}:
 * reproduced, differs, significance differs, no such result), or "not checked" with the reason when the
 * result depends on restricted data the replicator did not supply.
 */
final class ReplicatePublished {
    private ReplicatePublished() {
    }

    /** The section, or null when the study has no published tables. */
    static Section section(Map<String, PublishedTable> published, Map<String, Object> rebuilt, RestrictedData.Skips skips) {
        if (published.isEmpty()) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Each cell of the study's published tables (as printed in the paper) against the rebuilt"
                + " results: reproduced when the rebuilt value prints as the cell at its precision and, for an estimate, earns"
                + " the same stars."));
        for (PublishedTable t : published.values()) {
            List<CellVerdict> verdicts = PublishedCheck.check(t, rebuilt);
            List<List<String>> rows = new ArrayList<>();
            int notChecked = 0;
            for (CellVerdict v : verdicts) {
                String skipped = skips.reasonFor(v.cell().item());
                if (skipped != null) {
                    notChecked++;
                }
                rows.add(List.of(v.cell().item(), v.cell().printed(), skipped != null ? "" : v.ours(),
                        skipped != null ? "not checked (" + skipped + ")" : v.verdict().words()));
            }
            List<CellVerdict> checked = verdicts.stream().filter(v -> skips.reasonFor(v.cell().item()) == null).toList();
            blocks.add(new Paragraph("Published table " + t.name() + (t.source() == null ? "" : " (" + t.source() + ")") + ": "
                    + PublishedCheck.summary(checked) + (notChecked == 0 ? "" : "; " + notChecked + " not checked")));
            blocks.add(new Table(List.of("result", "printed", "reproduced as", "verdict"), rows));
        }
        return new Section("Published values", blocks);
    }
}
