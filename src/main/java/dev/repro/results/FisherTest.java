package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A Fisher-type unit-root test of one variable (ADF or Phillips-Perron per unit, combined).
 *
 * @param variable the series tested
 * @param test "fisher-adf" or "fisher-pp"
 * @param statistic Maddala-Wu / Choi P
 * @param p P(chi2(df) > P)
 * @param z Choi's inverse normal Z, {@code pZ} its p-value
 * @param lstar Choi's logit L*, {@code pLstar} its p-value on {@code lstarDf} degrees of freedom
 * @param pm the modified inverse chi-squared Pm, {@code pPm} its p-value
 * @param lags the lag order (an Integer), or its mean over units (a Double)
 * @param lagSelection how the ADF lags were given (null for PP)
 * @param unitLags each unit's lag order, when they differ
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"variable", "test", "statistic", "p", "df", "z", "pZ", "lstar", "pLstar", "lstarDf", "pm", "pPm", "units",
    "lags", "lagSelection", "deterministic", "convention", "h0", "h1", "unitStatistics", "unitP", "unitLags", "notes"})
public record FisherTest(String variable, String test, Double statistic, Double p, Integer df, Double z, Double pZ, Double lstar,
                         Double pLstar, Integer lstarDf, Double pm, Double pPm, Integer units, Number lags, String lagSelection,
                         String deterministic, String convention, String h0, String h1, List<Double> unitStatistics,
                         List<Double> unitP, List<Integer> unitLags, List<String> notes) implements TestResult {
    public static final String ADF = "fisher-adf";
    public static final String PP = "fisher-pp";

    public FisherTest {
        if (!ADF.equals(test) && !PP.equals(test)) {
            throw new IllegalArgumentException("a Fisher test is " + ADF + " or " + PP + ", not " + test);
        }
        statistic = Numbers.finiteOrNull(statistic);
        p = Numbers.finiteOrNull(p);
        z = Numbers.finiteOrNull(z);
        pZ = Numbers.finiteOrNull(pZ);
        lstar = Numbers.finiteOrNull(lstar);
        pLstar = Numbers.finiteOrNull(pLstar);
        pm = Numbers.finiteOrNull(pm);
        pPm = Numbers.finiteOrNull(pPm);
        unitStatistics = Numbers.finiteOrNull(unitStatistics);
        unitP = Numbers.finiteOrNull(unitP);
        unitLags = Numbers.copy(unitLags);
        notes = Numbers.nonEmpty(notes);
    }

    /** A result known only by its P statistic, p-value and Choi's statistics (as a paper prints them). */
    public static FisherTest of(String test, String variable, double statistic, double p, Double z, Double lstar, Double pm) {
        return new FisherTest(variable, test, statistic, p, null, z, null, lstar, null, null, pm, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }
}
