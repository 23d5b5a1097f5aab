package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tile map's numbers: the value of every region of the layout at the period shown (null: no data), the range
 * of the values and the cut points of the colour classes the legend prints.
 *
 * @param kind always {@value #KIND}
 * @param dataset the dataset mapped
 * @param variable the variable mapped
 * @param region the column naming the regions
 * @param at the period shown, or null when the dataset has no time column and no {@code at:}
 * @param values every region of the layout in layout order, null when it has no value
 * @param min the smallest value, or null when no region has one
 * @param max the largest value, or null when no region has one
 * @param breaks the classes' cut points from min to max (one class: the one value, twice)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "dataset", "variable", "region", "at", "values", "min", "max", "breaks"})
public record TileMapResult(String kind, String dataset, String variable, String region, Double at, Map<String, Double> values,
                            Double min, Double max, List<Double> breaks) implements FigureResult {
    public static final String KIND = "tilemap";

    public TileMapResult {
        Objects.requireNonNull(kind, "kind");
        at = Numbers.finiteOrNull(at);
        Map<String, Double> v = new LinkedHashMap<>();
        values.forEach((k, x) -> v.put(k, Numbers.finiteOrNull(x)));
        values = Collections.unmodifiableMap(v);
        min = Numbers.finiteOrNull(min);
        max = Numbers.finiteOrNull(max);
        breaks = breaks == null ? List.of() : Numbers.finiteOrNull(new ArrayList<>(breaks));
    }

    /** The number of colour classes the legend shows (0 without values). */
    public int classes() {
        return Math.max(0, breaks.size() - 1);
    }
}
