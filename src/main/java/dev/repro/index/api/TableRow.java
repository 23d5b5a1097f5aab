package dev.repro.index.api;

import java.util.Map;

/** A row of an auxiliary table (weights, yearly statistics, cut points) that renderers and the manifest can read. */
public interface TableRow {
    /** The row's fields in display order; values are String, Integer, Long, Double, Boolean or null. */
    Map<String, Object> toMap();
}
