package dev.repro.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One suggestion rule for keys, columns and names: case first, then the optimal string alignment distance. */
class SuggestTest {
    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertEquals(1, Suggest.distance("pirce", "price"));
        assertEquals(2, Suggest.distance("ab", "ba") + Suggest.distance("a", "b"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
        assertEquals(0, Suggest.distance("", ""));
        assertEquals(4, Suggest.distance("", "year"));
    }

    @Test
    void equalIgnoringCaseWinsOverACloserSpelling() {
        assertEquals("Price", Suggest.closest("price", List.of("prices", "Price")));
        assertEquals(", did you mean 'Year' or 'YEAR'?", Suggest.didYouMean("year", List.of("Year", "yeas", "YEAR")));
    }

    @Test
    void everyEquallyCloseNameIsOffered() {
        assertEquals(", did you mean 'pop' or 'pop16'?", Suggest.didYouMean("pop1", List.of("sales", "pop", "pop16")));
        assertEquals("did you mean 'ab', 'ac' or 'ad'?", Suggest.question("a", List.of("ab", "ac", "ad"), 1));
        assertEquals("pop", Suggest.closest("pop1", List.of("pop", "pop16")));
    }

    @Test
    void nothingBeyondTheLimit() {
        assertEquals("", Suggest.didYouMean("zzzzz", List.of("price", "year")));
        assertNull(Suggest.question("prce", List.of("price"), 0));
        assertEquals(2, Suggest.limit("abcdef"));
        assertEquals(4, Suggest.limit("abcdefghijkl"));
    }
}
