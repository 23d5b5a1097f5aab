package dev.repro.data;

import java.util.List;
import java.util.Map;

/**
 * What {@link CsvReader#readDetailed} found in a file.
 *
 * @param dataset the dataset, or null when the file had any problem (they are in the caller's Problems)
 * @param header the header's column names in order (empty when there was no usable header); known even
 *               when the dataset is null, so that a caller can still check the study's column references
 * @param textBecause for every column whose type was inferred (no declared type) and came out as text:
 *                    its first cell that is not a number, so that a later "column 'price' is text"
 *                    message can point at the cell that made it so
 */
public record CsvResult(Dataset dataset, List<String> header, Map<String, Cell> textBecause) {

    public CsvResult {
        header = List.copyOf(header);
        textBecause = Map.copyOf(textBecause);
    }

    /** A cell of the file: 1-based physical line and 1-based column index, with its text. */
    public record Cell(int line, int column, String value) {
    }
}
