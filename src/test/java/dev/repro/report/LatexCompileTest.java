package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every table kind, with centred and with siunitx columns and with labels full of special characters,
 * compiles with a real pdflatex in a document that loads only the packages docs/tables.md lists.
 * Output under target/latex-test/ (main.tex, main.pdf, main.log).
 */
class LatexCompileTest {
    static final String PREAMBLE = """
            \\documentclass[11pt]{article}
            \\usepackage[T1]{fontenc}
            \\usepackage{booktabs}
            \\usepackage{threeparttable}
            \\usepackage{siunitx}
            \\usepackage[margin=2cm,landscape]{geometry}
            \\begin{document}
            """;

    @Test
    void everyTableCompilesWithPdflatex() throws Exception {
        Path pdflatex = Tools.require(Tools.LATEX_INSTALL, "pdflatex");
        Path dir = Path.of("target", "latex-test").toAbsolutePath();
        Path tables = dir.resolve("tables");
        Files.createDirectories(tables);
        TableWriter w = new TableWriter(new Templates(null));
        StringBuilder doc = new StringBuilder(PREAMBLE);
        for (boolean si : new boolean[] {false, true}) {
            for (TableModel m : AllTables.models(si)) {
                String name = m.id() + (si ? "-si" : "");
                Files.writeString(tables.resolve(name + ".tex"), w.render(m, "tex"), StandardCharsets.UTF_8);
                doc.append("\\input{tables/").append(name).append("}\n\\clearpage\n");
            }
        }
        doc.append("\\end{document}\n");
        Files.writeString(dir.resolve("main.tex"), doc.toString(), StandardCharsets.UTF_8);

        List<String> cmd = new ArrayList<>(List.of(pdflatex.toString(), "-interaction=nonstopmode", "-halt-on-error",
                "-no-shell-escape", "main.tex"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pdflatex.out").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "pdflatex did not finish in 180 s");
        String log = Files.readString(dir.resolve("main.log"), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), "pdflatex failed; see " + dir.resolve("main.log") + "\n" + tail(log));
        assertFalse(log.contains("! "), "TeX error in the log:\n" + tail(log));
        assertFalse(log.contains("Missing character"), "a character has no glyph:\n" + tail(log));
        assertTrue(Files.size(dir.resolve("main.pdf")) > 10_000);
    }

    static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
