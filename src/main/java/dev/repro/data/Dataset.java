package dev.repro.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An immutable columnar table: every column has {@link #rows()} cells stored in a primitive array.
 * {@code lines[i]} is the 1-based line in {@link #source()} where row i started, so that later steps
 * (formulas, index builders) can name the offending row; derived datasets keep the lines of their rows.
 *
 * <p>A dataset may carry its columns' display labels from the file (Stata's variable labels), which tables use
 * when the study gives none ({@link #variableLabels()}); they follow the columns through selections.
 *
 * <p>A dataset also owns the structures computed from it once and reused by every model on it (such as
 * the panel row order of the formula layer, see {@link #derived}): they live and die with the dataset.
 */
public final class Dataset {
    private final String name;
    private final String source;
    private final String sha256;
    private final int rows;
    private final LinkedHashMap<String, Column> columns;
    private final int[] lines;
    private final String idColumn;
    private final String timeColumn;
    private final Map<String, String> variableLabels;
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    public Dataset(String name, String source, String sha256, List<Column> columns, int[] lines,
                   String idColumn, String timeColumn) {
        this(name, source, sha256, columns, lines, idColumn, timeColumn, Map.of());
    }

    private Dataset(String name, String source, String sha256, List<Column> columns, int[] lines,
                    String idColumn, String timeColumn, Map<String, String> labels) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.sha256 = sha256;
        this.lines = Objects.requireNonNull(lines, "lines");
        this.rows = lines.length;
        this.columns = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " cells, dataset has " + rows + " rows");
            }
            if (this.columns.put(c.name(), c) != null) {
                throw new IllegalArgumentException("duplicate column " + c.name());
            }
        }
        if (idColumn != null && !this.columns.containsKey(idColumn)) {
            throw new IllegalArgumentException("id column " + idColumn + " not in dataset " + name);
        }
        if (timeColumn != null && !(this.columns.get(timeColumn) instanceof NumericColumn)) {
            throw new IllegalArgumentException("time column " + timeColumn + " must be a numeric column of dataset " + name);
        }
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        LinkedHashMap<String, String> kept = new LinkedHashMap<>();
        labels.forEach((column, label) -> {
            if (this.columns.containsKey(column) && label != null && !label.isBlank()) {
                kept.put(column, label);
            }
        });
        this.variableLabels = Collections.unmodifiableMap(kept);
    }

    /** The study's name for this dataset. */
    public String name() {
        return name;
    }

    /** The file the rows came from, as the user named it (for messages). */
    public String source() {
        return source;
    }

    /** SHA-256 of the input file in lower-case hex, or null for a derived dataset. */
    public String sha256() {
        return sha256;
    }

    public int rows() {
        return rows;
    }

    public List<String> columnNames() {
        return Collections.unmodifiableList(new ArrayList<>(columns.keySet()));
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The column, or null when there is none of that name. */
    public Column column(String column) {
        return columns.get(column);
    }

    public NumericColumn numeric(String column) {
        Column c = columns.get(column);
        if (c instanceof NumericColumn n) {
            return n;
        }
        throw new IllegalArgumentException(c == null ? "no column " + column + " in dataset " + name
                : "column " + column + " of dataset " + name + " is text, not numeric");
    }

    /** 1-based source line of a row. */
    public int line(int row) {
        return lines[row];
    }

    /** The backing line array (no copy): read-only by convention. */
    public int[] lines() {
        return lines;
    }

    public String idColumn() {
        return idColumn;
    }

    public String timeColumn() {
        return timeColumn;
    }

    public boolean isPanel() {
        return idColumn != null && timeColumn != null;
    }

    /**
     * Integer codes 0..levels-1 for the values of any column (text or number), in order of first
     * appearance; -1 for a missing cell. Used for fixed effects, clusters and panel units.
     */
    public Codes codes(String column) {
        Column c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException("no column " + column + " in dataset " + name);
        }
        if (c instanceof TextColumn t) {
            return new Codes(t.codes().clone(), t.levels());
        }
        double[] v = ((NumericColumn) c).values();
        int[] codes = new int[rows];
        Map<Double, Integer> dict = new HashMap<>();
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (Double.isNaN(v[i])) {
                codes[i] = -1;
                continue;
            }
            Integer code = dict.get(v[i]);
            if (code == null) {
                code = levels.size();
                dict.put(v[i], code);
                levels.add(c.display(i));
            }
            codes[i] = code;
        }
        return new Codes(codes, levels.toArray(new String[0]));
    }

    /** Integer codes of a column with their level labels. */
    public record Codes(int[] codes, String[] levels) {
        public int levelCount() {
            return levels.length;
        }
    }

    /** A dataset holding only the rows where {@code keep} is true. */
    public Dataset select(boolean[] keep) {
        if (keep.length != rows) {
            throw new IllegalArgumentException("selection has " + keep.length + " flags, dataset has " + rows + " rows");
        }
        int kept = 0;
        for (boolean b : keep) {
            if (b) {
                kept++;
            }
        }
        List<Column> cols = new ArrayList<>(columns.size());
        for (Column c : columns.values()) {
            cols.add(c.select(keep, kept));
        }
        int[] ls = new int[kept];
        int j = 0;
        for (int i = 0; i < rows; i++) {
            if (keep[i]) {
                ls[j++] = lines[i];
            }
        }
        return new Dataset(name, source, sha256, cols, ls, idColumn, timeColumn, variableLabels);
    }

    /** A dataset with one more column, or the named column replaced. */
    public Dataset withColumn(Column column) {
        List<Column> cols = new ArrayList<>(columns.size() + 1);
        boolean replaced = false;
        for (Column c : columns.values()) {
            if (c.name().equals(column.name())) {
                cols.add(column);
                replaced = true;
            } else {
                cols.add(c);
            }
        }
        if (!replaced) {
            cols.add(column);
        }
        return new Dataset(name, source, sha256, cols, lines, idColumn, timeColumn, variableLabels);
    }

    /** The display labels the file gives its columns (column name to label, non-empty labels of present columns only). */
    public Map<String, String> variableLabels() {
        return variableLabels;
    }

    /** This dataset with the file's display labels of its columns; labels of absent columns and empty ones are left out. */
    public Dataset withVariableLabels(Map<String, String> labels) {
        return new Dataset(name, source, sha256, new ArrayList<>(columns.values()), lines, idColumn, timeColumn, labels);
    }

    /**
     * The structure of type {@code kind} computed from this dataset, by {@code compute} on the first
     * request only. The dataset is immutable, so the result stays valid as long as the dataset lives;
     * a higher layer keeps its per-dataset indexes here instead of in a cache of its own.
     */
    public <T> T derived(Class<T> kind, Function<Dataset, T> compute) {
        return kind.cast(derived.computeIfAbsent(kind, k -> compute.apply(this)));
    }

    public List<Column> columns() {
        return List.copyOf(columns.values());
    }
}
