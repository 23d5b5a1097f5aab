package dev.repro.formula;

import dev.repro.data.Column;
import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks of parsed texts against a dataset: exact messages for unknown columns, types and panel needs. */
class ValidationTest {

    /** Cigar's columns (state is text), as a panel, without panel keys, and with an id but no time. */
    static Dataset dataset(String name) {
        List<Column> cols = new ArrayList<>();
        cols.add(TextColumn.of("state", List.of("AL", "AL", "AK")));
        for (String c : List.of("year", "price", "pop", "pop16", "cpi", "ndi", "sales", "pimin")) {
            cols.add(new NumericColumn(c, new double[] {1, 2, 3}));
        }
        String id = name.equals("cross") ? null : "state";
        String time = name.equals("cigar") ? "year" : null;
        return new Dataset(name, "data/" + name + ".csv", null, cols, new int[] {2, 3, 4}, id, time);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("formula", "cigar", "sales ~ prce + ndi", List.of(
                        "formula \"sales ~ prce + ndi\": unknown variable 'prce' in dataset cigar at character 9; did you mean 'price'?\n"
                        + "    sales ~ prce + ndi\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "sales ~ Price", List.of(
                        "formula \"sales ~ Price\": unknown variable 'Price' in dataset cigar at character 9; did you mean 'price'?\n"
                        + "    sales ~ Price\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "sales ~ pop1", List.of(
                        "formula \"sales ~ pop1\": unknown variable 'pop1' in dataset cigar at character 9; did you mean 'pop' or 'pop16'?\n"
                        + "    sales ~ pop1\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "sales ~ xyz", List.of(
                        "formula \"sales ~ xyz\": unknown variable 'xyz' in dataset cigar at character 9; the columns are 'state', 'year', 'price', 'pop', 'pop16', 'cpi', 'ndi', 'sales' and 'pimin'\n"
                        + "    sales ~ xyz\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "sales ~ L.price", List.of(
                        "formula \"sales ~ L.price\": unknown variable 'L.price' in dataset cigar at character 9; did you mean L(price, 1)?\n"
                        + "    sales ~ L.price\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "sales ~ D2.price", List.of(
                        "formula \"sales ~ D2.price\": unknown variable 'D2.price' in dataset cigar at character 9; did you mean D(D(price))?\n"
                        + "    sales ~ D2.price\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "sales ~ l2.price", List.of(
                        "formula \"sales ~ l2.price\": unknown variable 'l2.price' in dataset cigar at character 9; did you mean L(price, 2)?\n"
                        + "    sales ~ l2.price\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "sales ~ i.year | state", List.of(
                        "formula \"sales ~ i.year | state\": unknown variable 'i.year' in dataset cigar at character 9; write i(year) for one dummy per level, or absorb year as a fixed effect after '|'\n"
                        + "    sales ~ i.year | state\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "sales ~ state", List.of(
                        "formula \"sales ~ state\": variable 'state' of dataset cigar is text, not numeric at character 9; write i(state) for one dummy per category, or absorb it as a fixed effect after '|'\n"
                        + "    sales ~ state\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "state ~ price", List.of(
                        "formula \"state ~ price\": variable 'state' of dataset cigar is text, not numeric at character 1; the dependent variable must be numeric\n"
                        + "    state ~ price\n"
                        + "    ^")),
                Arguments.of("formula", "cigar", "sales ~ price | stat", List.of(
                        "formula \"sales ~ price | stat\": unknown variable 'stat' in dataset cigar at character 17; did you mean 'state'?\n"
                        + "    sales ~ price | stat\n"
                        + "                    ^")),
                Arguments.of("formula", "cigar", "sales ~ prce + log(prce)", List.of(
                        "formula \"sales ~ prce + log(prce)\": unknown variable 'prce' in dataset cigar at character 9; did you mean 'price'?\n"
                        + "    sales ~ prce + log(prce)\n"
                        + "            ^")),
                Arguments.of("formula", "cigar", "slaes ~ prce | yr^state", List.of(
                        "formula \"slaes ~ prce | yr^state\": unknown variable 'slaes' in dataset cigar at character 1; did you mean 'sales'?\n"
                        + "    slaes ~ prce | yr^state\n"
                        + "    ^",
                        "formula \"slaes ~ prce | yr^state\": unknown variable 'prce' in dataset cigar at character 9; did you mean 'price'?\n"
                        + "    slaes ~ prce | yr^state\n"
                        + "            ^",
                        "formula \"slaes ~ prce | yr^state\": unknown variable 'yr' in dataset cigar at character 16; the columns are 'state', 'year', 'price', 'pop', 'pop16', 'cpi', 'ndi', 'sales' and 'pimin'\n"
                        + "    slaes ~ prce | yr^state\n"
                        + "                   ^")),
                Arguments.of("formula", "cigar", "sales ~ prices", List.of(
                        "formula \"sales ~ prices\": unknown variable 'prices' in dataset cigar at character 9; did you mean 'price'?\n"
                        + "    sales ~ prices\n"
                        + "            ^")),
                Arguments.of("formula", "cross", "sales ~ L(price, 1) + D(ndi)", List.of(
                        "formula \"sales ~ L(price, 1) + D(ndi)\": L(price, 1) needs a panel dataset, but dataset cross has no id and time at character 9; declare id: and time: for dataset cross in the study file\n"
                        + "    sales ~ L(price, 1) + D(ndi)\n"
                        + "            ^")),
                Arguments.of("formula", "half", "sales ~ D(ndi)", List.of(
                        "formula \"sales ~ D(ndi)\": D(ndi) needs a panel dataset, but dataset half has no time at character 9; declare id: and time: for dataset half in the study file\n"
                        + "    sales ~ D(ndi)\n"
                        + "            ^")),
                Arguments.of("sample", "cigar", "year <= 80 and stat == 'AL'", List.of(
                        "sample \"year <= 80 and stat == 'AL'\": unknown variable 'stat' in dataset cigar at character 16; did you mean 'state'?\n"
                        + "    year <= 80 and stat == 'AL'\n"
                        + "                   ^")),
                Arguments.of("sample", "cigar", "state == 1", List.of(
                        "sample \"state == 1\": variable 'state' is text and cannot be compared with a number at character 10; put the value in quotes, as in state == '1'\n"
                        + "    state == 1\n"
                        + "             ^")),
                Arguments.of("sample", "cigar", "year == '1980'", List.of(
                        "sample \"year == '1980'\": variable 'year' is numeric and cannot be compared with text '1980' at character 9; remove the quotes: year == 1980\n"
                        + "    year == '1980'\n"
                        + "            ^")),
                Arguments.of("sample", "cigar", "year > ' 1980'", List.of(
                        "sample \"year > ' 1980'\": variable 'year' is numeric and cannot be compared with text ' 1980' at character 8; remove the quotes: year > 1980\n"
                        + "    year > ' 1980'\n"
                        + "           ^")),
                Arguments.of("sample", "cigar", "'1e3' <= year", List.of(
                        "sample \"'1e3' <= year\": variable 'year' is numeric and cannot be compared with text '1e3' at character 1; remove the quotes: 1000 <= year\n"
                        + "    '1e3' <= year\n"
                        + "    ^")),
                Arguments.of("sample", "cigar", "year == '0x1p3'", List.of(
                        "sample \"year == '0x1p3'\": variable 'year' is numeric and cannot be compared with text '0x1p3' at character 9\n"
                        + "    year == '0x1p3'\n"
                        + "            ^")),
                Arguments.of("sample", "cigar", "year == 'abc'", List.of(
                        "sample \"year == 'abc'\": variable 'year' is numeric and cannot be compared with text 'abc' at character 9\n"
                        + "    year == 'abc'\n"
                        + "            ^")),
                Arguments.of("sample", "cigar", "state < 'AL'", List.of(
                        "sample \"state < 'AL'\": text cannot be compared with '<' at character 7; compare text with == or !=\n"
                        + "    state < 'AL'\n"
                        + "          ^")),
                Arguments.of("sample", "cigar", "state not in (1, 2)", List.of(
                        "sample \"state not in (1, 2)\": variable 'state' is text and cannot be compared with a number at character 15; put the values in quotes, as in state not in ('1', '2')\n"
                        + "    state not in (1, 2)\n"
                        + "                  ^")),
                Arguments.of("sample", "cigar", "year in ('1980', '1981')", List.of(
                        "sample \"year in ('1980', '1981')\": variable 'year' is numeric and cannot be compared with text '1980' at character 10; remove the quotes\n"
                        + "    year in ('1980', '1981')\n"
                        + "             ^")),
                Arguments.of("sample", "cigar", "'a' == 'b'", List.of(
                        "sample \"'a' == 'b'\": both sides of '==' are quoted text at character 1; compare a column with a value, as in state == 'AL'\n"
                        + "    'a' == 'b'\n"
                        + "    ^")),
                Arguments.of("sample", "cigar", "log(state) > 1", List.of(
                        "sample \"log(state) > 1\": variable 'state' of dataset cigar is text, not numeric at character 5; text columns can only be compared with quoted text, as in state == 'AL'\n"
                        + "    log(state) > 1\n"
                        + "        ^")),
                Arguments.of("sample", "cigar", "1 == state", List.of(
                        "sample \"1 == state\": variable 'state' is text and cannot be compared with a number at character 1; put the value in quotes, as in state == '1'\n"
                        + "    1 == state\n"
                        + "    ^")),
                Arguments.of("sample", "cigar", "state == year", List.of(
                        "sample \"state == year\": variable 'state' is text and cannot be compared with a number at character 10; text columns can only be compared with quoted text, as in state == 'AL'\n"
                        + "    state == year\n"
                        + "             ^")),
                Arguments.of("sample", "cigar", "price + state > 1", List.of(
                        "sample \"price + state > 1\": variable 'state' of dataset cigar is text, not numeric at character 9; text columns can only be compared with quoted text, as in state == 'AL'\n"
                        + "    price + state > 1\n"
                        + "            ^")),
                Arguments.of("sample", "cross", "L(price, 1) > 0", List.of(
                        "sample \"L(price, 1) > 0\": L(price, 1) needs a panel dataset, but dataset cross has no id and time at character 1; declare id: and time: for dataset cross in the study file\n"
                        + "    L(price, 1) > 0\n"
                        + "    ^")),
                Arguments.of("expression", "cigar", "prce * 2", List.of(
                        "expression \"prce * 2\": unknown variable 'prce' in dataset cigar at character 1; did you mean 'price'?\n"
                        + "    prce * 2\n"
                        + "    ^")),
                Arguments.of("expression", "cigar", "state + 1", List.of(
                        "expression \"state + 1\": variable 'state' of dataset cigar is text, not numeric at character 1; text columns can only be compared, as in ifelse(state == 'AL', 1, 0)\n"
                        + "    state + 1\n"
                        + "    ^")),
                Arguments.of("expression", "cigar", "ifelse(sate == 'AL', price, 0)", List.of(
                        "expression \"ifelse(sate == 'AL', price, 0)\": unknown variable 'sate' in dataset cigar at character 8; did you mean 'state'?\n"
                        + "    ifelse(sate == 'AL', price, 0)\n"
                        + "           ^")));
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("mistakes")
    void exactMessages(String kind, String dataset, String text, List<String> expected) throws FormulaException {
        Dataset d = dataset(dataset);
        List<TextProblem> found = switch (kind) {
            case "formula" -> Formula.parse(text).check(d);
            case "sample" -> SampleFilter.parse(text).check(d);
            default -> Expression.parse(text).check(d);
        };
        assertEquals(expected, found.stream().map(TextProblem::render).toList());
    }

    @Test
    void validTextsHaveNoProblem() throws FormulaException {
        Dataset d = dataset("cigar");
        assertEquals(List.of(), Formula.parse("log(sales) ~ L(log(sales), 1:2) + D(price) + sqrt(ndi) | state + state^year").check(d));
        assertEquals(List.of(), SampleFilter.parse("year <= 80 and state in ('AL', 'AK') or not (log(price) > 1 and state != 'AL')").check(d));
        assertEquals(List.of(), SampleFilter.parse("state == state and 'AL' == state").check(d));
        assertEquals(List.of(), Expression.parse("ifelse(state == 'AL', L(price, 1) / cpi, -price^2)").check(d));
    }

    @Test
    void problemsGoToTheSite() throws FormulaException {
        Problems problems = new Problems();
        Located site = new Located("study.yaml", "models.twfe.formula", 12, 14);
        assertFalse(Formula.parse("sales ~ prce").check(dataset("cigar"), site, problems));
        assertEquals(1, problems.size());
        assertEquals("study.yaml:12:14: models.twfe.formula: formula \"sales ~ prce\": unknown variable 'prce' in dataset cigar"
                + " at character 9; did you mean 'price'?\n"
                + "    sales ~ prce\n"
                + "            ^", problems.list().get(0).format());
        assertTrue(Formula.parse("sales ~ price").check(dataset("cigar"), site, problems));
        assertEquals(1, problems.size());
    }

    @Test
    void parseMistakesGoToTheSite() {
        Problems problems = new Problems();
        Located site = new Located("study.yaml", "models.m.sample", 3, 12);
        assertTrue(SampleFilter.parse("year = 1", site, problems).isEmpty());
        assertTrue(Formula.parse("y ~", new Located("study.yaml", "models.m.formula", 2, 5), problems).isEmpty());
        assertTrue(Expression.parse("x +", new Located("study.yaml", null, 9, 7), problems).isEmpty());
        assertTrue(Expression.parse("x + 1", new Located("study.yaml", null, 9, 7), problems).isPresent());
        assertEquals(List.of(
                "study.yaml:3:12: models.m.sample: sample \"year = 1\": '=' is not a comparison at character 6; write '==' to test equality\n"
                        + "    year = 1\n"
                        + "         ^",
                "study.yaml:2:5: models.m.formula: formula \"y ~\": expected a term after '~' at the end of the formula\n"
                        + "    y ~\n"
                        + "       ^",
                "study.yaml:9:7: expression \"x +\": expected a value after '+' at the end of the expression\n"
                        + "    x +\n"
                        + "       ^"),
                problems.list().stream().map(p -> p.format()).toList());
    }

    @Test
    void manyColumnsAreCutInTheList() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            names.add("v" + i);
        }
        assertEquals("the columns are 'v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10', 'v11' and 3 more",
                Hints.column("zzzz", names, true));
        assertEquals("did you mean 'population'?", Hints.column("popul", List.of("year", "population"), true));
        assertEquals("did you mean 'price'?", Hints.column("pirce", List.of("year", "price"), true));
        assertEquals("a missing value is not written in a comparison: a comparison with a missing cell is unknown and its row"
                + " is dropped", Hints.column("NA", List.of("year", "price"), false));
    }

    @Test
    void aMostlyNumericColumnMadeTextNamesTheCellAndTheFix(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("gas.csv");
        Files.writeString(csv, "id,t,lrpmg\n1,1,0.5\n1,2,n/a\n2,1,0.7\n2,2,0.9\n");
        Problems read = new Problems();
        Dataset gas = CsvReader.read(csv, CsvOptions.builder("gas", "data/gas.csv").id("id").time("t").build(), read);
        assertTrue(read.isEmpty());
        assertEquals(List.of("formula \"t ~ lrpmg\": variable 'lrpmg' of dataset gas is text, not numeric at character 5;"
                + " data/gas.csv:3:3: column 'lrpmg' is numeric except for 'n/a' here;"
                + " declare the text as missing (missing: [\"\", \"NA\", \".\", \"n/a\"]) or fix the cell"),
                Formula.parse("t ~ lrpmg").check(gas).stream().map(TextProblem::headline).toList());
    }
}
