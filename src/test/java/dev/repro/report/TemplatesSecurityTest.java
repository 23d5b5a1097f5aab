package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.ReproException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template engine is locked down: a project template cannot instantiate classes (?new), reach Java
 * methods (?api, method calls on the data), or load files outside the template folders; output is escaped
 * for its format and does not depend on the JVM's locale.
 */
class TemplatesSecurityTest {
    @TempDir
    Path dir;

    String renderProject(String name, String body, Map<String, ?> model) throws Exception {
        Files.writeString(dir.resolve(name), body);
        return new Templates(dir).render(name, model);
    }

    String failure(String name, String body, Map<String, ?> model) throws Exception {
        Files.writeString(dir.resolve(name), body);
        ReproException e = assertThrows(ReproException.class, () -> new Templates(dir).render(name, model));
        assertEquals(1, e.problems().size());
        return e.problems().get(0).format();
    }

    @Test
    void newBuiltInCannotInstantiateAnything() throws Exception {
        String msg = failure("evil.md.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}", Map.of());
        assertEquals(dir.resolve("evil.md.ftl") + ":1:1: the template failed: Instantiating freemarker.template.utility.Execute "
                + "is not allowed in the template for security reasons.", msg);
        String msg2 = failure("evil2.md.ftl", "<#assign c = \"freemarker.template.utility.ObjectConstructor\"?new()>x", Map.of());
        assertTrue(msg2.contains("Instantiating freemarker.template.utility.ObjectConstructor is not allowed"), msg2);
    }

    @Test
    void apiBuiltInIsOff() throws Exception {
        String msg = failure("api.md.ftl", "${m?api.getClass().getName()}", Map.of("m", Map.of("a", 1)));
        assertEquals(dir.resolve("api.md.ftl") + ":1:3: the template failed: Can't use ?api, because the "
                + "\"api_builtin_enabled\" configuration setting is false. Think twice before you set it to true though. "
                + "Especially, it shouldn't abused for modifying Map-s and Collection-s.", msg);
    }

    @Test
    void dataExposesNoJavaMethods() throws Exception {
        String msg = failure("m.md.ftl", "${s.getClass()}", Map.of("s", "text"));
        assertEquals(dir.resolve("m.md.ftl") + ":1:3: the template failed: For \".\" left-hand operand: Expected a hash, "
                + "but this has evaluated to a string (wrapper: f.t.SimpleScalar):", msg);
        // a record or any other object is refused by the wrapper instead of being exposed
        ReproException e = assertThrows(ReproException.class,
                () -> renderProject("r.md.ftl", "${r}", Map.of("r", new Provenance("x", List.of(), "1"))));
        assertTrue(e.getMessage().contains("SimpleObjectWrapper"), e.getMessage());
    }

    @Test
    void templatesCannotLeaveTheirFolders() throws Exception {
        Path outside = dir.getParent().resolve("secret-" + dir.getFileName() + ".txt");
        Files.writeString(outside, "secret");
        try {
            String up = failure("up.md.ftl", "<#include \"../" + outside.getFileName() + "\">", Map.of());
            assertTrue(up.endsWith("Malformed template name, \"../" + outside.getFileName() + "\": Backing out from the root directory is not allowed"), up);
            String abs = failure("abs.md.ftl", "<#include \"" + outside.toAbsolutePath() + "\">", Map.of());
            assertTrue(abs.contains("the template failed: Template inclusion failed") && abs.contains("not found"), abs);
            String back = failure("back.md.ftl", "<#include \"..\\\\x.ftl\">", Map.of());
            assertTrue(back.endsWith("Backslash (\"\\\") is not allowed in template names. Use slash (\"/\") instead."), back);
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void projectTemplatesOverrideTheDefaultsPerTableAndPerKind() throws Exception {
        TableModel main = AllTables.models(false).get(0);
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("table-regression.md.ftl"), "kind ${table.kind}: ${table.title.text}\n");
        Files.writeString(dir.resolve("tables").resolve("main.csv.ftl"), "only ${table.id}\n");
        TableWriter w = new TableWriter(new Templates(dir));
        assertEquals("kind regression: Regression results of the benchmark model\n", w.render(main, "md"));
        assertEquals("only main\r\n", w.render(main, "csv"));
        assertTrue(w.render(main, "tex").contains("\\begin{threeparttable}"), "the default for the rest");
    }

    @Test
    void everyFormatEscapesPlainTextByDefault() throws Exception {
        Map<String, Object> m = Map.of("x", "a&b <i> 50% $1 \"q\" 'a' | *b* _c_ \\d");
        assertEquals("a\\&b \\textless{}i\\textgreater{} 50\\% \\$1 \"q\" 'a' \\textbar{} *b* \\_c\\_ \\textbackslash{}d",
                renderProject("x.tex.ftl", "${x}", m));
        assertEquals("a&amp;b &lt;i&gt; 50% $1 &quot;q&quot; &#39;a&#39; | *b* _c_ \\d", renderProject("x.html.ftlh", "${x}", m));
        assertEquals("a\\&b \\<i\\> 50% \\$1 \"q\" 'a' \\| \\*b\\* \\_c\\_ \\\\d", renderProject("x.md.ftl", "${x}", m));
        assertEquals("\"a&b <i> 50% $1 \"\"q\"\" 'a' | *b* _c_ \\d\"", renderProject("x.csv.ftl", "${x}", m));
        assertEquals("a&amp;b &lt;i&gt; 50% $1 &quot;q&quot; &apos;a&apos; | *b* _c_ \\d", renderProject("x.svg.ftlx", "${x}", m));
    }

    @Test
    void outputDoesNotDependOnTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        TableWriter w = new TableWriter(new Templates(null));
        String before = w.render(AllTables.models(true).get(0), "tex") + w.render(AllTables.models(false).get(2), "html");
        try {
            for (Locale l : List.of(Locale.GERMANY, new Locale("ar", "EG"), new Locale("hi", "IN"), Locale.FRANCE)) {
                Locale.setDefault(l);
                String now = w.render(AllTables.models(true).get(0), "tex") + w.render(AllTables.models(false).get(2), "html");
                assertEquals(before, now, "locale " + l);
                assertEquals("1,234.5", Fmt.fixed(1234.5, 1, true));
                assertEquals("12.5", renderProject("n.md.ftl", "${n}", Map.of("n", 12.5)));
            }
        } finally {
            Locale.setDefault(saved);
        }
    }
}
