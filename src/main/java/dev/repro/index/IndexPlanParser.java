package dev.repro.index;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Problems;
import dev.repro.index.api.IndexStepSpec;
import dev.repro.index.api.ParseContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the study file's {@code index:} section, an ordered list of steps, into an {@link IndexPlan}:
 * every key and value is checked and every mistake recorded as a problem at its line and key (the steps
 * are then left out), so that the spec records are only ever built from valid values. A step may read
 * the study's datasets and the outputs of the steps before it. This parser reads what every step has
 * ({@code step} and {@code output}); the step's kind ({@link StepKinds}) reads the rest.
 */
public final class IndexPlanParser {
    /** Stands for an output name that was refused, so that the step's kind can still check its keys. */
    private static final String UNNAMED_OUTPUT = "unnamed-output";

    private final ParseContext context;
    private final String source;
    private final Problems problems;

    private IndexPlanParser(String source, Collection<String> datasets, Problems problems) {
        this.context = new ParseContext(source, datasets, problems);
        this.source = source;
        this.problems = problems;
    }

    /**
     * @param index the value of the {@code index} key (null or empty: no steps)
     * @param source the study file as the user names it
     * @param datasets the names of the study's datasets
     */
    public static IndexPlan parse(Node index, String source, Collection<String> datasets, Problems problems) {
        return new IndexPlanParser(source, datasets, problems).plan(index);
    }

    private IndexPlan plan(Node index) {
        if (index == null || index.isNull()) {
            return IndexPlan.EMPTY;
        }
        if (!index.isList()) {
            problems.addKey(source, index.line(), index.column(), index.path(), "expected a list of steps, each starting with '- step: <kind>', found "
                    + index.describe());
            return IndexPlan.EMPTY;
        }
        List<IndexStepSpec> steps = new ArrayList<>();
        for (Node item : index.items()) {
            IndexStepSpec s = step(item);
            if (s != null) {
                steps.add(s);
            }
        }
        return new IndexPlan(steps);
    }

    private IndexStepSpec step(Node node) {
        Fields f = Fields.of(node, source, problems, "a step with 'step' and 'output'", "step", "output");
        if (f == null) {
            return null;
        }
        List<String> kinds = StepKinds.names();
        String kind = f.choice("step", null, kinds.toArray(new String[0]));
        if (kind == null && !f.has("step")) {
            f.missing("step", "one of " + String.join(", ", kinds));
        }
        if (kind == null) {
            // an unknown or missing kind: its other keys cannot be judged, so they are not reported as unknown
            f.allow(node.entries().keySet().toArray(new String[0]));
        }
        String output = context.newName(f, "output", true);
        int before = problems.size();
        // a step whose output name was refused still has its other keys checked; the placeholder never leaves
        IndexStepSpec spec = kind == null ? null : StepKinds.named(kind).parse(context, f, node.at(source),
                output == null ? UNNAMED_OUTPUT : output);
        f.finish();
        return problems.size() > before || output == null ? null : spec;
    }
}
