package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The {@code info} of a model in results.json: how it was computed, beside its statistics. Each estimator
 * family has its own record; the JSON carries no kind, the records are told apart by their keys.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(LinearInfo.class), @JsonSubTypes.Type(GmmInfo.class), @JsonSubTypes.Type(PpmlInfo.class),
    @JsonSubTypes.Type(IvInfo.class)})
public sealed interface ModelInfo permits LinearInfo, GmmInfo, PpmlInfo, IvInfo {
}
