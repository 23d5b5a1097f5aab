package dev.repro.index.merge;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.index.api.Report;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a right dataset into a left one by keys. Duplicate keys where a side must be unique, unmatched
 * left rows (and, one-to-one, unmatched right rows) and missing key cells are reported with the file and
 * lines of the rows concerned. The result has the left rows in their order, with the left dataset's file
 * and lines, and the right-hand columns appended.
 */
public final class Merger {
    private Merger() {
    }

    public static StepResult build(MergeSpec spec, Dataset left, Dataset right, Problems problems) {
        Located at = spec.at();
        int before = problems.size();
        List<Column> lk = new ArrayList<>();
        List<Column> rk = new ArrayList<>();
        for (int k = 0; k < spec.leftOn().size(); k++) {
            lk.add(Report.column(problems, left, spec.leftOn().get(k), at, "on[" + k + "]"));
            rk.add(Report.column(problems, right, spec.rightOn().get(k), at, "on[" + k + "]"));
        }
        List<Column> bring = new ArrayList<>();
        if (spec.columns().isEmpty()) {
            for (Column c : right.columns()) {
                if (!spec.rightOn().contains(c.name())) {
                    bring.add(c);
                }
            }
        } else {
            for (int k = 0; k < spec.columns().size(); k++) {
                Column c = Report.column(problems, right, spec.columns().get(k), at, "columns[" + k + "]");
                if (c != null) {
                    bring.add(c);
                }
            }
        }
        for (Column c : bring) {
            if (left.has(c.name())) {
                Report.spec(problems, at, spec.columns().isEmpty() ? null : "columns", "column '" + c.name() + "' is in both " + Report.dataset(left)
                        + " and " + Report.dataset(right) + "; list the right-hand columns to bring with columns: [...] or rename one");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String[] leftKeys = keys(left, lk, spec.leftOn(), at, problems);
        String[] rightKeys = keys(right, rk, spec.rightOn(), at, problems);
        if (problems.size() > before) {
            return null;
        }
        Map<String, Integer> rightRow = unique(right, rightKeys, spec, problems, "right");
        if (spec.relation() == MergeSpec.Relation.ONE_TO_ONE) {
            unique(left, leftKeys, spec, problems, "left");
        }
        if (problems.size() > before) {
            return null;
        }
        int n = left.rows();
        int[] match = new int[n];
        boolean[] rightUsed = new boolean[right.rows()];
        Map<String, List<Integer>> unmatched = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Integer r = rightRow.get(leftKeys[i]);
            match[i] = r == null ? -1 : r;
            if (r == null) {
                unmatched.computeIfAbsent(leftKeys[i], x -> new ArrayList<>()).add(i);
            } else {
                rightUsed[r] = true;
            }
        }
        if (spec.unmatched() == MergeSpec.Unmatched.ERROR) {
            for (var e : unmatched.entrySet()) {
                int[] rows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                Report.rows(problems, left, rows, rows.length, at, "no row of " + Report.dataset(right) + " has " + describe(spec.leftOn(), left, lk, rows[0])
                        + " (" + Report.lines(left, rows, rows.length) + " of " + left.source() + "); add it to " + right.source()
                        + " or set unmatched: keep");
            }
            if (spec.relation() == MergeSpec.Relation.ONE_TO_ONE) {
                for (int r = 0; r < right.rows(); r++) {
                    if (!rightUsed[r]) {
                        Report.row(problems, right, r, at, "no row of " + Report.dataset(left) + " has " + describe(spec.rightOn(), right, rk, r)
                                + "; a one-to-one merge needs every row of both datasets matched");
                    }
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Dataset out = new Dataset(spec.output(), left.source(), left.sha256(), left.columns(), left.lines(), left.idColumn(), left.timeColumn());
        for (Column c : bring) {
            out = out.withColumn(take(c, match));
        }
        return new StepResult(spec, out, List.of(), List.of());
    }

    /** The key of every row as text (cells joined by U+001F), or null after reporting a missing key cell. */
    private static String[] keys(Dataset ds, List<Column> cols, List<String> names, Located at, Problems problems) {
        String[] out = new String[ds.rows()];
        for (int i = 0; i < out.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < cols.size(); k++) {
                Column c = cols.get(k);
                if (c.isMissing(i)) {
                    Report.row(problems, ds, i, at, "the key '" + names.get(k) + "' is missing; every row needs its key to be merged");
                }
                if (k > 0) {
                    sb.append('\u001F');
                }
                sb.append(c.display(i));
            }
            out[i] = sb.toString();
        }
        return out;
    }

    private static Map<String, Integer> unique(Dataset ds, String[] keys, MergeSpec spec, Problems problems, String side) {
        Map<String, Integer> first = new HashMap<>();
        List<Column> cols = new ArrayList<>();
        List<String> names = side.equals("right") ? spec.rightOn() : spec.leftOn();
        for (String c : names) {
            cols.add(ds.column(c));
        }
        for (int i = 0; i < keys.length; i++) {
            Integer prev = first.putIfAbsent(keys[i], i);
            if (prev != null) {
                Report.row(problems, ds, i, spec.at(), describe(names, ds, cols, i) + " appears twice in " + Report.dataset(ds) + " (lines "
                        + ds.line(prev) + " and " + ds.line(i) + "); a " + spec.relation().keyword() + " merge needs one row per key on the "
                        + side);
            }
        }
        return first;
    }

    private static String describe(List<String> names, Dataset ds, List<Column> cols, int row) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < names.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(names.get(k)).append(" = ").append(cols.get(k).display(row));
        }
        return sb.toString();
    }

    /** The right column's value of each left row's match (missing where there is none). */
    private static Column take(Column c, int[] match) {
        int n = match.length;
        if (c instanceof NumericColumn nc) {
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            for (int i = 0; i < n; i++) {
                if (match[i] >= 0) {
                    v[i] = nc.get(match[i]);
                }
            }
            return new NumericColumn(c.name(), v);
        }
        TextColumn tc = (TextColumn) c;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = match[i] >= 0 ? tc.codes()[match[i]] : -1;
        }
        return new TextColumn(c.name(), codes, tc.levels());
    }
}
