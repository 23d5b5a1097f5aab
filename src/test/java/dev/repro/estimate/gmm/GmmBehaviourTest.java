package dev.repro.estimate.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Dataset;
import dev.repro.formula.Formula;
import dev.repro.formula.SampleFilter;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour beyond the golden models: samples, deep lags in system GMM, too few instruments, order of rows. */
class GmmBehaviourTest {
    static final Located SITE = new Located("study.yaml", "models.m.formula", 1, 1);

    static GmmFit fit(String formula, String gmm, boolean[] sample, GmmOptions o) throws Exception {
        Dataset d = GmmGoldenTest.dataset("emplUK");
        Problems problems = new Problems();
        GmmProblem p = GmmFrame.build(d, new GmmFrame.Spec(Formula.parse(formula), Formula.parseTerms(gmm, "gmm"), null, SITE, SITE, SITE),
                sample, o, problems).orElseThrow(() -> new AssertionError(problems.list().toString()));
        return PanelGmm.fit(p);
    }

    @Test
    void aSampleDropsItsPeriodsFromTheGrid() throws Exception {
        Dataset d = GmmGoldenTest.dataset("emplUK");
        boolean[] rows = SampleFilter.parse("year >= 1978").select(d, SITE, new Problems()).orElseThrow();
        GmmFit all = fit("log(emp) ~ L(log(emp), 1) + log(wage)", "L(log(emp), 2:99)", null, GmmOptions.of("d", "twoways", 1, false));
        GmmFit part = fit("log(emp) ~ L(log(emp), 1) + log(wage)", "L(log(emp), 2:99)", rows, GmmOptions.of("d", "twoways", 1, false));
        assertTrue(part.nobs() < all.nobs(), part.nobs() + " vs " + all.nobs());
        assertEquals(List.of("1980", "1981", "1982", "1983", "1984"), part.timeNames());
    }

    @Test
    void systemGmmWithThreeLagsRuns() throws Exception {
        GmmFit f = fit("log(emp) ~ L(log(emp), 1:3) + log(wage)", "L(log(emp), 2:99)", null, GmmOptions.of("ld", "twoways", 2, true));
        for (double v : f.stdError()) {
            assertTrue(Double.isFinite(v) && v > 0);
        }
    }

    @Test
    void tooFewInstrumentsIsAUserError() {
        GmmException e = assertThrows(GmmException.class, () -> fit("log(emp) ~ L(log(emp), 1:2)",
                "L(log(emp), 2:2)", null, GmmOptions.of("d", "individual", 1, true)));
        assertEquals("the model has 1 instrument for 2 coefficients; add GMM lags or instruments", e.getMessage());
    }
}
