package dev.repro.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a column without a declared type has seen, for the explanation of a column that turned text although
 * most of its cells are numbers ({@link InferredText}): its number and text cells, the first text cell, the lines
 * of the next few text cells and the first distinct texts.
 */
final class CsvInferenceTally {
    private int numbers;
    private int texts;
    private final List<Integer> textLines = new ArrayList<>();
    private final Set<String> shown = new LinkedHashSet<>();
    /** The first cell that made the column text (line, 1-based column, value). */
    CsvResult.Cell first;

    void number() {
        numbers++;
    }

    /** Counts a non-missing cell; keeps where the first few text cells are and what they say. */
    void cell(boolean number, int line, char[] b, int vs, int ve) {
        if (number) {
            numbers++;
            return;
        }
        if (texts > 0 && textLines.size() < InferredText.LINES_SHOWN) {
            textLines.add(line);
        }
        if (shown.size() < InferredText.LINES_SHOWN) {
            shown.add(new String(b, vs, ve - vs));
        }
        texts++;
    }

    /** Whether the next text cell would still be kept (its line or its text), so that it must be given as text. */
    boolean keepsText() {
        return texts == 0 || textLines.size() < InferredText.LINES_SHOWN || shown.size() < InferredText.LINES_SHOWN;
    }

    /** Counts a text cell that {@link #keepsText} said need not be kept. */
    void countText() {
        texts++;
    }

    /** The explanation, or null when the column is numeric or its text cells are as many as its numbers. */
    InferredText explain(String file, List<String> missing) {
        if (first == null || texts == 0 || numbers <= texts) {
            return null;
        }
        return new InferredText(file, first.line(), first.column(), first.value(), texts - 1, textLines, shown, missing);
    }

    /**
     * Folds the tally of the same column in the next chunk into this one, as if its cells had followed here;
     * {@code lineOffset} turns the chunk's lines into the file's.
     */
    void merge(CsvInferenceTally next, int lineOffset) {
        numbers += next.numbers;
        if (next.texts > 0) {
            List<Integer> lines = new ArrayList<>(next.textLines.size() + 1);
            lines.add(next.first.line());
            lines.addAll(next.textLines);
            for (int k = 0; k < lines.size(); k++) {
                if (texts + k > 0 && textLines.size() < InferredText.LINES_SHOWN) {
                    textLines.add(lines.get(k) + lineOffset);
                }
            }
            for (String t : next.shown) {
                if (shown.size() < InferredText.LINES_SHOWN) {
                    shown.add(t);
                }
            }
            if (first == null) {
                first = new CsvResult.Cell(next.first.line() + lineOffset, next.first.column(), next.first.value());
            }
            texts += next.texts;
        }
    }
}
