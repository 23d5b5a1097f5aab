package dev.repro.index.entropy;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.index.api.ParseContext;
import dev.repro.index.api.StepKind;
import dev.repro.index.api.StepResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code entropy} step: an entropy-weighted composite index ({@link EntropyIndex}). */
public final class EntropyKind implements StepKind<EntropySpec> {
    @Override
    public String name() {
        return EntropySpec.KIND;
    }

    @Override
    public Class<EntropySpec> specType() {
        return EntropySpec.class;
    }

    @Override
    public EntropySpec parse(ParseContext context, Fields f, Located at, String output) {
        f.allow("dataset", "column", "indicators", "weighting", "year", "zeros", "shift", "score", "missing");
        String dataset = context.datasetRef(f, "dataset");
        String column = f.string("column", true, "name the index column, e.g. column: open");
        String weighting = f.choice("weighting", "pooled", "pooled", "per-year");
        String year = f.string("year", false, null);
        String zeros = f.choice("zeros", "shift", "shift", "limit");
        Double shift = f.number("shift", EntropySpec.DEFAULT_SHIFT);
        String score = f.choice("score", "normalized", "normalized", "shifted");
        String missing = f.choice("missing", "error", "error", "skip");
        List<EntropySpec.Indicator> indicators = indicators(context, f);
        boolean ok = dataset != null && column != null && weighting != null && zeros != null && shift != null && score != null
                && missing != null && indicators != null;
        if (shift != null && "shift".equals(zeros) && !(shift > 0)) {
            f.problem(f.raw("shift"), "the shift must be positive, e.g. 0.0001; or set zeros: limit to use 0 ln 0 = 0");
            ok = false;
        }
        if ("shifted".equals(score) && "limit".equals(zeros)) {
            f.problem(f.raw("score"), "score: shifted adds the shift, which zeros: limit does not use; set zeros: shift or score: normalized");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new EntropySpec(at, dataset, output, column, indicators,
                weighting.equals("pooled") ? EntropySpec.Weighting.POOLED : EntropySpec.Weighting.PER_YEAR, year,
                zeros.equals("shift") ? EntropySpec.Zeros.SHIFT : EntropySpec.Zeros.LIMIT, zeros.equals("shift") ? shift : 0,
                score.equals("shifted") ? EntropySpec.Score.SHIFTED : EntropySpec.Score.NORMALIZED,
                missing.equals("skip") ? EntropySpec.Missing.SKIP : EntropySpec.Missing.ERROR);
    }

    private static List<EntropySpec.Indicator> indicators(ParseContext context, Fields f) {
        Node list = f.raw("indicators");
        if (list == null || list.isNull()) {
            f.missing("indicators", "list the indicators, e.g. indicators: [{column: fdi, direction: positive}]");
            return null;
        }
        if (!list.isList() || list.items().isEmpty()) {
            f.problem(list, "expected a list of indicators such as [{column: fdi, direction: positive}], found " + list.describe());
            return null;
        }
        List<EntropySpec.Indicator> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (Node item : list.items()) {
            String column;
            String direction = "positive";
            String group = null;
            if (item.isScalar()) {
                column = item.text();
            } else {
                Fields g = context.fields(item, "an indicator such as {column: fdi, direction: positive}", "column", "direction", "group");
                if (g == null) {
                    ok = false;
                    continue;
                }
                column = g.string("column", true, "name the indicator's column");
                direction = g.choice("direction", "positive", "positive", "negative");
                group = g.string("group", false, null);
                g.finish();
                if (column == null || direction == null) {
                    ok = false;
                    continue;
                }
            }
            if (!seen.add(column)) {
                context.problem(item, "indicator '" + column + "' is listed twice");
                ok = false;
                continue;
            }
            out.add(new EntropySpec.Indicator(column, direction.equals("negative") ? EntropySpec.Direction.NEGATIVE : EntropySpec.Direction.POSITIVE, group));
        }
        return ok ? out : null;
    }

    @Override
    public StepResult build(EntropySpec spec, List<Dataset> inputs, Problems problems) {
        EntropyResult r = EntropyIndex.build(spec, inputs.get(0), problems);
        return r == null ? null : r.step();
    }
}
