package dev.repro.pipeline;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.results.FisherTest;
import dev.repro.results.GrangerTest;
import dev.repro.results.TestResult;
import dev.repro.study.TestSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics of a specification test that could not be computed (null in results.json) and the likeliest
 * reason, so that estimation fails at the test's key instead of printing n/a where a statistic was asked for (as
 * {@link NotComputed} does for models). Only the statistics a kind always reports count: a Dumitrescu-Hurlin
 * Z-bar tilde left out because T is too short (its {@code zbarTildeProblem} says why) is not a failure.
 */
final class TestNotComputed {
    /** Beyond this magnitude a value's square overflows a double (sqrt of 1.8e308 is about 1.3e154). */
    private static final double SQUARE_OVERFLOW = 1e154;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private TestNotComputed() {
    }

    /** The results.json keys of the test's headline statistics that are null, in file order. */
    static List<String> statistics(TestResult r) {
        Set<String> headline = new LinkedHashSet<>(List.of("statistic", "p"));
        if (r instanceof FisherTest) {
            headline.addAll(List.of("z", "pZ", "lstar", "pLstar", "pm", "pPm"));
        } else if (r instanceof GrangerTest g) {
            headline = new LinkedHashSet<>(List.of("wbar", "zbar", "pZbar"));
            if (g.zbarTildeProblem() == null) {
                headline.addAll(List.of("zbarTilde", "pZbarTilde"));
            }
            if (g.bootReps() != null) {
                headline.add("pZbarBoot");
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.numberKeys().entrySet()) {
            if (e.getValue() == null && headline.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Why: a column the test names holds a value that is not finite or whose square overflows; else the series
     * carry no information the statistic can use.
     */
    static String reason(TestSpec t, Dataset d) {
        for (String key : List.of("variable", "cause", "effect", "formula")) {
            String text = t.string(key);
            if (text == null) {
                continue;
            }
            Matcher m = NAME.matcher(text);
            while (m.find()) {
                Column c = d.column(m.group());
                if (c instanceof NumericColumn n) {
                    String bad = extreme(n);
                    if (bad != null) {
                        return bad;
                    }
                }
            }
        }
        return "the series give no finite value: a unit's series may be constant, too short for the lags, or overflow "
                + "in a transformation such as exp()";
    }

    private static String extreme(NumericColumn c) {
        for (double v : c.values()) {
            if (Double.isInfinite(v)) {
                return "overflow: '" + c.name() + "' has a value that is not finite (" + v + ")";
            }
            if (Math.abs(v) > SQUARE_OVERFLOW) {
                return "overflow: '" + c.name() + "' has the value " + String.format(Locale.ROOT, "%.6g", v)
                        + ", whose square exceeds the largest double; rescale the column";
            }
        }
        return null;
    }
}
