package dev.repro.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Text stored as dictionary codes: {@code codes[row]} indexes {@code levels}, -1 is missing.
 * Levels keep the order of first appearance, so codes are deterministic for a given file.
 */
public final class TextColumn implements Column {
    private final String name;
    private final int[] codes;
    private final String[] levels;
    private final InferredText inferred;

    public TextColumn(String name, int[] codes, String[] levels) {
        this(name, codes, levels, null);
    }

    private TextColumn(String name, int[] codes, String[] levels, InferredText inferred) {
        this.name = Objects.requireNonNull(name, "name");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.levels = Objects.requireNonNull(levels, "levels");
        this.inferred = inferred;
    }

    /** The same cells, remembering why the reader inferred text for a mostly numeric column. */
    TextColumn inferredFrom(InferredText why) {
        return new TextColumn(name, codes, levels, why);
    }

    /** The same cells with the reader's reason for inferring text (as a dataset cache stores it); null for none. */
    public TextColumn withInferredText(InferredText why) {
        return new TextColumn(name, codes, levels, why);
    }

    /** Why a column without a declared type is text though most cells are numbers; null otherwise. */
    public InferredText inferredText() {
        return inferred;
    }

    /** Builds a column from strings (null = missing). */
    public static TextColumn of(String name, List<String> cells) {
        Map<String, Integer> dict = new HashMap<>();
        ArrayList<String> lv = new ArrayList<>();
        int[] codes = new int[cells.size()];
        for (int i = 0; i < codes.length; i++) {
            String s = cells.get(i);
            if (s == null) {
                codes[i] = -1;
            } else {
                Integer c = dict.get(s);
                if (c == null) {
                    c = lv.size();
                    dict.put(s, c);
                    lv.add(s);
                }
                codes[i] = c;
            }
        }
        return new TextColumn(name, codes, lv.toArray(new String[0]));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return codes.length;
    }

    /** The backing code array (no copy): read-only by convention. */
    public int[] codes() {
        return codes;
    }

    public String[] levels() {
        return Arrays.copyOf(levels, levels.length);
    }

    public int levelCount() {
        return levels.length;
    }

    public String level(int code) {
        return levels[code];
    }

    public String get(int row) {
        int c = codes[row];
        return c < 0 ? null : levels[c];
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
    }

    @Override
    public String display(int row) {
        String s = get(row);
        return s == null ? "" : s;
    }

    @Override
    public TextColumn select(boolean[] keep, int kept) {
        int[] out = new int[kept];
        int j = 0;
        for (int i = 0; i < codes.length; i++) {
            if (keep[i]) {
                out[j++] = codes[i];
            }
        }
        return new TextColumn(name, out, levels);
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, codes, levels);
    }
}
