package dev.repro.study;

import dev.repro.config.Node;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The study's {@code labels:}, and the shape of its {@code tables:} and {@code figures:} sections: a mapping of
 * valid ids to mappings, each with its kind. The keys of each kind are parsed by the report's kinds from the
 * positioned entries (see {@link ReportEntry}).
 */
final class OutputsParser {
    private final String source;
    private final Problems problems;

    OutputsParser(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The study's global {@code labels:} (name to label); a label of the wrong shape is reported and left out. */
    Map<String, Label> labels(Node node) {
        Map<String, Label> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isMap()) {
            problems.addKey(source, node.line(), node.column(), "labels", "expected a map of name to label; found " + typeOf(node));
            return out;
        }
        for (var e : node.entries().entrySet()) {
            Label l = Label.parse(e.getValue().toPlain());
            if (l == null) {
                problems.addKey(source, e.getValue().line(), e.getValue().column(), "labels." + e.getKey(),
                        "expected text, raw:<LaTeX> or {latex: ..., text: ...}; found " + typeOf(e.getValue()));
            } else {
                out.put(e.getKey(), l);
            }
        }
        return out;
    }

    /**
     * The entries of {@code tables:} or {@code figures:} in study order; one with a bad id, of the wrong shape or
     * (for a figure) without a kind is reported and left out.
     *
     * @param defaultKind the kind of an entry that names none, or null when the kind is required
     */
    List<ReportEntry> entries(String section, Node node, String what, String defaultKind) {
        List<ReportEntry> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isMap()) {
            problems.addKey(source, node.line(), node.column(), section, "expected a map of " + what + " id to " + what + "; found " + typeOf(node));
            return out;
        }
        for (var e : node.entries().entrySet()) {
            String id = e.getKey();
            String key = section + "." + id;
            Node entry = e.getValue();
            if (!ReportEntry.ID.matcher(id).matches()) {
                problems.addKey(source, entry.line(), entry.column(), key, "a " + what + " id becomes a file name: use letters, digits, - and _ "
                        + "(at most 64, starting with a letter or digit)");
                continue;
            }
            if (!entry.isMap()) {
                problems.addKey(source, entry.line(), entry.column(), key, "expected a map with the " + what + "'s keys; found " + typeOf(entry));
                continue;
            }
            Node kindNode = entry.get("kind");
            String kind = kindNode == null || kindNode.isNull() ? defaultKind : kindNode.isScalar() ? kindNode.text() : null;
            if (kind == null) {
                Node at = kindNode == null ? entry : kindNode;
                problems.addKey(source, at.line(), at.column(), key + ".kind",
                        kindNode == null || kindNode.isNull() ? "missing; this key is required" : "expected text; found " + typeOf(kindNode));
                continue;
            }
            out.add(new ReportEntry(section, id, kind, entry, entry.at(source)));
        }
        return out;
    }

    /** What a value is, in the words of the messages about tables and figures. */
    static String typeOf(Node n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        if (n.isList()) {
            return "a list";
        }
        if (n.isMap()) {
            return "a map";
        }
        return switch (n.scalarType()) {
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
        };
    }
}
