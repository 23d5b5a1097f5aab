package dev.repro.config;

import dev.repro.diag.Suggest;

import dev.repro.diag.Problems;

import dev.repro.diag.Problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the keys of one mapping of the study file with type checks, recording a {@link Problem} for each
 * wrong value, and at {@link #finish()} one for each key it does not know (with the closest known key).
 * Getters return null after recording a problem, so that parsing goes on and every mistake is reported.
 */
public final class Fields {
    /** A number as the study reads it: optional sign, decimal digits, fraction, exponent. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** YAML 1.1 number forms that are not plain decimals: NaN, infinities, hex, octal, binary, underscores. */
    private static final Pattern YAML_NUMBER_FORM = Pattern.compile(
            "[-+]?(\\.(nan|NaN|NAN|inf|Inf|INF)|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[0-9][0-9_]*_[0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[0-9]+(:[0-5]?[0-9])+)");
    private final Node node;
    private final String source;
    private final Problems problems;
    private final Set<String> allowed = new LinkedHashSet<>();

    public Fields(Node node, String source, Problems problems, String... allowedKeys) {
        this.node = node;
        this.source = source;
        this.problems = problems;
        this.allowed.addAll(List.of(allowedKeys));
    }

    /** Makes a mapping reader, or records a problem and returns null when the node is not a mapping. */
    public static Fields of(Node node, String source, Problems problems, String what, String... allowedKeys) {
        if (node == null || !node.isMap()) {
            if (node != null) {
                problems.addKey(source, node.line(), node.column(), node.path(), "expected " + what + " (a mapping of keys to values), found " + node.describe());
            }
            return null;
        }
        return new Fields(node, source, problems, allowedKeys);
    }

    public String path() {
        return node.path();
    }

    public void allow(String... keys) {
        allowed.addAll(List.of(keys));
    }

    public boolean has(String key) {
        Node n = node.get(key);
        return n != null && !n.isNull();
    }

    public Node raw(String key) {
        allowed.add(key);
        return node.get(key);
    }

    public void problem(Node at, String message) {
        Node where = at == null ? node : at;
        problems.addKey(source, where.line(), where.column(), where.path(), message);
    }

    public void missing(String key, String hint) {
        for (String written : node.entries().keySet()) {
            if (!allowed.contains(written) && Suggest.closest(written, List.of(key)) != null) {
                return; // a misspelling of this key: the unknown-key problem says what to fix
            }
        }
        problems.addKey(source, node.line(), node.column(), node.path(), "missing required key '" + key + "'" + (hint == null ? "" : "; " + hint));
    }

    public String string(String key, boolean required, String hint) {
        Node n = raw(key);
        if (n == null || n.isNull()) {
            if (required) {
                missing(key, hint);
            }
            return null;
        }
        if (!n.isScalar()) {
            problem(n, "expected text, found " + n.describe() + (hint == null ? "" : "; " + hint));
            return null;
        }
        return n.text();
    }

    /** One of the given words (case-sensitive), or null after a problem. */
    public String choice(String key, String defaultValue, String... choices) {
        Node n = raw(key);
        if (n == null || n.isNull()) {
            return defaultValue;
        }
        String s = n.isScalar() ? n.text() : null;
        for (String c : choices) {
            if (c.equals(s)) {
                return c;
            }
        }
        String found = s == null ? n.describe() : "'" + s + "'";
        String suggestion = s == null ? "" : Suggest.didYouMean(s, List.of(choices));
        problem(n, "unknown value " + found + suggestion + (suggestion.isEmpty() ? "; " : " ") + "expected one of " + String.join(", ", choices));
        return null;
    }

    public Double number(String key, Double defaultValue) {
        Node n = raw(key);
        if (n == null || n.isNull()) {
            return defaultValue;
        }
        if (n.isScalar() && n.scalarType() != Node.ScalarType.BOOLEAN && PLAIN_DECIMAL.matcher(n.text().trim()).matches()) {
            double d = Double.parseDouble(n.text().trim());
            if (Double.isFinite(d)) {
                return d;
            }
        }
        problem(n, "expected a number, found " + n.describe() + numberFormHint(n));
        return null;
    }

    public Integer integer(String key, Integer defaultValue, int min, int max) {
        Node n = raw(key);
        if (n == null || n.isNull()) {
            return defaultValue;
        }
        if (n.isScalar() && n.scalarType() == Node.ScalarType.NUMBER && PLAIN_DECIMAL.matcher(n.text().trim()).matches()) {
            try {
                long v = Long.parseLong(n.text().trim());
                if (v >= min && v <= max) {
                    return (int) v;
                }
                problem(n, "expected a whole number from " + min + " to " + max + ", found " + v);
                return null;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(n, "expected a whole number from " + min + " to " + max + ", found " + n.describe() + numberFormHint(n));
        return null;
    }

    public Long longValue(String key, Long defaultValue) {
        Node n = raw(key);
        if (n == null || n.isNull()) {
            return defaultValue;
        }
        if (n.isScalar() && n.scalarType() == Node.ScalarType.NUMBER && PLAIN_DECIMAL.matcher(n.text().trim()).matches()) {
            try {
                return Long.parseLong(n.text().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(n, "expected a whole number, found " + n.describe() + numberFormHint(n));
        return null;
    }

    /** The fix for a YAML number form this reader does not take, or "" for other values. */
    public static String numberFormHint(Node n) {
        if (n == null || !n.isScalar() || !YAML_NUMBER_FORM.matcher(n.text().trim()).matches()) {
            return "";
        }
        return "; write numbers as plain decimals such as 31, 1000 or 0.5 (the YAML forms .nan, .inf, 0x1F, 0o17, 0b11 and 1_000 are not read)";
    }

    public Boolean bool(String key, Boolean defaultValue) {
        Node n = raw(key);
        if (n == null || n.isNull()) {
            return defaultValue;
        }
        if (n.isScalar() && n.scalarType() == Node.ScalarType.BOOLEAN) {
            return Boolean.parseBoolean(n.text());
        }
        problem(n, "expected true or false, found " + n.describe());
        return null;
    }

    /** A list of texts; a single text is accepted as a one-element list. */
    public List<String> strings(String key, boolean required, String hint) {
        Node n = raw(key);
        if (n == null || n.isNull()) {
            if (required) {
                missing(key, hint);
            }
            return null;
        }
        if (n.isScalar()) {
            return List.of(n.text());
        }
        if (!n.isList()) {
            problem(n, "expected a list of names such as [a, b], found " + n.describe());
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : n.items()) {
            if (!item.isScalar()) {
                problem(item, "expected a name, found " + item.describe());
                return null;
            }
            out.add(item.text());
        }
        return out;
    }

    /** Records a problem for every key this reader was not told about. */
    public void finish() {
        for (var e : node.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                Node n = e.getValue();
                String where = node.path().isEmpty() ? "the study file" : node.path();
                String suggestion = Suggest.didYouMean(e.getKey(), allowed);
                problems.addKey(source, n.keyLine(), n.keyColumn(), n.path(), "unknown key '" + e.getKey() + "' in " + where
                        + (suggestion.isEmpty() ? "; known keys: " + String.join(", ", allowed) : suggestion));
            }
        }
    }
}
