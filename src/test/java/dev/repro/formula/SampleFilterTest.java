package dev.repro.formula;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.study.Located;
import dev.repro.study.Problem;
import dev.repro.study.Problems;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleFilterTest {
    static final Located AT = new Located("study.yaml", "models.m.sample", 7, 13);

    static Dataset data() {
        List<Column> cols = List.of(
                new NumericColumn("year", new double[] {2012, 2013, 2018, 2019, 2020}),
                new NumericColumn("coastal", new double[] {1, 0, 1, Double.NaN, 0}),
                TextColumn.of("province", Arrays.asList("Beijing", "Anhui", "Tianjin", null, "Hebei")));
        return new Dataset("p", "data/p.csv", null, cols, new int[] {2, 3, 4, 5, 6}, null, null);
    }

    static boolean[] eval(String filter) throws FormulaException {
        Problems ps = new Problems();
        boolean[] keep = SampleFilter.parse(filter).evaluate(data(), AT, ps);
        assertEquals(List.of(), ps.list());
        return keep;
    }

    @Test
    void comparisonsAndPrecedence() throws Exception {
        assertArrayEquals(new boolean[] {true, true, true, false, false}, eval("year <= 2018"));
        assertArrayEquals(new boolean[] {true, false, true, false, false}, eval("year <= 2018 and coastal == 1"));
        // not > and > or
        assertArrayEquals(new boolean[] {true, false, true, false, true}, eval("coastal == 1 or year > 2019 and not coastal == 1"));
        assertArrayEquals(new boolean[] {true, false, true, false, false}, eval("(coastal == 1 or year > 2019) and coastal != 0"));
        assertArrayEquals(new boolean[] {true, false, true, false, false}, eval("province in ('Beijing', \"Tianjin\")"));
        assertArrayEquals(new boolean[] {false, true, false, false, true}, eval("province not in ('Beijing', 'Tianjin')"));
        assertArrayEquals(new boolean[] {false, true, false, false, true}, eval("coastal == 0"));
        assertArrayEquals(new boolean[] {false, true, false, false, true}, eval("coastal != 1"));
        assertArrayEquals(new boolean[] {true, true, true, true, false}, eval("year < 2020 and year >= -1"));
    }

    @Test
    void missingCellsCompareFalse() throws Exception {
        boolean[] keep = eval("coastal != 5");
        assertEquals(false, keep[3]);
        assertEquals(false, eval("not province == 'x'")[3] == false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"year = 2018\"               | 6  | expected a comparison (<, <=, >, >=, ==, !=) or 'in' after 'year', found '='; write == to compare",
        "\"year <= \"                  | 9  | expected a number or a quoted text, found the end",
        "\"province == Beijing\"       | 13 | expected a number or a quoted text, found 'Beijing'; put text in quotes: 'Beijing'",
        "\"(year > 1\"                 | 10 | missing ')' to close '(' at character 1",
        "\"year > 1 coastal == 1\"     | 10 | unexpected 'coastal'; join comparisons with 'and' or 'or'",
        "\"year in 2018\"              | 9  | expected '(' and a list of values after 'in'",
        "\"and year > 1\"              | 1  | expected a column name, found 'and'",
    })
    void syntaxErrors(String text, int position, String reason) {
        FormulaException e = assertThrows(FormulaException.class, () -> SampleFilter.parse(text));
        assertEquals(reason, e.reason());
        assertEquals(position, e.position());
    }

    @Test
    void typeAndNameErrorsAreProblems() throws Exception {
        Problems ps = new Problems();
        assertNull(SampleFilter.parse("yaer < 2018 or province == 3 or year == '2018' or province < 'B'").evaluate(data(), AT, ps));
        assertEquals(List.of(
                "study.yaml:7:13: models.m.sample: sample \"yaer < 2018 or province == 3 or year == '2018' or province < 'B'\": unknown variable 'yaer' in dataset p, did you mean 'year'?",
                "study.yaml:7:13: models.m.sample: sample \"yaer < 2018 or province == 3 or year == '2018' or province < 'B'\": 'province' is a text column, compared with the number 3; put the value in quotes, e.g. '3'",
                "study.yaml:7:13: models.m.sample: sample \"yaer < 2018 or province == 3 or year == '2018' or province < 'B'\": 'year' is a number column, compared with the text '2018'; write the value without quotes",
                "study.yaml:7:13: models.m.sample: sample \"yaer < 2018 or province == 3 or year == '2018' or province < 'B'\": text column 'province' can only be compared with == or !="),
                ps.list().stream().map(Problem::format).toList());
    }
}
