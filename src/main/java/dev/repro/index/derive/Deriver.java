package dev.repro.index.derive;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.formula.Expression;
import dev.repro.diag.Located;
import dev.repro.index.api.Report;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Problems;
import java.util.List;
import java.util.Optional;

/**
 * Adds derived columns with the formula package's {@link Expression} (its parser, checks and vectorised
 * evaluator: missing values propagate, x / 0 is missing, log of a non-positive value is a mistake naming the
 * rows, lags follow time values within the panel unit).
 */
public final class Deriver {
    private Deriver() {
    }

    public static StepResult build(DeriveSpec spec, Dataset ds, Problems problems) {
        int before = problems.size();
        // evaluate on the input (messages name the dataset the user knows), rename at the end
        Dataset out = ds;
        for (DeriveSpec.Derived d : spec.columns()) {
            Located at = d.at();
            if (out.has(d.name())) {
                problems.add(at.problem("column '" + d.name() + "' already exists in dataset " + Report.dataset(ds) + "; give the derived column another name"));
                continue;
            }
            Optional<Expression> e = Expression.parse(d.expression(), at, problems);
            if (e.isEmpty()) {
                continue;
            }
            Optional<NumericColumn> c = e.get().column(d.name(), out, at, problems);
            if (c.isPresent()) {
                out = out.withColumn(c.get());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Dataset named = new Dataset(spec.output(), out.source(), out.sha256(), out.columns(), out.lines(), out.idColumn(), out.timeColumn());
        return new StepResult(spec, named, List.of(), List.of());
    }
}
