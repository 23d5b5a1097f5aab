package dev.repro.index.winsor;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.index.api.AuxTable;
import dev.repro.index.api.Groups;
import dev.repro.index.api.Report;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Winsorizing by Stata's winsor2 rule: within each group, the lower and upper cut points are the
 * percentiles of the non-missing values ({@link Percentiles}, R quantile type 2); values below the lower
 * cut become the cut (or missing when trimming), likewise above the upper cut. Missing values stay missing.
 */
public final class Winsorizer {
    private Winsorizer() {
    }

    public record WinsorResult(StepResult step, List<WinsorCut> cuts) {
        public WinsorResult {
            cuts = List.copyOf(cuts);
        }
    }

    public static WinsorResult build(WinsorSpec spec, Dataset ds, Problems problems) {
        int before = problems.size();
        List<NumericColumn> cols = new ArrayList<>();
        for (int c = 0; c < spec.columns().size(); c++) {
            String name = spec.columns().get(c);
            NumericColumn col = Report.numeric(problems, ds, name, spec.at(), "columns[" + c + "]");
            cols.add(col);
            if (col != null && !spec.replace() && ds.has(name + spec.suffix())) {
                Report.spec(problems, spec.at(), "columns[" + c + "]", "column '" + name + spec.suffix() + "' already exists in dataset "
                        + Report.dataset(ds) + "; choose another suffix or set replace: true");
            }
        }
        for (int b = 0; b < spec.by().size(); b++) {
            Column g = Report.column(problems, ds, spec.by().get(b), spec.at(), "by[" + b + "]");
            if (g != null && spec.columns().contains(spec.by().get(b))) {
                Report.spec(problems, spec.at(), "by[" + b + "]", "'" + spec.by().get(b) + "' cannot be both winsorized and a group");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Groups groups = Groups.of(ds, spec.by());
        int[] rows = groups.rows();
        List<WinsorCut> cuts = new ArrayList<>();
        Dataset out = new Dataset(spec.output(), ds.source(), ds.sha256(), ds.columns(), ds.lines(), ds.idColumn(), ds.timeColumn());
        boolean trim = spec.mode() == WinsorSpec.Mode.TRIM;
        double[] buf = new double[ds.rows()];
        for (NumericColumn col : cols) {
            double[] v = col.values();
            double[] w = v.clone();
            for (int g = 0; g < groups.count(); g++) {
                int m = 0;
                for (int k = groups.start(g); k < groups.start(g + 1); k++) {
                    double x = v[rows[k]];
                    if (!Double.isNaN(x)) {
                        buf[m++] = x;
                    }
                }
                Arrays.sort(buf, 0, m);
                double lo = Percentiles.of(buf, m, spec.lower());
                double hi = Percentiles.of(buf, m, spec.upper());
                int below = 0;
                int above = 0;
                for (int k = groups.start(g); k < groups.start(g + 1); k++) {
                    int r = rows[k];
                    double x = v[r];
                    if (x < lo) {
                        w[r] = trim ? Double.NaN : lo;
                        below++;
                    } else if (x > hi) {
                        w[r] = trim ? Double.NaN : hi;
                        above++;
                    }
                }
                cuts.add(new WinsorCut(col.name(), groups.label(g), m, spec.lower(), spec.upper(), lo, hi, below, above));
            }
            String name = spec.replace() ? col.name() : col.name() + spec.suffix();
            out = out.withColumn(new NumericColumn(name, w));
        }
        StepResult step = new StepResult(spec, out, List.of(AuxTable.of("cuts", cuts, WinsorCut.COLUMNS)), List.of());
        return new WinsorResult(step, cuts);
    }
}
