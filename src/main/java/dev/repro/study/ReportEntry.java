package dev.repro.study;

import dev.repro.config.Node;
import dev.repro.diag.Located;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the study's {@code tables:} or {@code figures:} section as the study knows it: its id, its kind
 * and its positioned mapping. The study does not know the kinds' own keys: each report kind parses them from
 * {@code node} (once, at validate), so that a new kind needs no change here.
 *
 * @param section {@code tables} or {@code figures}
 * @param kind    the kind as written ({@code regression} when a table names none); the report checks it
 * @param node    the entry's mapping, with every key's position
 */
public record ReportEntry(String section, String id, String kind, Node node, Located at) {
    /** Table and figure ids become file names and LaTeX labels, so they are restricted to these characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public ReportEntry {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(at, "at");
    }

    /** The study key of the entry, e.g. {@code tables.main}. */
    public String key() {
        return section + "." + id;
    }
}
