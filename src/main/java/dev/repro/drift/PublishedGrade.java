package dev.repro.drift;

import dev.repro.io.MarkdownText;
import dev.repro.study.Printed;
import dev.repro.study.PublishedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grades a published table with {@code mode: compare}: numbers that come from other data or another version
 * of the paper are not expected to print the same, so each cell gets the closest of four verdicts and the
 * table a summary in the words replication reports use. Never a build failure.
 *
 * <p>Per cell, the first that holds:
 * <ol>
 *   <li><b>same value at printed precision</b>: the rebuilt value prints as the cell (within half a unit of the
 *       last printed digit) and, for an estimate with a p-value, earns the same stars;</li>
 *   <li><b>same sign and stars</b> (estimates with a p-value only): same sign and the same number of stars at the
 *       table's levels;</li>
 *   <li><b>same sign</b>: the signs agree, each taken at the printed precision (a value that prints as zero has
 *       sign zero, which agrees only with zero);</li>
 *   <li><b>differs</b>; and <b>no rebuilt value</b> when results.json has no number for the cell (absent or null).</li>
 * </ol>
 * Per table: <b>reproduced</b> when every cell has the same value at printed precision; <b>partially reproduced</b>
 * when at least half of the cells have the same value or the same sign and stars; <b>not reproduced</b> otherwise
 * (and for a table without cells). A cell without a rebuilt value counts against the table.
 */
public final class PublishedGrade {
    /** The verdict on one cell, best first. */
    public enum Grade {
        SAME_VALUE("same value at printed precision", "same"),
        SAME_SIGN_AND_STARS("same sign and stars", "close"),
        SAME_SIGN("same sign", "sign"),
        DIFFERS("differs", "differs"),
        MISSING("no rebuilt value", "missing");

        private final String words;
        private final String tone;

        Grade(String words, String tone) {
            this.words = words;
            this.tone = tone;
        }

        public String words() {
            return words;
        }

        /** A one-word class for colour coding (same, close, sign, differs, missing). */
        public String tone() {
            return tone;
        }
    }

    /** The verdict on a table, in the words of journals' replication reports. */
    public enum Summary {
        REPRODUCED("reproduced"), PARTIALLY_REPRODUCED("partially reproduced"), NOT_REPRODUCED("not reproduced");

        private final String words;

        Summary(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One graded cell.
     *
     * @param rebuilt the rebuilt value printed at the cell's precision with its stars, or "" when there is none
     * @param value   the rebuilt value, or null
     */
    public record GradedCell(PublishedTable.Cell cell, String rebuilt, Double value, Grade grade) {
    }

    /** A graded table. */
    public record TableGrade(PublishedTable table, List<GradedCell> cells, Summary summary) {
        public TableGrade {
            cells = List.copyOf(cells);
        }

        /** E.g. "partially reproduced: 3 same value at printed precision, 2 same sign and stars, ... (of 9 cells)". */
        public String counts() {
            return summary.words() + ": " + tally();
        }

        /** The count of each grade: "3 same value at printed precision, 2 same sign and stars, ... (of 9 cells)". */
        public String tally() {
            int[] n = new int[Grade.values().length];
            cells.forEach(c -> n[c.grade().ordinal()]++);
            StringBuilder sb = new StringBuilder();
            for (Grade g : Grade.values()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(n[g.ordinal()]).append(' ').append(g.words());
            }
            return sb + " (of " + cells.size() + (cells.size() == 1 ? " cell)" : " cells)");
        }
    }

    private PublishedGrade() {
    }

    public static TableGrade grade(PublishedTable table, Map<String, Object> results) {
        List<GradedCell> out = new ArrayList<>();
        for (PublishedTable.Cell c : table.cells()) {
            Printed printed = Printed.parse(c.printed());
            if (!(results.get(c.item()) instanceof Double d) || d.isNaN()) {
                out.add(new GradedCell(c, "", null, Grade.MISSING));
                continue;
            }
            Integer ourStars = null;
            if (c.pItem() != null && results.get(c.pItem()) instanceof Double p && !p.isNaN()) {
                ourStars = stars(p, table.stars());
            }
            String rebuilt = bracketsOf(c.printed(), PublishedCheck.format(d, printed.decimals(), c.printed().contains(",")))
                    + (ourStars != null && ourStars > 0 ? "*".repeat(ourStars) : "");
            out.add(new GradedCell(c, rebuilt, d, gradeCell(printed, d, c.pItem() != null, ourStars)));
        }
        return new TableGrade(table, out, summarize(out.stream().map(GradedCell::grade).toList()));
    }

    /** The rebuilt number in the brackets the paper printed around the cell: (t) or [p]. */
    private static String bracketsOf(String printed, String number) {
        String p = printed.strip();
        return p.startsWith("(") ? "(" + number + ")" : p.startsWith("[") ? "[" + number + "]" : number;
    }

    /** The number of levels {@code p} is below (three stars for p < 0.01 at 0.10/0.05/0.01). */
    static int stars(double p, List<Double> levels) {
        int n = 0;
        for (double level : levels) {
            if (p < level) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param starred  whether the cell is an estimate whose stars come from a p-value
     * @param ourStars the rebuilt stars, or null when the rebuilt p-value is missing (then only the value and sign count)
     */
    static Grade gradeCell(Printed printed, Double value, boolean starred, Integer ourStars) {
        if (value == null || value.isNaN()) {
            return Grade.MISSING;
        }
        boolean starsAgree = starred && ourStars != null && ourStars == printed.stars();
        if (printed.matches(value) && (!starred || ourStars == null || starsAgree)) {
            return Grade.SAME_VALUE;
        }
        boolean sameSign = printed.value().signum() == signAtPrecision(value, printed);
        if (sameSign && starsAgree) {
            return Grade.SAME_SIGN_AND_STARS;
        }
        return sameSign ? Grade.SAME_SIGN : Grade.DIFFERS;
    }

    /** The sign of {@code x} printed at the cell's precision: zero when it prints as zero. */
    private static int signAtPrecision(double x, Printed printed) {
        return Math.abs(x) < printed.halfUnit() ? 0 : x > 0 ? 1 : -1;
    }

    static Summary summarize(List<Grade> grades) {
        long same = grades.stream().filter(g -> g == Grade.SAME_VALUE).count();
        long close = grades.stream().filter(g -> g == Grade.SAME_SIGN_AND_STARS).count();
        if (!grades.isEmpty() && same == grades.size()) {
            return Summary.REPRODUCED;
        }
        return !grades.isEmpty() && 2 * (same + close) >= grades.size() ? Summary.PARTIALLY_REPRODUCED : Summary.NOT_REPRODUCED;
    }

    /** The graded table as Markdown: paper and rebuilt values side by side with the verdict. */
    public static String markdown(TableGrade g) {
        PublishedTable table = g.table();
        StringBuilder sb = new StringBuilder("# Published table `").append(table.name()).append("` (graded)\n\n");
        if (table.source() != null) {
            sb.append("Source: ").append(MarkdownText.escape(table.source())).append("\n\n");
        }
        sb.append("**").append(g.summary().words()).append("**. ").append(MarkdownText.escape(g.counts())).append("\n\n")
                .append("| result | paper | rebuilt | verdict |\n|---|---|---|---|\n");
        for (GradedCell c : g.cells()) {
            sb.append("| `").append(c.cell().item()).append("` | ").append(MarkdownText.escape(c.cell().printed())).append(" | ")
                    .append(c.rebuilt().isEmpty() ? "(none)" : MarkdownText.escape(c.rebuilt())).append(" | ")
                    .append(c.grade().words()).append(" |\n");
        }
        return sb.toString();
    }
}
