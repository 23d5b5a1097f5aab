package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.study.Label;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A title that carries its own number ("Table 5. Regression results") is captioned "Table 5: Regression results"
 * in LaTeX, not "Table 1: Table 5. Regression results", and the tables after it keep their own numbering.
 */
class CaptionNumberTest {
    private static TableModel titled(String id, Label title) throws Exception {
        TableModel m = AllTables.models(false).get(0);
        return new TableModel(id, m.kind(), title, m.columns(), m.header(), m.body(), m.notes(), m.siunitx(), m.align());
    }

    private static String tex(TableModel m) throws Exception {
        return new TableWriter(new Templates(null)).render(m, "tex");
    }

    @Test
    void aTitleWithItsOwnNumberIsCaptionedUnderIt() throws Exception {
        String t = tex(titled("t5", Label.plain("Table 5. Regression results of the benchmark model")));
        assertTrue(t.contains("\\renewcommand{\\thetable}{5}\\addtocounter{table}{-1}"), t);
        assertTrue(t.contains("\\caption{Regression results of the benchmark model}"), t);
        for (String title : List.of("Table A1: Robustness", "Table 12 - Mediation", "Table 3\u2014Unit roots")) {
            assertFalse(tex(titled("x", Label.plain(title))).contains("\\caption{Table"), title);
        }
        // no number of its own, a raw LaTeX title, or "Table" inside a sentence: captioned as written
        assertTrue(tex(titled("p", Label.plain("Tables of 5 models"))).contains("\\caption{Tables of 5 models}"));
        assertFalse(tex(titled("p", Label.plain("Regression results"))).contains("thetable"));
        assertTrue(tex(titled("s", Label.plain("Table 5 shows the results"))).contains("\\caption{Table 5 shows the results}"));
        assertFalse(tex(titled("r", Label.raw("Table 5. \\emph{Raw}", "Table 5. Raw"))).contains("thetable"));
        // the HTML and Markdown captions keep the title as written (they number nothing)
        TableWriter w = new TableWriter(new Templates(null));
        assertTrue(w.render(titled("t5", Label.plain("Table 5. Results")), "md").contains("Table 5. Results"));
    }

    @Test
    void pdflatexNumbersItFiveAndTheNextTableOne() throws Exception {
        Path pdflatex = Tools.require(Tools.LATEX_INSTALL, "pdflatex");
        Path dir = Path.of("target", "latex-caption-test").toAbsolutePath();
        Files.createDirectories(dir);
        String doc = LatexCompileTest.PREAMBLE + tex(titled("five", Label.plain("Table 5. Benchmark"))) + "\n\\clearpage\n"
                + tex(titled("plain", Label.plain("Robustness"))) + "\n\\end{document}\n";
        Files.writeString(dir.resolve("main.tex"), doc, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "main.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("pdflatex.out").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "pdflatex did not finish in 180 s");
        assertEquals(0, p.exitValue(), "pdflatex failed; see " + dir.resolve("main.log"));
        String aux = Files.readString(dir.resolve("main.aux"), StandardCharsets.ISO_8859_1);
        assertTrue(aux.contains("\\newlabel{tab:five}{{5}"), aux);
        assertTrue(aux.contains("\\newlabel{tab:plain}{{1}"), aux);
    }
}
