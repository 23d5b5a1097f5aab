package dev.repro.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A message shows at most a short, escaped excerpt of what a file holds. */
class ExcerptTest {
    @Test
    void shortPlainTextIsQuoted() {
        assertEquals("'abc'", Excerpt.quoted("abc"));
        assertEquals("''", Excerpt.quoted(""));
    }

    @Test
    void controlAndBidiCharactersAreEscaped() {
        assertEquals("'a\\nb\\r\\tc\\u001B[31m\\u0085\\u202Egnp.exe'", Excerpt.quoted("a\nb\r\tc\u001b[31m\u0085\u202egnp.exe"));
    }

    @Test
    void longTextIsCutAndItsLengthSaid() {
        String line = "root:x:0:0:root:/root:/bin/bash" + "x".repeat(100);
        assertEquals("'" + line.substring(0, 60) + "'... (131 characters)", Excerpt.quoted(line));
    }

    @Test
    void aCharacterIsNeverCutInHalf() {
        String s = "x".repeat(59) + "\uD83D\uDE00" + "tail";
        assertEquals("'" + "x".repeat(59) + "'... (65 characters)", Excerpt.quoted(s));
    }
}
