package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.results.CoefficientResult;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import dev.repro.study.VcovSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reason of a statistic not computed (a scan of the whole frame) is worked out only for a model that misses one. */
class NotComputedReasonTest {
    private static final Dataset USMACRO = HacKindTest.read(HacKindTest.USMACRO, null, "t");
    private static final ModelSpec M = new ModelSpec("m", "usmacro", "log(consumption) ~ log(dpi) + tbill", VcovSpec.parse("hc1"), null,
            "linear", Map.of(), new Located("study.yaml", "models.m", 3, 3), Map.of());

    @Test
    void aModelWithEveryStatisticNeverAsksForTheReason() {
        Problems problems = new Problems();
        ModelResult r = LinearKind.POOLED_OR_WITHIN.estimate(M, USMACRO, problems, new ArrayList<>());
        AtomicInteger asked = new AtomicInteger();
        assertSame(r, NotComputed.reported(M, r, () -> {
            asked.incrementAndGet();
            return "never shown";
        }, true, problems, new ArrayList<>()));
        assertEquals(0, asked.get());
        assertEquals(List.of(), problems.list());
    }

    @Test
    void aModelMissingAStatisticGetsTheReasonOnceInItsMessage() {
        Problems problems = new Problems();
        ModelResult r = LinearKind.POOLED_OR_WITHIN.estimate(M, USMACRO, problems, new ArrayList<>());
        Map<String, CoefficientResult> coefs = new LinkedHashMap<>(r.coefficients());
        coefs.put("tbill", new CoefficientResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        AtomicInteger asked = new AtomicInteger();
        assertNull(NotComputed.reported(M, r.withCoefficients(coefs), () -> {
            asked.incrementAndGet();
            return "the reason";
        }, true, problems, new ArrayList<>()));
        assertEquals(1, asked.get());
        assertEquals(List.of("study.yaml:3:3: models.m: could not compute coefficients.tbill.estimate, coefficients.tbill.stdError, "
                + "coefficients.tbill.t, coefficients.tbill.p (the reason); fix the data or the formula, or set allowMissing: true on the "
                + "model to keep them as null (n/a in tables)"), problems.list().stream().map(Problem::format).toList());
    }
}
