package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Factors, products and '*': canonical labels, the columns they give, absorbed levels and reference mistakes. */
class FactorTermsTest {
    private static final Located SITE = new Located("study.yaml", "models.m", 10, 5);

    private static Dataset panel() {
        return TestData.dataset("p").panel("unit", "year")
                .num("unit", 1, 1, 1, 2, 2, 2, 3, 3, 3)
                .num("year", 2014, 2015, 2016, 2014, 2015, 2016, 2014, 2015, 2016)
                .text("region", "n", "n", "n", "s", "s", "s", "n", "n", "n")
                .num("treated", 1, 1, 1, 0, 0, 0, 1, 1, 1)
                .num("x", 1, 2, 4, 3, 5, 6, 2, 2, 7)
                .num("y", 1, 3, 2, 5, 4, 6, 1, 8, 2).build();
    }

    private static List<String> labels(String formula) throws FormulaException {
        return Formula.parse(formula).regressorLabels();
    }

    @Test
    void canonicalLabels() throws FormulaException {
        assertEquals(List.of("i(region)", "i(year, treated, ref = 2015)", "i(region, ref = 'n')"),
                labels("y ~ factor(region) + i( year ,treated, ref=2015) + i(region, ref = \"n\")"));
        assertEquals(List.of("x", "z", "w", "x:z", "x:w", "z:w", "x:z:w"), labels("y ~ x*z*w"));
        assertEquals(List.of("i(region, x)", "i(region, log(x))"), labels("y ~ i(region):x + log(x):factor(region)"));
        assertEquals(List.of("i(region)", "x", "i(region, x)"), labels("y ~ i(region)*x"));
        assertEquals(List.of("i(year, ref = -1)"), labels("y ~ i(year, ref = -1)"));
        // a term that '*' implies may also be written, as in R
        assertEquals(List.of("x", "z", "x:z"), labels("y ~ x + x*z"));
        assertEquals(List.of("x", "z", "x:z"), labels("y ~ x*z + x"));
        assertEquals(List.of("z:x", "x", "z"), labels("y ~ z:x + x*z"));
        assertEquals("duplicate term 'x'", assertThrows(FormulaException.class, () -> Formula.parse("y ~ x + z + x")).reason());
        Formula f = Formula.parse("y ~ x:z + i(region)");
        assertFalse(f.isPlain());
        assertThrows(IllegalStateException.class, f::regressors);
        assertEquals(List.of("y", "x", "z", "region"), List.copyOf(f.columns()));
        assertTrue(Formula.parse("y ~ x + L(x, 1)").isPlain());
    }

    @Test
    void eventStudyColumnsAndAbsorbedLevels() throws FormulaException {
        Problems problems = new Problems();
        ModelFrame f = ModelFrame.build(Formula.parse("y ~ i(year, treated, ref = 2015) + i(year) + i(region) | unit + year"), panel(),
                null, List.of(), SITE, problems).orElseThrow().completeCases();
        assertTrue(problems.isEmpty());
        assertEquals(List.of("i(year, treated, ref = 2015)::2014", "i(year, treated, ref = 2015)::2016"), f.regressors());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 1, 0, 0}, f.x()[0]);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0, 0, 0, 1}, f.x()[1]);
        assertEquals(List.of("i(year): 2 levels 2015, 2016 dropped, absorbed by the fixed effect 'year'",
                "i(region): level s dropped, absorbed by the fixed effect 'unit'"), f.notes());
    }

    @Test
    void slopesByLevelAndNumericLevels() throws FormulaException {
        Problems problems = new Problems();
        ModelFrame f = ModelFrame.build(Formula.parse("y ~ i(region):x + i(year, ref = 2016)"), panel(), null, List.of(), SITE, problems)
                .orElseThrow();
        assertEquals(List.of("i(region, x)::n", "i(region, x)::s", "i(year, ref = 2016)::2014", "i(year, ref = 2016)::2015"), f.regressors());
        assertArrayEquals(new double[] {1, 2, 4, 0, 0, 0, 2, 2, 7}, f.x()[0]);
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0, 0, 1, 0}, f.x()[3]);
    }

    @Test
    void referenceLevelNotInSample() throws FormulaException {
        Problems problems = new Problems();
        assertTrue(ModelFrame.build(Formula.parse("y ~ i(year, treated, ref = 2013)"), panel(), SampleFilter.parse("year >= 2015"),
                List.of(), SITE, problems).isEmpty());
        assertEquals(List.of("study.yaml:10:5: models.m: formula \"y ~ i(year, treated, ref = 2013)\": the reference level 2013 of "
                + "i(year, treated, ref = 2013) is not a value of year in the estimation sample at character 5; its values there are 2015, 2016\n"
                + "    y ~ i(year, treated, ref = 2013)\n"
                + "        ^"), problems.list().stream().map(Problem::format).toList());
    }

    @Test
    void textSlopeAndUnknownFactorColumn() throws FormulaException {
        List<String> found = Formula.parse("y ~ i(regon) + i(year, region)").check(panel()).stream().map(TextProblem::render).toList();
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("formula \"y ~ i(regon) + i(year, region)\": unknown variable 'regon' in dataset p"), found.get(0));
        assertTrue(found.get(1).contains("variable 'region' of dataset p is text, not numeric at character 24; a factor's slope must be numeric"),
                found.get(1));
    }
}
