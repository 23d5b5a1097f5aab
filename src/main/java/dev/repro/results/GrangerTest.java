package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A Dumitrescu-Hurlin panel Granger non-causality test.
 *
 * @param cause the variable that may cause, as the study writes it
 * @param effect the variable that may be caused
 * @param test always "dumitrescu-hurlin"
 * @param lags K
 * @param wbar mean of the units' Wald statistics
 * @param zbar Z-bar, {@code pZbar} its two-sided p-value
 * @param zbarTilde Z-bar tilde and {@code pZbarTilde}: null when T is too short, {@code zbarTildeProblem} says why
 * @param periods T of a balanced panel without gaps, else null
 * @param bootReps with a bootstrap: replications, then its seed (as text), block length, level, p-values and
 *                 critical values; all null without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"cause", "effect", "test", "lags", "wbar", "zbar", "pZbar", "zbarTilde", "pZbarTilde", "zbarTildeProblem",
    "units", "periods", "h0", "h1", "unitWald", "unitP", "bootReps", "bootSeed", "bootBlockLength", "bootLevel", "pZbarBoot",
    "pZbarTildeBoot", "critZbarBoot", "critZbarTildeBoot", "notes"})
public record GrangerTest(String cause, String effect, String test, Integer lags, Double wbar, Double zbar, Double pZbar,
                          Double zbarTilde, Double pZbarTilde, String zbarTildeProblem, Integer units, Integer periods,
                          String h0, String h1, List<Double> unitWald, List<Double> unitP, Integer bootReps, String bootSeed,
                          Integer bootBlockLength, Double bootLevel, Double pZbarBoot, Double pZbarTildeBoot,
                          Double critZbarBoot, Double critZbarTildeBoot, List<String> notes) implements TestResult {
    public static final String KIND = "dumitrescu-hurlin";

    public GrangerTest {
        test = KIND;
        wbar = Numbers.finiteOrNull(wbar);
        zbar = Numbers.finiteOrNull(zbar);
        pZbar = Numbers.finiteOrNull(pZbar);
        zbarTilde = Numbers.finiteOrNull(zbarTilde);
        pZbarTilde = Numbers.finiteOrNull(pZbarTilde);
        unitWald = Numbers.finiteOrNull(unitWald);
        unitP = Numbers.finiteOrNull(unitP);
        bootLevel = Numbers.finiteOrNull(bootLevel);
        pZbarBoot = Numbers.finiteOrNull(pZbarBoot);
        pZbarTildeBoot = Numbers.finiteOrNull(pZbarTildeBoot);
        critZbarBoot = Numbers.finiteOrNull(critZbarBoot);
        critZbarTildeBoot = Numbers.finiteOrNull(critZbarTildeBoot);
        notes = Numbers.nonEmpty(notes);
    }
}
