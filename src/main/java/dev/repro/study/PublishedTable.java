package dev.repro.study;

import dev.repro.diag.Located;

import java.util.List;
import java.util.Objects;

/**
 * The values of a published table as printed, to be compared with the results at the printed precision
 * and star level. Each cell names the result it is (a path into results.json) and, for a coefficient,
 * the p-value that decides its stars.
 */
public record PublishedTable(String name, String source, List<Double> stars, boolean enforce, List<Cell> cells, Located at) {
    public PublishedTable {
        Objects.requireNonNull(name, "name");
        stars = List.copyOf(stars);
        cells = List.copyOf(cells);
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
