package dev.repro.data;

/** The text of a number that came from a binary file: whole numbers without a decimal point, others as Java writes them. */
final class NumberText {
    private NumberText() {
    }

    static String of(double v) {
        if (v == Math.rint(v) && Math.abs(v) < CsvColumnBuilder.TWO_53) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
