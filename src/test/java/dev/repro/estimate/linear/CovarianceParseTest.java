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
            "unknown covariance ''; expected iid, hc1, cluster(<column>), cluster(<column1>, <column2>), dk(<lag>) or nw(<lag>)",
            "vcov 'cluster(a, b, c)' names 3 cluster columns; write cluster(<column>) or cluster(<column1>, <column2>)"),
            errors);
    }
}
