package dev.repro.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every syntax error of the three languages, with its exact message and caret line, as listed in
 * src/test/resources/formula/{formula,sample,expression}-errors.txt (reviewed by hand).
 */
class SyntaxErrorsTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String kind : List.of("formula", "sample", "expression")) {
            String all;
            try (InputStream in = SyntaxErrorsTest.class.getResourceAsStream("/formula/" + kind + "-errors.txt")) {
                all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String input = null;
            StringBuilder expected = new StringBuilder();
            for (String line : (all + "\n").split("\n", -1)) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("> ")) {
                    input = line.substring(2).replace("\\t", "\t");
                    expected.setLength(0);
                } else if (line.isEmpty()) {
                    if (input != null) {
                        out.add(Arguments.of(kind, input, expected.toString()));
                        input = null;
                    }
                } else if (input != null) {
                    if (expected.length() > 0) {
                        expected.append('\n');
                    }
                    expected.append(line);
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void exactMessage(String kind, String input, String expected) {
        FormulaException e = assertThrows(FormulaException.class, () -> parse(kind, input));
        assertEquals(expected, e.getMessage());
        assertEquals(expected, e.problem().render());
    }

    private static void parse(String kind, String text) throws FormulaException {
        switch (kind) {
            case "formula" -> Formula.parse(text);
            case "sample" -> SampleFilter.parse(text);
            default -> Expression.parse(text);
        }
    }

    @Test
    void blankTextsHaveNoCaret() {
        assertEquals("formula \"\": the formula is empty; write it as y ~ x1 + x2",
                assertThrows(FormulaException.class, () -> Formula.parse("")).getMessage());
        assertEquals("formula \"  \": the formula is empty; write it as y ~ x1 + x2",
                assertThrows(FormulaException.class, () -> Formula.parse("  ")).getMessage());
        assertEquals("sample \"\": the sample filter is empty; write a condition such as year <= 2018, or remove the key",
                assertThrows(FormulaException.class, () -> SampleFilter.parse("")).getMessage());
        assertEquals("expression \" \": the expression is empty; write a value such as log(x) or x / y",
                assertThrows(FormulaException.class, () -> Expression.parse(" ")).getMessage());
        assertEquals("gmm \"\": the term list is empty; write terms joined by '+', as in L(y, 2:4) + x",
                assertThrows(FormulaException.class, () -> Formula.parseTerms("", "gmm")).getMessage());
    }

    @Test
    void positionsAreReportedBothWays() {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("sales ~ price + | state"));
        TextProblem p = e.problem();
        assertEquals(16, p.position());
        assertEquals(17, p.character());
        assertEquals("expected a term after '+'", p.message());
        assertEquals(null, p.hint());
        assertEquals("formula \"sales ~ price + | state\": expected a term after '+' at character 17", p.headline());
        assertEquals(17, e.character());
        assertEquals("expected a term after '+'", e.reason());
    }

    @Test
    void caretsCountTerminalColumns() {
        // CJK and full-width characters take two columns of a console, combining marks none
        assertEquals(0, TextProblem.columns("abc", 0));
        assertEquals(3, TextProblem.columns("abc", 3));
        assertEquals(6, TextProblem.columns("碳排放", 3));
        assertEquals(5, TextProblem.columns("（x）", 3));
        assertEquals(2, TextProblem.columns("e\u0301x", 3));
        assertEquals(6, TextProblem.columns("x 한국", 4));
        assertEquals(1, TextProblem.columns("\uD835\uDC65", 2));
        assertEquals(2, TextProblem.columns("\uD840\uDC00", 2));
        // a decomposed é (e and a combining acute accent) is a plain name of one column on screen, two code points
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("e\u0301 ~ x +"));
        assertEquals(9, e.character());
        assertEquals("formula \"e\u0301 ~ x +\": expected a term after '+' at the end of the formula\n"
                + "    e\u0301 ~ x +\n"
                + "           ^", e.getMessage());
    }

    @Test
    void charactersCountCodePoints() {
        // a character outside the BMP counts once, so the caret and the number agree with what the user sees
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("`\uD835\uDC65` ~ x +"));
        assertEquals("formula \"`\uD835\uDC65` ~ x +\": expected a term after '+' at the end of the formula\n"
                + "    `\uD835\uDC65` ~ x +\n"
                + "             ^", e.getMessage());
        e = assertThrows(FormulaException.class, () -> Formula.parse("`\uD835\uDC65` ~ x $"));
        assertEquals(9, e.problem().character());
    }

    @Test
    void lineBreaksInTheTextKeepTheCaretAligned() {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("y ~ x +\n  | s"));
        assertEquals("formula \"y ~ x +   | s\": expected a term after '+' at character 11\n"
                + "    y ~ x +   | s\n"
                + "              ^", e.getMessage());
    }

    @Test
    void termListsNameTheirKey() {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parseTerms("L(log(sales), 4:2)", "gmm"));
        assertEquals("gmm \"L(log(sales), 4:2)\": the lag range 4:2 is empty at character 15; write the smaller lag first, as in 2:4\n"
                + "    L(log(sales), 4:2)\n"
                + "                  ^", e.getMessage());
        e = assertThrows(FormulaException.class, () -> Formula.parseTerms("L(y, 2) | s", "gmm"));
        assertEquals("gmm \"L(y, 2) | s\": unexpected '|' at character 9; a term list has no absorbed effects\n"
                + "    L(y, 2) | s\n"
                + "            ^", e.getMessage());
        e = assertThrows(FormulaException.class, () -> Formula.parseTerms("L(y, 2) +", "gmm"));
        assertEquals("gmm \"L(y, 2) +\": expected a term after '+' at the end of the term list\n"
                + "    L(y, 2) +\n"
                + "             ^", e.getMessage());
    }
}
