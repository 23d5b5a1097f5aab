package dev.repro.index;

import dev.repro.index.api.IndexStepSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The study's {@code index:} section: its steps in order. Each step creates one dataset (and export quality
 * optionally a second, its cell-level detail) that later steps and the models can use by name.
 */
public record IndexPlan(List<IndexStepSpec> steps) {
    public static final IndexPlan EMPTY = new IndexPlan(List.of());

    public IndexPlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Names of every dataset the plan creates, in order. */
    public List<String> outputs() {
        List<String> out = new ArrayList<>();
        for (IndexStepSpec s : steps) {
            out.add(s.output());
            out.addAll(s.extraOutputs());
        }
        return out;
    }
}
