package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The numbers a figure computes from data rather than from a model, under {@code figures.<figureId>} of
 * results.json: every value the figure plots or prints (points, axis ticks, class cut points), computed once by
 * {@code estimate}, so that the figure renders from results.json alone and the drift gate covers it. The JSON key
 * {@code kind} names the figure kind. A coefficient plot has none (it prints the models' results).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrendResult.class, name = TrendResult.KIND),
    @JsonSubTypes.Type(value = TileMapResult.class, name = TileMapResult.KIND)})
public sealed interface FigureResult permits TrendResult, TileMapResult {
    /** The figure kind as the study names it: trend, tilemap. */
    String kind();
}
