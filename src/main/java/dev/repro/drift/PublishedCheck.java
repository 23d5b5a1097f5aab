package dev.repro.drift;

import dev.repro.study.Printed;

import dev.repro.study.PublishedTable;
import dev.repro.io.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a published table, cell by cell, with the results: a cell is reproduced when the result prints
 * as the cell at its precision (within half a unit of the last printed digit) and, for an estimate, earns
 * the same stars at the table's levels.
 */
public final class PublishedCheck {
    public enum Verdict {
        REPRODUCED("reproduced"), DIFFERS("differs"), SIGNIFICANCE_DIFFERS("significance differs"), MISSING("no such result");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One cell's verdict; {@code ours} is our value printed at the cell's precision (with our stars). */
    public record CellVerdict(PublishedTable.Cell cell, String ours, Double value, Verdict verdict) {
    }

    private PublishedCheck() {
    }

    public static List<CellVerdict> check(PublishedTable table, Map<String, Object> results) {
        List<CellVerdict> out = new ArrayList<>();
        for (PublishedTable.Cell c : table.cells()) {
            Printed printed = Printed.parse(c.printed());
            Object v = results.get(c.item());
            if (!(v instanceof Double d) || d.isNaN()) {
                out.add(new CellVerdict(c, "", null, Verdict.MISSING));
                continue;
            }
            int ourStars = -1;
            if (c.pItem() != null && results.get(c.pItem()) instanceof Double p && !p.isNaN()) {
                ourStars = 0;
                for (double level : table.stars()) {
                    if (p < level) {
                        ourStars++;
                    }
                }
            }
            String ours = format(d, printed.decimals(), c.printed().contains(",")) + (ourStars > 0 ? "*".repeat(ourStars) : "");
            Verdict verdict;
            if (!printed.matches(d)) {
                verdict = Verdict.DIFFERS;
            } else if (c.pItem() != null && ourStars >= 0 && ourStars != printed.stars()) {
                verdict = Verdict.SIGNIFICANCE_DIFFERS;
            } else {
                verdict = Verdict.REPRODUCED;
            }
            out.add(new CellVerdict(c, ours, d, verdict));
        }
        return out;
    }

    static String format(double v, int decimals, boolean group) {
        String s = String.format(Locale.ROOT, group ? "%,." + decimals + "f" : "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** The replication report of one table as Markdown: a row per cell with its verdict. */
    public static String markdown(PublishedTable table, List<CellVerdict> verdicts) {
        StringBuilder sb = new StringBuilder("# Published table `").append(table.name()).append("`\n\n");
        if (table.source() != null) {
            sb.append("Source: ").append(MarkdownText.escape(table.source())).append("\n\n");
        }
        sb.append(summary(verdicts)).append("\n\n| result | printed | reproduced as | verdict |\n|---|---|---|---|\n");
        for (CellVerdict v : verdicts) {
            sb.append("| `").append(v.cell().item()).append("` | ").append(v.cell().printed().replace("*", "\\*")).append(" | ")
                    .append(v.ours().replace("*", "\\*")).append(" | ").append(v.verdict().words()).append(" |\n");
        }
        return sb.toString();
    }

    public static String summary(List<CellVerdict> verdicts) {
        int[] n = new int[Verdict.values().length];
        verdicts.forEach(v -> n[v.verdict().ordinal()]++);
        return n[0] + " of " + verdicts.size() + " cells reproduced, " + n[1] + " differ, " + n[2] + " differ in significance, "
                + n[3] + " without a result";
    }
}
