package dev.repro.index.derive;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.index.api.ParseContext;
import dev.repro.index.api.StepKind;
import dev.repro.index.api.StepResult;
import java.util.ArrayList;
import java.util.List;

/** The {@code derive} step: new columns computed from expressions ({@link Deriver}). */
public final class DeriveKind implements StepKind<DeriveSpec> {
    @Override
    public String name() {
        return DeriveSpec.KIND;
    }

    @Override
    public Class<DeriveSpec> specType() {
        return DeriveSpec.class;
    }

    @Override
    public DeriveSpec parse(ParseContext context, Fields f, Located at, String output) {
        f.allow("dataset", "columns");
        String dataset = context.datasetRef(f, "dataset");
        Node cols = f.raw("columns");
        List<DeriveSpec.Derived> derived = new ArrayList<>();
        if (cols == null || cols.isNull()) {
            f.missing("columns", "map each new column to its expression, e.g. columns: {gdp_pc: gdp / pop}");
            return null;
        }
        if (!cols.isMap() || cols.entries().isEmpty()) {
            f.problem(cols, "expected a mapping of new column names to expressions such as {gdp_pc: gdp / pop}, found " + cols.describe());
            return null;
        }
        for (var e : cols.entries().entrySet()) {
            Node v = e.getValue();
            if (!ParseContext.isColumnName(e.getKey())) {
                f.problem(v, "the column name '" + e.getKey() + "' cannot be used in formulas; use letters, digits and '_', starting with a letter or '_'");
                continue;
            }
            if (!v.isScalar()) {
                f.problem(v, "expected an expression such as \"gdp / pop\", found " + v.describe());
                continue;
            }
            derived.add(new DeriveSpec.Derived(e.getKey(), v.text(), context.at(v)));
        }
        if (dataset == null || derived.size() != cols.entries().size()) {
            return null;
        }
        return new DeriveSpec(at, dataset, output, derived);
    }

    @Override
    public StepResult build(DeriveSpec spec, List<Dataset> inputs, Problems problems) {
        return Deriver.build(spec, inputs.get(0), problems);
    }
}
