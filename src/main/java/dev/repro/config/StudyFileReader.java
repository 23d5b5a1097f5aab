package dev.repro.config;

import dev.repro.diag.Problems;

import dev.repro.diag.Problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a study file (YAML, or JSON when the name ends in .json) into a {@link Node} tree that keeps the
 * line and column of every key and value. Syntax errors, duplicate keys and unreadable files become
 * {@link Problem}s naming the file, line and column; the result is then null.
 *
 * <p>YAML aliases ({@code *name}) are refused rather than expanded: expansion would need a limit against
 * exponential blow-up ("billion laughs"), and a study is short enough to write every value out. YAML
 * numbers written in other forms than plain decimals ({@code .nan}, {@code .inf}, {@code 0x1F},
 * {@code 0b11}, {@code 1_000}) are kept as text, so that a key expecting a number reports them at their
 * line instead of failing inside a number parser.
 */
public final class StudyFileReader {
    /** A number as every reader of the study parses it: optional sign, decimal digits, fraction, exponent. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private StudyFileReader() {
    }

    public static Node read(Path file, String display, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(display, 0, 0, "study file not found; create it (see the README's study-file reference) or point "
                    + "repro.study at an existing study.yaml or study.json");
            return null;
        } catch (IOException e) {
            problems.add(display, 0, 0, "cannot read the study file: " + e.getMessage());
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(display, firstBadUtf8Line(bytes), 0, "the study file is not valid UTF-8; save it as UTF-8");
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        boolean json = display.toLowerCase(Locale.ROOT).endsWith(".json");
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        // duplicate keys are found by readValue, which knows where the first one is
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(display, 1, 1, "the study file is empty; it needs at least a 'datasets' and a 'models' or 'tests' section");
                return null;
            }
            Node root = readValue(p, "", display, problems);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            YamlErrors.Located plain = json ? null : YamlErrors.explain(e.getOriginalMessage(), text);
            if (plain != null) {
                problems.add(display, plain.line(), plain.column(), "YAML syntax error: " + plain.message());
            } else {
                problems.add(display, line, col, (json ? "JSON" : "YAML") + " syntax error: " + firstLine(e.getOriginalMessage()));
            }
            return null;
        } catch (IOException e) {
            problems.add(display, 0, 0, "cannot read the study file: " + e.getMessage());
            return null;
        }
    }

    private static Node readValue(JsonParser p, String path, String display, Problems problems) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = (int) Math.max(0, loc.getLineNr());
        int col = (int) Math.max(0, loc.getColumnNr());
        JsonToken t = p.currentToken();
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(display, line, col, "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
            return Node.nul(path, line, col);
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    Integer first = keyLines.putIfAbsent(key, (int) at.getLineNr());
                    if (first != null) {
                        problems.add(display, (int) at.getLineNr(), (int) at.getColumnNr(), "duplicate key '" + key + "'"
                                + (path.isEmpty() ? "" : " in " + path) + ": it is already set at line " + first
                                + "; keep one of the two");
                    }
                    p.nextToken();
                    // the key's own position, so that an unknown or misspelt key is reported where it is written
                    entries.put(key, readValue(p, path.isEmpty() ? key : path + "." + key, display, problems)
                            .withKeyAt((int) at.getLineNr(), (int) at.getColumnNr()));
                }
                return Node.map(path, line, col, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, path + "[" + i + "]", display, problems));
                    i++;
                }
                return Node.list(path, line, col, items);
            }
            case VALUE_NULL -> {
                return Node.nul(path, line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return Node.scalar(path, line, col, p.getText(), Node.ScalarType.BOOLEAN);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = p.getText();
                return Node.scalar(path, line, col, text,
                        PLAIN_DECIMAL.matcher(text).matches() ? Node.ScalarType.NUMBER : Node.ScalarType.STRING);
            }
            default -> {
                return Node.scalar(path, line, col, p.getText(), Node.ScalarType.STRING);
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable content";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    private static int firstBadUtf8Line(byte[] bytes) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int i = 0;
        while (i < bytes.length) {
            int len = utf8Length(bytes[i]);
            if (len == 0 || i + len > bytes.length) {
                return line;
            }
            try {
                dec.reset();
                dec.decode(ByteBuffer.wrap(bytes, i, len));
            } catch (CharacterCodingException e) {
                return line;
            }
            if (bytes[i] == '\n') {
                line++;
            }
            i += len;
        }
        return line;
    }

    private static int utf8Length(byte b) {
        int u = b & 0xFF;
        if (u < 0x80) {
            return 1;
        }
        if (u >= 0xC2 && u <= 0xDF) {
            return 2;
        }
        if (u >= 0xE0 && u <= 0xEF) {
            return 3;
        }
        if (u >= 0xF0 && u <= 0xF4) {
            return 4;
        }
        return 0;
    }
}
