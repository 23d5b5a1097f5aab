package dev.repro.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.diag.Problems;
import dev.repro.index.api.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An invalid, duplicate or missing output: name is a located problem (it was a NullPointerException). */
class IndexOutputNameTest {
    private static List<String> problems(String output) {
        Problems p = new Problems();
        IndexPlan plan = IndexPlanParserTest.parse("""
                index:
                  - step: winsorize
                    dataset: provinces
                    output: first
                    columns: [gdp]
                  - step: winsorize
                    dataset: provinces
                """ + output + """
                    columns: [gdp]
                """, p);
        assertEquals(1, plan.steps().size());
        return Fixtures.messages(p);
    }

    @Test
    void invalidName() {
        assertEquals(List.of("study.yaml:8:13: index[1].output: the name '1 bad' is not a valid id; use letters, digits, '_' and '-', starting with a letter"),
                problems("    output: 1 bad\n"));
    }

    @Test
    void duplicateName() {
        assertEquals(List.of("study.yaml:8:13: index[1].output: a dataset named 'first' already exists; each step creates a dataset with a new name"),
                problems("    output: first\n"));
    }

    @Test
    void nameOfAStudyDataset() {
        assertEquals(List.of("study.yaml:8:13: index[1].output: a dataset named 'provinces' already exists; each step creates a dataset with a new name"),
                problems("    output: provinces\n"));
    }

    @Test
    void missingName() {
        assertEquals(List.of("study.yaml:6:5: index[1]: missing required key 'output'; name the dataset this step creates, e.g. output: panel_index"),
                problems(""));
    }
}
