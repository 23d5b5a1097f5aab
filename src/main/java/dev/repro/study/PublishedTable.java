package dev.repro.study;

import dev.repro.diag.Located;

import java.util.List;
import java.util.Objects;

/**
 * The values of a published table as printed, to be compared with the results at the printed precision
 * and star level. Each cell names the result it is (a path into results.json) and, for a coefficient,
 * the p-value that decides its stars.
 *
 * @param mode {@link Mode#GATE}: the results must reproduce every cell (the build fails unless {@code enforce} is
 *             false); {@link Mode#COMPARE}: every cell is graded and the table summarised, never failing the build
 */
public record PublishedTable(String name, String source, List<Double> stars, boolean enforce, Mode mode, List<Cell> cells,
                             Located at) {
    /** What a published table is for: a gate at printed precision, or a graded comparison. */
    public enum Mode {
        GATE("gate"), COMPARE("compare");

        private final String word;

        Mode(String word) {
            this.word = word;
        }

        /** The word of {@code mode:} in the study file. */
        public String word() {
            return word;
        }
    }

    public PublishedTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        stars = List.copyOf(stars);
        cells = List.copyOf(cells);
    }

    /** A gate ({@code mode: gate}, the default). */
    public PublishedTable(String name, String source, List<Double> stars, boolean enforce, List<Cell> cells, Located at) {
        this(name, source, stars, enforce, Mode.GATE, cells, at);
    }

    /** The same table with only the given cells (those a replication without restricted data can check). */
    public PublishedTable withCells(List<Cell> kept) {
        return new PublishedTable(name, source, stars, enforce, mode, kept, at);
    }

    /**
     * @param item path of the number in results.json, e.g. {@code models.m1.coefficients.open.estimate}
     * @param printed the cell as printed, e.g. {@code -4,937.897**}
     * @param pItem the p-value deciding the printed stars, or null when the cell carries none
     */
    public record Cell(String item, String printed, String pItem, Located at) {
        public Cell {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(printed, "printed");
        }
    }
}
