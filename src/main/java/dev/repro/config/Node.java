package dev.repro.config;

import dev.repro.diag.Located;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of the study file with its position: a mapping, a list, a scalar or null. Every node knows its
 * key path ({@code models.twfe.formula}, {@code tables.main.models[1]}) and its line and column, so that
 * every message about the study can point at the place to fix.
 */
public final class Node {
    public enum Kind { MAP, LIST, SCALAR, NULL }

    /** What kind of scalar, as the parser saw it (YAML {@code 1} is a number, {@code "1"} a string). */
    public enum ScalarType { STRING, NUMBER, BOOLEAN }

    private final Kind kind;
    private final String path;
    private final int line;
    private final int column;
    private final Map<String, Node> map;
    private final List<Node> list;
    private final String text;
    private final ScalarType scalarType;
    /** Where the key naming this value in its mapping was written; 0 for the root, list items and built nodes. */
    private final int keyLine;
    private final int keyColumn;

    private Node(Kind kind, String path, int line, int column, Map<String, Node> map, List<Node> list, String text,
                 ScalarType scalarType) {
        this(kind, path, line, column, map, list, text, scalarType, 0, 0);
    }

    private Node(Kind kind, String path, int line, int column, Map<String, Node> map, List<Node> list, String text,
                 ScalarType scalarType, int keyLine, int keyColumn) {
        this.keyLine = keyLine;
        this.keyColumn = keyColumn;
        this.kind = kind;
        this.path = path;
        this.line = line;
        this.column = column;
        this.map = map;
        this.list = list;
        this.text = text;
        this.scalarType = scalarType;
    }

    public static Node map(String path, int line, int column, Map<String, Node> entries) {
        return new Node(Kind.MAP, path, line, column, Collections.unmodifiableMap(new LinkedHashMap<>(entries)), null, null, null);
    }

    public static Node list(String path, int line, int column, List<Node> items) {
        return new Node(Kind.LIST, path, line, column, null, List.copyOf(items), null, null);
    }

    public static Node scalar(String path, int line, int column, String text, ScalarType type) {
        return new Node(Kind.SCALAR, path, line, column, null, null, Objects.requireNonNull(text), Objects.requireNonNull(type));
    }

    public static Node nul(String path, int line, int column) {
        return new Node(Kind.NULL, path, line, column, null, null, null, null);
    }

    /** This value as the entry of a mapping whose key was written at {@code line}, {@code column}. */
    public Node withKeyAt(int line, int column) {
        return new Node(kind, path, this.line, this.column, map, list, text, scalarType, line, column);
    }

    /** The line of the key naming this value in its mapping, or its own line when unknown (the root, a list item). */
    public int keyLine() {
        return keyLine > 0 ? keyLine : line;
    }

    /** The column of the key naming this value, or its own column when unknown. */
    public int keyColumn() {
        return keyLine > 0 ? keyColumn : column;
    }

    /** Where this node was written, for messages about it. */
    public Located at(String source) {
        return new Located(source, path, line, column);
    }

    public Kind kind() {
        return kind;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** Entries of a mapping in file order (empty for other kinds). */
    public Map<String, Node> entries() {
        return map == null ? Map.of() : map;
    }

    /** Items of a list (empty for other kinds). */
    public List<Node> items() {
        return list == null ? List.of() : list;
    }

    /** The child of a mapping, or null. */
    public Node get(String key) {
        return map == null ? null : map.get(key);
    }

    /** The text of a scalar as written (numbers keep their written form), or null for other kinds. */
    public String text() {
        return text;
    }

    public ScalarType scalarType() {
        return scalarType;
    }

    /**
     * The value as plain Java objects (LinkedHashMap, List, String, Long or Double, Boolean, null), for
     * readers of a section that do not need positions.
     */
    public Object toPlain() {
        return switch (kind) {
            case NULL -> null;
            case LIST -> {
                List<Object> out = new ArrayList<>();
                list.forEach(n -> out.add(n.toPlain()));
                yield out;
            }
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, v.toPlain()));
                yield out;
            }
            case SCALAR -> switch (scalarType) {
                case STRING -> text;
                case BOOLEAN -> Boolean.parseBoolean(text);
                case NUMBER -> {
                    try {
                        yield Long.parseLong(text.trim());
                    } catch (NumberFormatException e) {
                        yield Double.parseDouble(text.trim());
                    }
                }
            };
        };
    }

    /** How the kind is called in messages. */
    public String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case NULL -> "an empty value";
            case SCALAR -> switch (scalarType) {
                case STRING -> "the text '" + text + "'";
                case NUMBER -> "the number " + text;
                case BOOLEAN -> "the value " + text;
            };
        };
    }
}
