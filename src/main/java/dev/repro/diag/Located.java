package dev.repro.diag;


/** Where a study entry was written: the study file, the key path, the line and the column. */
public record Located(String source, String key, int line, int column) {
    public Problem problem(String message) {
        return Problem.atKey(source, line, column, key, message);
    }
}
