package dev.repro.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML aliases are refused at their position; YAML number forms other than plain decimals are located user errors. */
class StudyFileReaderTest {
    @TempDir
    Path dir;

    private Node read(String yaml, Problems problems) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, yaml);
        return StudyFileReader.read(f, "study.yaml", problems);
    }

    private static List<String> messages(Problems p) {
        return p.list().stream().map(Problem::format).toList();
    }

    @Test
    void aliasIsRefusedWithItsPosition() throws Exception {
        Problems p = new Problems();
        read("""
                labels:
                  x: &mv "Market value"
                  y: *mv
                """, p);
        assertEquals(List.of("study.yaml:3:6: YAML aliases (*mv) are not supported; write the value out"), messages(p));
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() throws Exception {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char prev = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(prev);
            for (int k = 0; k < 8; k++) {
                y.append(",*").append(prev);
            }
            y.append("]\n");
        }
        Problems p = new Problems();
        read(y.toString(), p);
        assertEquals("study.yaml:2:8: YAML aliases (*a) are not supported; write the value out", messages(p).get(0));
        assertEquals(8 * 9, p.size());
    }

    @Test
    void anchorWithoutAliasIsHarmless() throws Exception {
        Problems p = new Problems();
        Node root = read("title: &t Demand\n", p);
        assertEquals(List.of(), messages(p));
        assertEquals("Demand", root.get("title").text());
    }

    @Test
    void yamlNumberFormsAreLocatedErrorsInEveryNumericGetter() throws Exception {
        for (String form : List.of(".nan", ".inf", "-.inf", "0x1F", "1_000", "0b11", "0o17", "1:30")) {
            Problems p = new Problems();
            Node root = read("a: " + form + "\nb: " + form + "\nc: " + form + "\n", p);
            assertEquals(List.of(), messages(p), form);
            Fields f = new Fields(root, "study.yaml", p, "a", "b", "c");
            assertEquals(null, f.number("a", null));
            assertEquals(null, f.integer("b", null, 0, 10));
            assertEquals(null, f.longValue("c", null));
            String hint = "; write numbers as plain decimals such as 31, 1000 or 0.5"
                    + " (the YAML forms .nan, .inf, 0x1F, 0o17, 0b11 and 1_000 are not read)";
            assertEquals(List.of(
                    "study.yaml:1:4: a: expected a number, found the text '" + form + "'" + hint,
                    "study.yaml:2:4: b: expected a whole number from 0 to 10, found the text '" + form + "'" + hint,
                    "study.yaml:3:4: c: expected a whole number, found the text '" + form + "'" + hint), messages(p), form);
        }
    }

    @Test
    void plainDecimalsStayNumbers() throws Exception {
        Problems p = new Problems();
        Node root = read("a: -1.5e3\nb: 7\nc: \"2.5\"\nd: 1d\n", p);
        Fields f = new Fields(root, "study.yaml", p, "a", "b", "c", "d");
        assertEquals(-1500.0, f.number("a", null));
        assertEquals(7, f.integer("b", null, 0, 10));
        assertEquals(2.5, f.number("c", null));
        assertEquals(null, f.number("d", null));
        assertEquals(List.of("study.yaml:4:4: d: expected a number, found the text '1d'"), messages(p));
        assertNotNull(root.toPlain());
    }
}
