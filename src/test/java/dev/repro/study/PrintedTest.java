package dev.repro.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PrintedTest {
    @Test
    void parsesJournalNotation() {
        Printed p = Printed.parse("-4,937.897**");
        assertEquals(new BigDecimal("-4937.897"), p.value());
        assertEquals(3, p.decimals());
        assertEquals(2, p.stars());
        Printed t = Printed.parse("(-2.43)");
        assertEquals(new BigDecimal("-2.43"), t.value());
        assertEquals(0, t.stars());
        assertEquals(new BigDecimal("270"), Printed.parse("270").value());
        assertEquals(0, Printed.parse("270").decimals());
        assertEquals(3, Printed.parse("0.937***").stars());
        assertEquals(new BigDecimal("0.001"), Printed.parse("[0.001]").value());
        assertEquals(new BigDecimal(".5").doubleValue(), Printed.parse(".5").value().doubleValue());
        assertEquals(new BigDecimal("-1.5"), Printed.parse("\u22121.5").value());
        assertNull(Printed.parse("Yes"));
        assertNull(Printed.parse(""));
        assertNull(Printed.parse("1,23.4"));
    }

    @Test
    void comparesAtThePrintedPrecisionIncludingTheRoundingEdge() {
        Printed p = Printed.parse("-4,937.897**");
        assertTrue(p.matches(-4937.8965));   // exactly on the edge: rounds either way
        assertTrue(p.matches(-4937.8974999));
        assertTrue(p.matches(-4937.897));
        assertFalse(p.matches(-4937.8964));
        assertFalse(p.matches(-4937.8976));
        Printed t = Printed.parse("(-2.43)");
        assertTrue(t.matches(-2.425));
        assertTrue(t.matches(-2.4349));
        assertFalse(t.matches(-2.4351));
        assertTrue(Printed.parse("270").matches(270));
        assertFalse(Printed.parse("270").matches(271));
    }
}
