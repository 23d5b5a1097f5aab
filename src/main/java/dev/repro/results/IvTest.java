package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A test of an IV model: its name, statistic, degrees of freedom ({@code df2} left out for a chi-squared test) and
 * p-value (left out for the weak-identification F, read against Stock and Yogo's critical values); a value that
 * could not be computed is null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "statistic", "df1", "df2", "p"})
public record IvTest(String name, Double statistic, Integer df1, Integer df2, Double p) {
    public IvTest {
        statistic = Numbers.finiteOrNull(statistic);
        p = Numbers.finiteOrNull(p);
    }
}
