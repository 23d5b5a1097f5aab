package dev.repro.index.merge;

import dev.repro.config.Fields;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.index.api.ParseContext;
import dev.repro.index.api.StepKind;
import dev.repro.index.api.StepResult;
import java.util.List;

/** The {@code merge} step: two datasets joined by key columns ({@link Merger}). */
public final class MergeKind implements StepKind<MergeSpec> {
    @Override
    public String name() {
        return MergeSpec.KIND;
    }

    @Override
    public Class<MergeSpec> specType() {
        return MergeSpec.class;
    }

    @Override
    public MergeSpec parse(ParseContext context, Fields f, Located at, String output) {
        f.allow("left", "right", "on", "rightOn", "relation", "columns", "unmatched");
        String left = context.datasetRef(f, "left");
        String right = context.datasetRef(f, "right");
        List<String> on = f.strings("on", true, "name the key columns, e.g. on: [province, year]");
        List<String> rightOn = f.strings("rightOn", false, null);
        String relation = f.choice("relation", "many-to-one", "one-to-one", "many-to-one");
        List<String> columns = f.strings("columns", false, null);
        String unmatched = f.choice("unmatched", "error", "error", "keep");
        if (on != null && rightOn != null && on.size() != rightOn.size()) {
            f.problem(f.raw("rightOn"), "rightOn lists " + rightOn.size() + " columns but on lists " + on.size() + "; give one right-hand key per key");
            return null;
        }
        if (left == null || right == null || on == null || relation == null || unmatched == null) {
            return null;
        }
        return new MergeSpec(at, left, right, output, on, rightOn == null ? on : rightOn,
                relation.equals("one-to-one") ? MergeSpec.Relation.ONE_TO_ONE : MergeSpec.Relation.MANY_TO_ONE,
                columns == null ? List.of() : columns, unmatched.equals("keep") ? MergeSpec.Unmatched.KEEP : MergeSpec.Unmatched.ERROR);
    }

    @Override
    public StepResult build(MergeSpec spec, List<Dataset> inputs, Problems problems) {
        return Merger.build(spec, inputs.get(0), inputs.get(1), problems);
    }
}
