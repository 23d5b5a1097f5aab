package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.estimate.paneltest.Hausman;
import dev.repro.estimate.paneltest.HausmanResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Hausman test whose V_b - V_B is not positive definite gives the log a warning, not only results.json. */
class TestWarningsTest {
    @Test
    void aNonPositiveDefiniteDifferenceIsWarned() {
        List<String> names = List.of("x");
        HausmanResult h = Hausman.test(names, new double[] {1}, new double[][] {{1}}, names, new double[] {0},
                new double[][] {{2}}, Hausman.Method.CHISQ);
        List<String> w = TestResults.warnings(TestResults.hausman(h));
        assertEquals(h.warnings(), w);
        assertEquals(true, w.get(0).startsWith("V_b - V_B is not positive definite"), w.get(0));
        assertEquals(List.of(), TestResults.warnings(TestResults.hausman(Hausman.test(names, new double[] {1}, new double[][] {{2}},
                names, new double[] {0}, new double[][] {{1}}, Hausman.Method.CHISQ))));
    }
}
