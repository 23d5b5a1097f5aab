package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An Im-Pesaran-Shin W-tbar unit-root test of one variable.
 *
 * @param variable the series tested
 * @param test always "ips"
 * @param statistic W-tbar
 * @param p left-tail p-value
 * @param tbar mean of the units' ADF t statistics
 * @param lags the lag order (an Integer), or its mean over units (a Double)
 * @param unitT each unit's ADF t statistic
 * @param unitLags each unit's lag order, when they were selected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"variable", "test", "statistic", "p", "tbar", "expected", "variance", "lags", "lagSelection", "units",
    "deterministic", "h0", "h1", "unitT", "unitLags", "notes"})
public record IpsTest(String variable, String test, Double statistic, Double p, Double tbar, Double expected, Double variance,
                      Number lags, String lagSelection, Integer units, String deterministic, String h0, String h1,
                      List<Double> unitT, List<Integer> unitLags, List<String> notes) implements TestResult {
    public static final String KIND = "ips";

    public IpsTest {
        test = KIND;
        statistic = Numbers.finiteOrNull(statistic);
        p = Numbers.finiteOrNull(p);
        tbar = Numbers.finiteOrNull(tbar);
        expected = Numbers.finiteOrNull(expected);
        variance = Numbers.finiteOrNull(variance);
        unitT = Numbers.finiteOrNull(unitT);
        unitLags = Numbers.copy(unitLags);
        notes = Numbers.nonEmpty(notes);
    }
}
