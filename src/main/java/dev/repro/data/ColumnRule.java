package dev.repro.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The optional schema of one CSV column, as declared under {@code datasets.<name>.columns.<column>}.
 * Every part is optional: a rule with nothing set only asks that the column exists.
 *
 * @param type the fixed type, or null to infer it (min/max imply number; allowed values imply number
 *             when every one of them is a number, text otherwise)
 * @param min the smallest allowed value (inclusive), or null
 * @param max the largest allowed value (inclusive), or null
 * @param allowed the allowed values (compared as numbers in a numeric column, as exact text in a text
 *                column); empty when any value is allowed
 * @param required true when no cell may be missing
 */
public record ColumnRule(Type type, Double min, Double max, List<String> allowed, boolean required) {

    /** The type a column can be declared with ({@code type: number | integer | text}). */
    public enum Type {
        NUMBER, INTEGER, TEXT;

        /** The word used in the study file. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type named by a study-file word ({@code number}, {@code integer}, {@code text}), or null. */
        public static Type parse(String word) {
            if (word == null) {
                return null;
            }
            for (Type t : values()) {
                if (t.keyword().equals(word.trim().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            return null;
        }
    }

    public ColumnRule {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** A rule that only asks for the column to exist. */
    public static ColumnRule any() {
        return new ColumnRule(null, null, null, List.of(), false);
    }

    public static ColumnRule of(Type type) {
        return new ColumnRule(type, null, null, List.of(), false);
    }

    public ColumnRule withType(Type newType) {
        return new ColumnRule(newType, min, max, allowed, required);
    }

    public ColumnRule withMin(Double newMin) {
        return new ColumnRule(type, newMin, max, allowed, required);
    }

    public ColumnRule withMax(Double newMax) {
        return new ColumnRule(type, min, newMax, allowed, required);
    }

    public ColumnRule withAllowed(List<String> values) {
        return new ColumnRule(type, min, max, values, required);
    }

    public ColumnRule withAllowed(String... values) {
        return withAllowed(Arrays.asList(values));
    }

    public ColumnRule withRequired(boolean isRequired) {
        return new ColumnRule(type, min, max, allowed, isRequired);
    }
}
