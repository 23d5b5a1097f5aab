package dev.repro.diag;

import java.util.Objects;

/**
 * One user-facing problem: where it is (a file with line and column, or a study key) and what to do.
 * Problems are collected, never thrown one by one, so that a user sees every mistake in one build.
 *
 * @param source the file the problem is in (as the user named it), never null
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param key the study key path such as {@code models.twfe.formula}, or null when not about a key
 * @param message what was found, what was expected and how to fix it
 */
public record Problem(String source, int line, int column, String key, String message) {

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    public static Problem at(String source, int line, int column, String message) {
        return new Problem(source, line, column, null, message);
    }

    public static Problem atKey(String source, int line, int column, String key, String message) {
        return new Problem(source, line, column, key, message);
    }

    /** {@code file:line:column: key: message}, leaving out the parts that are unknown. */
    public String format() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
