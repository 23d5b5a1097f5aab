package dev.repro.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.diag.Located;
import dev.repro.drift.PublishedGrade.Grade;
import dev.repro.drift.PublishedGrade.Summary;
import dev.repro.study.Printed;
import dev.repro.study.PublishedTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact verdicts of the graded comparison ({@code mode: compare}) on hand-made cells. */
class PublishedGradeTest {
    private static final Located AT = new Located("study.yaml", "published.t5", 1, 1);
    private static final List<Double> LEVELS = List.of(0.10, 0.05, 0.01);

    private static Grade estimate(String printed, Double value, Integer ourStars) {
        return PublishedGrade.gradeCell(Printed.parse(printed), value, true, ourStars);
    }

    private static Grade statistic(String printed, Double value) {
        return PublishedGrade.gradeCell(Printed.parse(printed), value, false, null);
    }

    @Test
    void roundingAtThePrintedPrecision() {
        assertEquals(Grade.SAME_VALUE, statistic("-4,937.897", -4937.8965));   // the tie, either way it rounds
        assertEquals(Grade.SAME_VALUE, statistic("(-2.43)", -2.434999));
        assertEquals(Grade.SAME_SIGN, statistic("(-2.43)", -2.4351));          // rounds to -2.44
        assertEquals(Grade.SAME_VALUE, statistic("270", 270.4));
        assertEquals(Grade.SAME_SIGN, statistic("270", 270.6));
    }

    @Test
    void starsDecideBetweenSameSignAndStarsAndSameSign() {
        assertEquals(Grade.SAME_VALUE, estimate("-4,937.897**", -4937.8971, 2));
        assertEquals(Grade.SAME_SIGN_AND_STARS, estimate("-4,937.897**", -3100.0, 2));
        assertEquals(Grade.SAME_SIGN, estimate("-4,937.897**", -3100.0, 1));
        // the printed value with a different star level is not the same value
        assertEquals(Grade.SAME_SIGN, estimate("-4,937.897**", -4937.897, 3));
        // no rebuilt p-value: the value alone decides, and the middle rung cannot be reached
        assertEquals(Grade.SAME_VALUE, estimate("-4,937.897**", -4937.897, null));
        assertEquals(Grade.SAME_SIGN, estimate("-4,937.897**", -3100.0, null));
        assertEquals(Grade.DIFFERS, estimate("-4,937.897**", 3100.0, 2));
        assertEquals(Grade.DIFFERS, estimate("0.120", -0.118, 0));
    }

    @Test
    void starThresholdsAreStrict() {
        assertEquals(2, PublishedGrade.stars(0.0499, LEVELS));
        assertEquals(1, PublishedGrade.stars(0.05, LEVELS));
        assertEquals(3, PublishedGrade.stars(0.0099, LEVELS));
        assertEquals(0, PublishedGrade.stars(0.10, LEVELS));
        assertEquals(0, PublishedGrade.stars(0.001, List.of()));
    }

    @Test
    void zeroHasItsOwnSignAtThePrintedPrecision() {
        assertEquals(Grade.SAME_VALUE, statistic("0.000", 0.0004));
        assertEquals(Grade.SAME_VALUE, statistic("0.000", -0.0004));
        assertEquals(Grade.DIFFERS, statistic("0.000", 0.0006));                // prints 0.001: positive, not zero
        assertEquals(Grade.DIFFERS, statistic("-0.012", 0.0));
        assertEquals(Grade.DIFFERS, statistic("-0.012", -0.0004));              // prints as zero
        assertEquals(Grade.SAME_SIGN, statistic("-0.012", -0.0006));
        // a sign flip inside what the paper's precision could hide is still a flip
        assertEquals(Grade.DIFFERS, estimate("0.001", -0.0006, 0));
    }

    @Test
    void aMissingOrNullRebuiltValueIsNoRebuiltValue() {
        assertEquals(Grade.MISSING, statistic("0.199", null));
        assertEquals(Grade.MISSING, statistic("0.199", Double.NaN));
        Map<String, Object> r = new HashMap<>();
        r.put("models.m1.r2", null);
        PublishedTable t = new PublishedTable("t", null, LEVELS, true, PublishedTable.Mode.COMPARE, List.of(
                new PublishedTable.Cell("models.m1.r2", "0.199", null, AT),
                new PublishedTable.Cell("models.m1.nobs", "270", null, AT)), AT);
        PublishedGrade.TableGrade g = PublishedGrade.grade(t, r);
        assertEquals(List.of(Grade.MISSING, Grade.MISSING), g.cells().stream().map(PublishedGrade.GradedCell::grade).toList());
        assertEquals("", g.cells().get(0).rebuilt());
        assertEquals(Summary.NOT_REPRODUCED, g.summary());
    }

    @Test
    void tableSummaryRule() {
        assertEquals(Summary.REPRODUCED, PublishedGrade.summarize(List.of(Grade.SAME_VALUE, Grade.SAME_VALUE)));
        assertEquals(Summary.PARTIALLY_REPRODUCED, PublishedGrade.summarize(List.of(Grade.SAME_VALUE, Grade.DIFFERS)));
        assertEquals(Summary.PARTIALLY_REPRODUCED, PublishedGrade.summarize(
                List.of(Grade.SAME_SIGN_AND_STARS, Grade.SAME_SIGN_AND_STARS, Grade.SAME_SIGN, Grade.MISSING)));
        assertEquals(Summary.NOT_REPRODUCED, PublishedGrade.summarize(
                List.of(Grade.SAME_SIGN_AND_STARS, Grade.SAME_SIGN, Grade.SAME_SIGN)));
        assertEquals(Summary.NOT_REPRODUCED, PublishedGrade.summarize(List.of(Grade.SAME_VALUE, Grade.MISSING, Grade.MISSING)));
        assertEquals(Summary.NOT_REPRODUCED, PublishedGrade.summarize(List.of()));
    }

    @Test
    void aTableIsGradedWithBothNumbersAndCounted() {
        Map<String, Object> r = new HashMap<>();
        r.put("models.m5.coefficients.open.estimate", -3012.4);
        r.put("models.m5.coefficients.open.p", 0.03);
        r.put("models.m5.coefficients.open.t", -2.18);
        r.put("models.m5.coefficients.rpc.estimate", 0.0);
        r.put("models.m5.nobs", 270.0);
        PublishedTable t = new PublishedTable("t5", "Table 5 <b>", LEVELS, true, PublishedTable.Mode.COMPARE, List.of(
                new PublishedTable.Cell("models.m5.coefficients.open.estimate", "-3,641.125*", "models.m5.coefficients.open.p", AT),
                new PublishedTable.Cell("models.m5.coefficients.open.t", "(-1.82)", null, AT),
                new PublishedTable.Cell("models.m5.coefficients.rpc.estimate", "12,502.278***", "models.m5.coefficients.rpc.p", AT),
                new PublishedTable.Cell("models.m5.nobs", "270", null, AT)), AT);
        PublishedGrade.TableGrade g = PublishedGrade.grade(t, r);
        assertEquals(List.of(Grade.SAME_SIGN, Grade.SAME_SIGN, Grade.DIFFERS, Grade.SAME_VALUE),
                g.cells().stream().map(PublishedGrade.GradedCell::grade).toList());
        assertEquals(List.of("-3,012.400**", "(-2.18)", "0.000", "270"), g.cells().stream().map(PublishedGrade.GradedCell::rebuilt).toList());
        assertEquals("not reproduced: 1 same value at printed precision, 0 same sign and stars, 2 same sign, 1 differs,"
                + " 0 no rebuilt value (of 4 cells)", g.counts());
        String md = PublishedGrade.markdown(g);
        assertEquals(true, md.contains("Source: Table 5 \\<b\\>"), md);
        assertEquals(true, md.contains("| `models.m5.coefficients.open.estimate` | -3,641.125\\* | -3,012.400\\*\\* | same sign |"), md);
    }
}
