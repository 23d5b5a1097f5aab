package dev.repro.formula;

import dev.repro.diag.Problem;
import java.util.Objects;

/**
 * Where a formula, sample filter or expression was written in the study file, so that its problems
 * point there: the study file, the line and column of the value (0 when unknown) and the key path
 * such as {@code models.twfe.formula} (may be null).
 */
public record Site(String source, int line, int column, String key) {
    public Site {
        Objects.requireNonNull(source, "source");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /** A problem at this site. */
    public Problem problem(String message) {
        return Problem.atKey(source, line, column, key, message);
    }
}
