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
    void everyValueKnowsWhereItsKeyIsWritten() throws Exception {
        Problems p = new Problems();
        Node root = read("""
                models:
                  m:
                    formula: "y ~ x"
                    vcov:   hc1
                  n: {dataset: d, formula: "y ~ z"}
                """, p);
        assertEquals(List.of(), messages(p));
        Node m = root.get("models").get("m");
        assertEquals(List.of(2, 3), List.of(m.keyLine(), m.keyColumn()));
        assertEquals(List.of(3, 5, 3, 14), List.of(m.get("formula").keyLine(), m.get("formula").keyColumn(),
                m.get("formula").line(), m.get("formula").column()));
        assertEquals(List.of(4, 5, 4, 13), List.of(m.get("vcov").keyLine(), m.get("vcov").keyColumn(), m.get("vcov").line(),
                m.get("vcov").column()));
        Node n = root.get("models").get("n");
        assertEquals(List.of(5, 19), List.of(n.get("formula").keyLine(), n.get("formula").keyColumn()));
        // the root has no key: its own position
        assertEquals(List.of(root.line(), root.column()), List.of(root.keyLine(), root.keyColumn()));
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

    private List<String> problemsOf(String yaml) throws Exception {
        Problems p = new Problems();
        read(yaml, p);
        return messages(p);
    }

    @Test
    void tabInIndentationIsNamedAtTheTab() throws Exception {
        assertEquals(List.of("study.yaml:4:1: YAML syntax error: a tab character in the indentation; YAML indents with spaces only:"
                + " replace the tab with spaces"), problemsOf("models:\n  m1:\n    dataset: gas\n\tformula: y ~ x\n"));
    }

    @Test
    void unclosedQuoteIsNamedAtItsOpening() throws Exception {
        assertEquals(List.of("study.yaml:1:8: YAML syntax error: the quote \" opened here is never closed; end the value with \" on the same line"),
                problemsOf("title: \"Demand\nmodels:\n  m: 1\n"));
        assertEquals(List.of("study.yaml:1:9: YAML syntax error: the '[' opened here is not closed before line 2; close it with ']'"
                + " and separate the items with commas"), problemsOf("models: [a, b\ntitle: x\n"));
    }

    @Test
    void badIndentationIsNamedAtTheKey() throws Exception {
        assertEquals(List.of("study.yaml:4:4: YAML syntax error: bad indentation: this key starts at column 4, where no key above it"
                + " starts (the keys of the mapping at line 2 start at column 3); line it up with the key it belongs beside"),
                problemsOf("models:\n  m1:\n    dataset: gas\n   formula: y ~ x\n"));
        assertEquals(List.of("study.yaml:4:7: YAML syntax error: bad indentation: this line is indented more than line 3, which"
                + " already has a value; line it up with the key on line 3"),
                problemsOf("models:\n  m1:\n    dataset: gas\n      formula: y ~ x\n"));
        assertEquals(List.of("study.yaml:1:5: YAML syntax error: a second ': ' inside a value; quote the value (\"...\") if the"
                + " colon belongs to it, or put the key on a line of its own"), problemsOf("a: b: c\n"));
    }

    @Test
    void duplicateKeyNamesBothLines() throws Exception {
        assertEquals(List.of("study.yaml:4:5: duplicate key 'dataset' in models.m1: it is already set at line 3; keep one of the two"),
                problemsOf("models:\n  m1:\n    dataset: gas\n    dataset: gas2\n"));
    }

    @Test
    void listAndMappingMixedAreNamed() throws Exception {
        assertEquals(List.of("study.yaml:4:3: YAML syntax error: a list item ('- ') where keys are expected (the mapping at line 2"
                + " holds 'key: value' entries); write it as 'key: value', or indent it under a key of its own"),
                problemsOf("models:\n  m1:\n    dataset: gas\n  - m2\n"));
        assertEquals(List.of("study.yaml:3:3: YAML syntax error: a key where list items are expected (the list at line 2 holds"
                + " '- ' items); a section is either a list of '- ' items or a mapping of 'key: value' entries, not both"),
                problemsOf("models:\n  - m1\n  m2: 3\n"));
    }

    @Test
    void aListWhereAMappingIsExpectedIsNamedByTheReaderOfTheSection() throws Exception {
        Problems p = new Problems();
        Node root = read("models:\n  - m1\n", p);
        Fields.of(root.get("models"), "study.yaml", p, "the models");
        assertEquals(List.of("study.yaml:2:3: models: expected the models (a mapping of keys to values), found a list"), messages(p));
    }
}
