package dev.repro.report;

import java.util.List;

/**
 * The study entries a table or figure reads: ids of {@code models}, {@code tests} or {@code mediation}, or
 * names of {@code datasets}; its provenance lists the data files behind them.
 */
record Reads(String section, List<String> ids) {
    Reads {
        ids = List.copyOf(ids);
    }
}
