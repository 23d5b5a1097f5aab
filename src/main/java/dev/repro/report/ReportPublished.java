package dev.repro.report;

import dev.repro.drift.PublishedGrade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's "Published values" section as a template model: per published table its summary (reproduced,
 * partially reproduced, not reproduced) and, cell by cell, the paper's value beside the rebuilt one with the
 * grade, each with a tone word the stylesheet colours. Every text is escaped by the HTML template.
 */
final class ReportPublished {
    private ReportPublished() {
    }

    /** The header's one line: "0 of 11 tables reproduced, 2 partially reproduced, 9 not reproduced". */
    static String headline(List<PublishedGrade.TableGrade> grades) {
        int[] n = new int[PublishedGrade.Summary.values().length];
        grades.forEach(g -> n[g.summary().ordinal()]++);
        return n[0] + " of " + grades.size() + (grades.size() == 1 ? " table" : " tables") + " reproduced, " + n[1]
                + " partially reproduced, " + n[2] + " not reproduced";
    }

    static List<Object> model(List<PublishedGrade.TableGrade> grades) {
        List<Object> out = new ArrayList<>();
        for (PublishedGrade.TableGrade g : grades) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", g.table().name());
            t.put("source", g.table().source() == null ? "" : g.table().source());
            t.put("mode", g.table().mode().word());
            t.put("summary", g.summary().words());
            t.put("summaryTone", switch (g.summary()) {
                case REPRODUCED -> "same";
                case PARTIALLY_REPRODUCED -> "sign";
                case NOT_REPRODUCED -> "differs";
            });
            t.put("counts", g.tally());
            List<Object> rows = new ArrayList<>();
            for (PublishedGrade.GradedCell c : g.cells()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("item", c.cell().item());
                r.put("paper", c.cell().printed());
                r.put("rebuilt", c.rebuilt().isEmpty() ? "\u2013" : c.rebuilt());
                r.put("verdict", c.grade().words());
                r.put("tone", c.grade().tone());
                rows.add(r);
            }
            t.put("rows", rows);
            out.add(t);
        }
        return out;
    }
}
