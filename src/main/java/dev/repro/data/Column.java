package dev.repro.data;

/** One column of a {@link Dataset}, stored as a primitive array. */
public sealed interface Column permits NumericColumn, TextColumn {
    String name();

    int size();

    boolean isMissing(int row);

    /** The cell as the user would read it ("" when missing). */
    String display(int row);

    /** A copy holding only the rows where {@code keep} is true, in order. */
    Column select(boolean[] keep, int kept);

    Column rename(String newName);
}
