package dev.repro.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.repro.io.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state files' JSON on Jackson's streaming parser and generator alone: a record of items, each a map of text parts
 * ({@link BuildState}), and the canonical compact JSON of a study value ({@link IndexState}'s parameters). The bytes are
 * those {@code dev.repro.io.Json} writes (a test compares them), so records written before stay valid; but the goals that
 * only read a record do not load jackson-databind (hundreds of classes and the object mapper's start, on every
 * {@code mvn} run).
 */
final class StateJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private StateJson() {
    }

    /** The record in {@code f}, item by item, in file order; an IOException when it is not an object of objects of texts. */
    static Map<String, Map<String, String>> read(Path f) throws IOException {
        Map<String, Map<String, String>> items = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(Files.readAllBytes(f))) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String item = p.currentName();
                expect(p, p.nextToken(), JsonToken.START_OBJECT);
                Map<String, String> parts = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String part = p.currentName();
                    expect(p, p.nextToken(), JsonToken.VALUE_STRING);
                    parts.put(part, p.getText());
                }
                items.put(item, parts);
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT);
        }
        return items;
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted) throws IOException {
        if (got != wanted) {
            throw new JsonParseException(p, "expected " + wanted + " but found " + got);
        }
    }

    /** The record as {@code Json.bytes} writes it: two-space indentation, "key": "value", a final line end. */
    static byte[] bytes(Map<String, Map<String, String>> items) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            g.writeStartObject();
            for (var item : items.entrySet()) {
                g.writeFieldName(item.getKey());
                g.writeStartObject();
                for (var part : item.getValue().entrySet()) {
                    g.writeStringField(part.getKey(), part.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        return (out + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A plain value (maps, lists, texts, longs, doubles, booleans, null: what {@code Node.toPlain} gives) as compact JSON,
     * as {@code Json.mapper().writeValueAsString} writes it: a NaN or an infinity as null.
     */
    static String compact(Object plain) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNull();
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (var e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else {
            // another type (none of the step kinds gives one today): written by the object mapper, as before
            g.writeRawValue(Json.mapper().writeValueAsString(v));
        }
    }
}
