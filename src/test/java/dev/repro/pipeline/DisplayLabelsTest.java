package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.study.Label;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tables label a column by the study's labels first, then by the data file's variable label (Stata's label variable). */
class DisplayLabelsTest {
    private static Dataset dataset(String name, Map<String, String> labels) {
        return new Dataset(name, name + ".dta", null, List.of(new NumericColumn("open", new double[] {1}),
                new NumericColumn("gdp", new double[] {2})), new int[] {1}, null, null).withVariableLabels(labels);
    }

    @Test
    void theStudyWinsThenTheFirstDatasetThatLabelsTheColumn() {
        Map<String, Dataset> data = new LinkedHashMap<>();
        data.put("a", dataset("a", Map.of("open", "Openness (trade / GDP)", "gdp", "GDP")));
        data.put("b", dataset("b", Map.of("gdp", "Gross domestic product", "missing", "not a column")));
        Map<String, Label> labels = TablesStep.displayLabels(Map.of("gdp", Label.plain("GDP per capita")), data);
        assertEquals(Label.plain("Openness (trade / GDP)"), labels.get("open"));
        assertEquals(Label.plain("GDP per capita"), labels.get("gdp"));
        assertEquals(null, labels.get("missing"));
        // a selection keeps the labels of its columns
        assertEquals(Map.of("open", "Openness (trade / GDP)", "gdp", "GDP"), data.get("a").select(new boolean[] {true}).variableLabels());
    }
}
