package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.numeric.Effect;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The within model's constant and its standard error against plm::within_intercept (src/test/golden/linear/within_intercept.R). */
class WithinInterceptGoldenTest {

    private static LinearProblem grunfeld(String sample, Covariance.Kind kind) {
        TestData all = TestData.read("/datasets/grunfeld.csv");
        double[] firm = all.numbers("firm");
        double[] year = all.numbers("year");
        TestData d = sample.equals("balanced") ? all
                : all.filter(i -> !(firm[i] == 1 && year[i] < 1940) && !(firm[i] == 4 && year[i] > 1950));
        Effect id = d.effect("firm");
        Covariance cov = new Covariance(kind, kind == Covariance.Kind.CLUSTER ? List.of(id) : List.of());
        return new LinearProblem("inv", d.numbers("inv"), List.of("value", "capital"),
                new double[][] {d.numbers("value"), d.numbers("capital")}, List.of(id), cov,
                LinearOptions.defaults().withPanel(id));
    }

    @Test
    void matchesPlmWithinIntercept() throws Exception {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/linear/within_intercept.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        assertEquals(6, golden.get("cases").size());
        for (JsonNode c : golden.get("cases")) {
            String what = c.get("sample").asText() + " " + c.get("vcov").asText();
            LinearProblem p = grunfeld(c.get("sample").asText(), Covariance.Kind.valueOf(c.get("vcov").asText().toUpperCase(Locale.ROOT)));
            LinearFit fit = LinearModel.fit(p);
            assertEquals(c.get("nobs").asInt(), fit.nobs(), what);
            Coefficient k = WithinIntercept.of(p, fit);
            assertEquals(c.get("constant").asDouble(), k.estimate(), 1e-9 * Math.abs(c.get("constant").asDouble()), what);
            assertEquals(c.get("se").asDouble(), k.stdError(), 1e-8 * c.get("se").asDouble(), what);
            assertEquals(k.estimate() / k.stdError(), k.t(), 1e-12, what);
        }
    }

    @Test
    void onlyWithinModelsHaveTheConstant() {
        TestData d = TestData.read("/datasets/grunfeld.csv");
        LinearProblem pooled = new LinearProblem("inv", d.numbers("inv"), List.of("value"), new double[][] {d.numbers("value")},
                List.of(), new Covariance(Covariance.Kind.IID, List.of()));
        assertNull(WithinIntercept.of(pooled, LinearModel.fit(pooled)));
    }
}
