package dev.repro.pipeline;

import dev.repro.drift.PublishedCheck;
import dev.repro.drift.PublishedCheck.CellVerdict;
import dev.repro.drift.PublishedGrade;
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
                + " the same stars. A table with mode: compare is graded cell by cell (same value at printed precision, same"
                + " sign and stars, same sign, differs) and summarised as reproduced (every cell the same value), partially"
                + " reproduced (at least half the cells the same value or the same sign and stars) or not reproduced."));
        for (PublishedTable t : published.values()) {
            if (t.mode() == PublishedTable.Mode.COMPARE) {
                blocks.addAll(graded(t, rebuilt, skips));
                continue;
            }
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

    /** A {@code mode: compare} table: paper and rebuilt value side by side with the grade, and the table's summary. */
    private static List<Block> graded(PublishedTable t, Map<String, Object> rebuilt, RestrictedData.Skips skips) {
        List<PublishedTable.Cell> kept = t.cells().stream().filter(c -> skips.reasonFor(c.item()) == null).toList();
        PublishedGrade.TableGrade g = PublishedGrade.grade(t.withCells(kept), rebuilt);
        List<List<String>> rows = new ArrayList<>();
        int notChecked = 0;
        var graded = g.cells().iterator();
        for (PublishedTable.Cell c : t.cells()) {
            String skipped = skips.reasonFor(c.item());
            if (skipped != null) {
                notChecked++;
                rows.add(List.of(c.item(), c.printed(), "", "not checked (" + skipped + ")"));
            } else {
                PublishedGrade.GradedCell gc = graded.next();
                rows.add(List.of(c.item(), c.printed(), gc.rebuilt(), gc.grade().words()));
            }
        }
        return List.of(new Paragraph("Published table " + t.name() + (t.source() == null ? "" : " (" + t.source() + ")")
                        + ", graded (mode: compare): " + g.counts() + (notChecked == 0 ? "" : "; " + notChecked + " not checked")),
                new Table(List.of("result", "paper", "rebuilt", "verdict"), rows));
    }
}
