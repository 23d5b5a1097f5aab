package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A Levin-Lin-Chu unit-root test of one variable.
 *
 * @param variable the series tested, as the study writes it
 * @param test always "llc"
 * @param statistic the adjusted t statistic t*
 * @param p left-tail p-value
 * @param lags the lag order: an Integer, or the mean (a Double) when it differs by unit
 * @param lagSelection how the lags were given
 * @param unitLags each unit's lag order, when they were selected
 * @param notes remarks on the computation; left out when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"variable", "test", "statistic", "p", "delta", "seDelta", "tDelta", "lags", "lagSelection", "bandwidth",
    "sbar", "sigmaEps2", "tTilde", "mu", "sigma", "units", "periods", "deterministic", "h0", "h1", "unitLags", "notes"})
public record LlcTest(String variable, String test, Double statistic, Double p, Double delta, Double seDelta, Double tDelta,
                      Number lags, String lagSelection, Integer bandwidth, Double sbar, Double sigmaEps2, Double tTilde,
                      Double mu, Double sigma, Integer units, Integer periods, String deterministic, String h0, String h1,
                      List<Integer> unitLags, List<String> notes) implements TestResult {
    public static final String KIND = "llc";

    public LlcTest {
        test = KIND;
        statistic = Numbers.finiteOrNull(statistic);
        p = Numbers.finiteOrNull(p);
        delta = Numbers.finiteOrNull(delta);
        seDelta = Numbers.finiteOrNull(seDelta);
        tDelta = Numbers.finiteOrNull(tDelta);
        sbar = Numbers.finiteOrNull(sbar);
        sigmaEps2 = Numbers.finiteOrNull(sigmaEps2);
        tTilde = Numbers.finiteOrNull(tTilde);
        mu = Numbers.finiteOrNull(mu);
        sigma = Numbers.finiteOrNull(sigma);
        unitLags = Numbers.copy(unitLags);
        notes = Numbers.nonEmpty(notes);
    }

    /** A result known only by its statistic and p-value. */
    public static LlcTest of(String variable, double statistic, double p) {
        return new LlcTest(variable, KIND, statistic, p, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
