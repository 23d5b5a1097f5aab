package dev.repro.data;

import java.nio.CharBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The first spelling of each id of an inferred numeric id column: ids written differently that read as the same
 * number ("1" and "01", "7" and "7.0") would merge into one panel unit, so the second spelling is a problem.
 */
final class CsvIdSpellings {
    private final Map<Double, CsvResult.Cell> first = new HashMap<>();

    /**
     * Records the spelling {@code b[vs..ve)} of id {@code v} at (line, column); returns the cell where the id was
     * first written otherwise, or null (first time, or written the same).
     */
    CsvResult.Cell conflict(double v, int line, int column, char[] b, int vs, int ve) {
        CsvResult.Cell seen = first.get(v);
        if (seen == null) {
            first.put(v, new CsvResult.Cell(line, column, new String(b, vs, ve - vs)));
            return null;
        }
        String written = seen.value();
        return written.length() == ve - vs && written.contentEquals(CharBuffer.wrap(b, vs, ve - vs)) ? null : seen;
    }

    /**
     * Folds the first spellings of the next chunk into this one; false when an id of the next chunk was first
     * written otherwise here ("1" then "01"), which the sequential reader reports.
     */
    boolean merge(CsvIdSpellings next, int lineOffset) {
        boolean agree = true;
        for (Map.Entry<Double, CsvResult.Cell> e : next.first.entrySet()) {
            CsvResult.Cell c = e.getValue();
            CsvResult.Cell seen = first.putIfAbsent(e.getKey(), new CsvResult.Cell(c.line() + lineOffset, c.column(), c.value()));
            agree &= seen == null || seen.value().equals(c.value());
        }
        return agree;
    }
}
