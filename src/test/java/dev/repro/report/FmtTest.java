package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number formatting as the seed paper prints it and as C's printf (Stata, R sprintf) rounds. */
class FmtTest {
    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        "-4937.897; 3; -4,937.897",
        "-2.4349; 2; -2.43",
        "12502.2784; 3; 12,502.278",
        "-99147.792; 3; -99,147.792",
        "0.0004; 3; 0.000",
        "-0.0004; 3; 0.000",
        "-0.0; 2; 0.00",
        "2.675; 2; 2.67",
        "0.125; 2; 0.12",
        "0.375; 2; 0.38",
        "1234567.5; 0; 1,234,568",
        "999.9996; 3; 1,000.000",
        "-999.9996; 3; -1,000.000",
        "1e-300; 2; 0.00",
        "123; 0; 123",
        "1234; 0; 1,234"})
    void fixed(double v, int d, String expected) {
        assertEquals(expected, Fmt.fixed(v, d, true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "25823.6; 25,824",
        "0.38412; 0.3841",
        "0.04431; 0.04431",
        "72.8649; 72.86",
        "121.44; 121.4",
        "0.0443; 0.0443",
        "564.6; 564.6",
        "0.0; 0",
        "-0.00001234; -0.00001234",
        "5.0; 5",
        "1000000145.958; 1,000,000,146",
        "-1.99996; -2"})
    void significant(double v, String expected) {
        assertEquals(expected, Fmt.significant(v, 4, true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {"NaN; ''", "Infinity; Inf", "-Infinity; -Inf"})
    void special(double v, String expected) {
        assertEquals(expected, Fmt.fixed(v, 3, true));
        assertEquals(expected, Fmt.significant(v, 4, true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {"12.345; 12.35", "-0.001; 0", "100.0; 100", "72.5; 72.5", "-3.999; -4"})
    void coord(double v, String expected) {
        assertEquals(expected, Fmt.coord(v));
    }
}
