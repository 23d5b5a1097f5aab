package dev.repro.index.merge;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.diag.Located;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merging two datasets by key columns, as Stata's {@code merge 1:1} / {@code merge m:1} with
 * {@code assert(match)}: every left row finds exactly one right row. Keys are compared as the text of their
 * cells, so a numeric 2015 matches a text "2015".
 *
 * @param leftOn key columns of the left dataset
 * @param rightOn key columns of the right dataset, in the same order (usually the same names)
 * @param columns right-hand columns to bring over; empty = every column that is not a key
 * @param relation one-to-one or many-to-one (many left rows per right row)
 * @param unmatched ERROR: a left row without a match (and, one-to-one, a right row without one) is a mistake;
 *        KEEP: such left rows stay with missing right-hand values
 */
public record MergeSpec(Located at, String left, String right, String output, List<String> leftOn, List<String> rightOn,
                        Relation relation, List<String> columns, Unmatched unmatched) implements IndexStepSpec {
    public static final String KIND = "merge";

    public enum Relation {
        ONE_TO_ONE("one-to-one"), MANY_TO_ONE("many-to-one");

        private final String keyword;

        Relation(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum Unmatched {
        ERROR("error"), KEEP("keep");

        private final String keyword;

        Unmatched(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public MergeSpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(output, "output");
        leftOn = List.copyOf(leftOn);
        rightOn = List.copyOf(rightOn);
        Objects.requireNonNull(relation, "relation");
        columns = List.copyOf(columns);
        Objects.requireNonNull(unmatched, "unmatched");
        if (leftOn.isEmpty() || leftOn.size() != rightOn.size()) {
            throw new IllegalArgumentException("merge needs the same positive number of key columns on both sides");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> inputs() {
        return List.of(left, right);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("left", left);
        m.put("right", right);
        m.put("leftOn", leftOn);
        m.put("rightOn", rightOn);
        m.put("relation", relation.keyword());
        m.put("columns", columns);
        m.put("unmatched", unmatched.keyword());
        return m;
    }
}
