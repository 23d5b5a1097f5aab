package dev.repro.index.winsor;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.index.api.ParseContext;
import dev.repro.index.api.StepKind;
import dev.repro.index.api.StepResult;
import java.util.HashSet;
import java.util.List;

/** The {@code winsorize} step: winsorized or trimmed columns ({@link Winsorizer}). */
public final class WinsorKind implements StepKind<WinsorSpec> {
    @Override
    public String name() {
        return WinsorSpec.KIND;
    }

    @Override
    public Class<WinsorSpec> specType() {
        return WinsorSpec.class;
    }

    @Override
    public WinsorSpec parse(ParseContext context, Fields f, Located at, String output) {
        f.allow("dataset", "columns", "cuts", "by", "mode", "suffix", "replace");
        String dataset = context.datasetRef(f, "dataset");
        List<String> columns = f.strings("columns", true, "list the columns to winsorize, e.g. columns: [ce, open]");
        List<String> by = f.strings("by", false, null);
        String mode = f.choice("mode", "winsorize", "winsorize", "trim");
        Boolean replace = f.bool("replace", false);
        String suffix = f.string("suffix", false, null);
        double lower = 1;
        double upper = 99;
        boolean ok = dataset != null && columns != null && mode != null && replace != null && (by != null || !f.has("by"));
        Node cuts = f.raw("cuts");
        if (cuts != null && !cuts.isNull()) {
            boolean good = cuts.isList() && cuts.items().size() == 2;
            double[] v = new double[2];
            for (int k = 0; good && k < 2; k++) {
                Node c = cuts.items().get(k);
                try {
                    v[k] = c.isScalar() && c.scalarType() == Node.ScalarType.NUMBER ? Double.parseDouble(c.text()) : Double.NaN;
                } catch (NumberFormatException e) {
                    v[k] = Double.NaN;
                }
                good = !Double.isNaN(v[k]);
            }
            if (!good || !(v[0] >= 0 && v[0] < v[1] && v[1] <= 100)) {
                f.problem(cuts, "expected the lower and upper percentiles as [lower, upper] with 0 <= lower < upper <= 100, e.g. cuts: [1, 99]");
                ok = false;
            } else {
                lower = v[0];
                upper = v[1];
            }
        }
        if (columns != null && new HashSet<>(columns).size() != columns.size()) {
            f.problem(f.raw("columns"), "a column is listed twice");
            ok = false;
        }
        if (suffix != null && suffix.isEmpty() && Boolean.FALSE.equals(replace)) {
            f.problem(f.raw("suffix"), "an empty suffix would overwrite the columns; set replace: true for that");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        String sfx = suffix != null ? suffix : mode.equals("trim") ? "_tr" : "_w";
        return new WinsorSpec(at, dataset, output, columns, lower, upper, by == null ? List.of() : by,
                mode.equals("trim") ? WinsorSpec.Mode.TRIM : WinsorSpec.Mode.WINSORIZE, sfx, replace);
    }

    @Override
    public StepResult build(WinsorSpec spec, List<Dataset> inputs, Problems problems) {
        Winsorizer.WinsorResult r = Winsorizer.build(spec, inputs.get(0), problems);
        return r == null ? null : r.step();
    }
}
