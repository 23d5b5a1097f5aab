package dev.repro.study;

/** Where a study entry was written: the study file, the key path, the line and the column. */
public record Located(String source, String key, int line, int column) {
    public static Located of(String source, Node node) {
        return new Located(source, node.path(), node.line(), node.column());
    }

    public Problem problem(String message) {
        return Problem.atKey(source, line, column, key, message);
    }
}
