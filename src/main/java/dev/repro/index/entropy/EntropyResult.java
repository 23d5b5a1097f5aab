package dev.repro.index.entropy;

import dev.repro.index.api.StepResult;
import java.util.List;

/** The entropy step's outputs: the dataset with the index column, and the typed tables behind its auxiliary tables. */
public record EntropyResult(StepResult step, List<EntropyWeight> weights, List<YearStat> years) {
    public EntropyResult {
        weights = List.copyOf(weights);
        years = List.copyOf(years);
    }
}
