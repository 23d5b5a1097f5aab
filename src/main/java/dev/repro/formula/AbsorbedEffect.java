package dev.repro.formula;

import java.util.List;

/**
 * One absorbed fixed effect after {@code |}: a column ({@code state}), or an interaction of columns
 * ({@code region^year}) absorbed as one effect with a level per observed combination.
 *
 * @param columns the columns, in the order written (at least one, no repeats)
 * @param position 0-based position in the formula text, or -1 when built in code
 */
public record AbsorbedEffect(List<String> columns, int position) {
    public AbsorbedEffect {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an absorbed effect needs a column");
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("an interaction repeats a column: " + columns);
        }
    }

    /** The canonical name: {@code state}, {@code region^year}, names in backquotes where needed. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            if (!sb.isEmpty()) {
                sb.append('^');
            }
            sb.append(Texts.name(c));
        }
        return sb.toString();
    }

    public boolean isInteraction() {
        return columns.size() > 1;
    }

    /** Equal when the columns are the same, in the same order; the position does not take part. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AbsorbedEffect e && e.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return label();
    }
}
