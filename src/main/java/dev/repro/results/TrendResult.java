package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trend figure's numbers: per period with data (keyed by the period as printed) its time value, count, mean,
 * minimum and maximum, and the y axis with the tick values it prints.
 *
 * @param kind always {@value #KIND}
 * @param dataset the dataset summarised
 * @param variable the variable plotted
 * @param time the time column
 * @param points the periods in increasing time order
 * @param yaxis the y axis: its domain, tick step, decimals of the tick labels and the ticks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "dataset", "variable", "time", "points", "yaxis"})
public record TrendResult(String kind, String dataset, String variable, String time, Map<String, Point> points, Axis yaxis)
        implements FigureResult {
    public static final String KIND = "trend";

    public TrendResult {
        Objects.requireNonNull(kind, "kind");
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
        Objects.requireNonNull(yaxis, "yaxis");
    }

    /** One period: its time value and the moments the figure plots (the mean line, the min-max band). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"time", "n", "mean", "min", "max"})
    public record Point(double time, long n, Double mean, Double min, Double max) {
        public Point {
            mean = Numbers.finiteOrNull(mean);
            min = Numbers.finiteOrNull(min);
            max = Numbers.finiteOrNull(max);
        }
    }

    /** A plot axis: the domain [lo, hi], the tick step, the decimals of the tick labels and the tick values. */
    @JsonPropertyOrder({"lo", "hi", "step", "decimals", "ticks"})
    public record Axis(double lo, double hi, double step, int decimals, List<Double> ticks) {
        public Axis {
            ticks = List.copyOf(ticks);
        }
    }
}
