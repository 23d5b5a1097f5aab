package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one vcov parser: the forms the study, the mediation and the Hausman test accept, and its messages. */
class CovarianceParseTest {
    @Test
    void kindsAreCaseInsensitiveAndNamesKeepTheirCase() {
        List<String> errors = new ArrayList<>();
        assertEquals(Covariance.Kind.HC1, Covariance.parse("HC1", errors::add).kind());
        assertEquals(Covariance.Kind.HC1, Covariance.parse("robust", errors::add).kind());
        assertEquals(List.of("State"), Covariance.parse("Cluster( State )", errors::add).clusterColumns());
        assertEquals("cluster(state, year)", Covariance.parse("cluster(state,year)", errors::add).text());
        assertEquals(List.of(), errors);
    }

    @Test
    void emptyAndThreeWayAreRejected() {
        List<String> errors = new ArrayList<>();
        assertNull(Covariance.parse(" ", errors::add));
        assertNull(Covariance.parse("cluster(a, b, c)", errors::add));
        assertEquals(List.of(
            "unknown covariance ''; expected iid, hc1, cluster(<column>), cluster(<column1>, <column2>), dk(<lag>), nw(<lag>) or hac(<lag>)",
            "vcov 'cluster(a, b, c)' names 3 cluster columns; write cluster(<column>) or cluster(<column1>, <column2>)"),
            errors);
    }

    @Test
    void serialCovariancesTakeAnOptionalLag() {
        List<String> errors = new ArrayList<>();
        Covariance.Spec dk = Covariance.parse("DK( 3 )", errors::add);
        assertEquals(Covariance.Kind.DRISCOLL_KRAAY, dk.kind());
        assertEquals(3, dk.lag());
        assertEquals("dk(3)", dk.text());
        Covariance.Spec nw = Covariance.parse("nw", errors::add);
        assertEquals(Covariance.Kind.NEWEY_WEST, nw.kind());
        assertEquals(Covariance.DEFAULT_LAG, nw.lag());
        assertEquals("nw", nw.text());
        assertEquals("dk(0)", Covariance.parse("dk(0)", errors::add).text());
        assertEquals(List.of(), errors);
    }

    @Test
    void negativeOrNonNumericLagsAreRejected() {
        List<String> errors = new ArrayList<>();
        assertNull(Covariance.parse("dk(-1)", errors::add));
        assertNull(Covariance.parse("nw(two)", errors::add));
        assertNull(Covariance.parse("dk()", errors::add));
        assertEquals(List.of(
            "vcov 'dk(-1)' has lag '-1'; the lag must be a whole number >= 0: write dk(<lag>), e.g. dk(2), "
                + "or dk for plm's default floor(T^(1/4))",
            "vcov 'nw(two)' has lag 'two'; the lag must be a whole number >= 0: write nw(<lag>), e.g. nw(2), "
                + "or nw for plm's default floor(T^(1/4))",
            "vcov 'dk()' has lag ''; the lag must be a whole number >= 0: write dk(<lag>), e.g. dk(2), "
                + "or dk for plm's default floor(T^(1/4))"),
            errors);
    }

    @Test
    void hacParsesWithAndWithoutALag() {
        List<String> errors = new ArrayList<>();
        Covariance.Spec hac = Covariance.parse("HAC ( 3 )", errors::add);
        assertEquals(Covariance.Kind.HAC, hac.kind());
        assertEquals(3, hac.lag());
        assertEquals("hac(3)", hac.text());
        Covariance.Spec byRule = Covariance.parse("hac", errors::add);
        assertEquals(Covariance.DEFAULT_LAG, byRule.lag());
        assertEquals("hac", byRule.text());
        assertEquals(List.of(), errors);
    }

    @Test
    void aNegativeHacLagIsRejected() {
        List<String> errors = new ArrayList<>();
        assertNull(Covariance.parse("hac(-2)", errors::add));
        assertEquals(List.of("vcov 'hac(-2)' has lag '-2'; the lag must be a whole number >= 0: write hac(<lag>), e.g. hac(2), "
            + "or hac for the default floor(4 (T/100)^(2/9))"), errors);
    }
}
