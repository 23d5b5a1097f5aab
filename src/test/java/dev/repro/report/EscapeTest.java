package dev.repro.report;

import dev.repro.study.Label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Escaping of labels for LaTeX, HTML, Markdown and CSV, and the raw-LaTeX label forms. */
class EscapeTest {
    @Test
    void latexEscapesEverySpecialCharacter() {
        assertEquals("\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{} "
                + "\\textgreater{} \\textbar{} {[}1{]} \\textasciigrave{}x -{}- a-b", Escape.latex("& % $ # _ { } ~ ^ \\ < > | [1] `x -- a-b"));
        assertEquals("a b c", Escape.latex("a\nb\tc"));
        assertEquals("\\ensuremath{\\beta} \\ensuremath{\\rightarrow} \\ensuremath{\\chi}\\textsuperscript{2} \\ensuremath{\\leq} 5 é",
                Escape.latex("\u03b2 \u2192 \u03c7\u00b2 \u2264 5 é"));
    }

    @Test
    void htmlEscapesMarkupAndQuotes() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", Escape.html("<script>alert('x')</script> & \"q\""));
    }

    @Test
    void markdownEscapesWhatCouldBecomeMarkup() {
        assertEquals("\\*\\*b\\*\\* \\_i\\_ \\| \\`c\\` \\[l\\](u) \\<b\\> \\& \\$x\\$ \\~s\\~ \\\\", Escape.markdown("**b** _i_ | `c` [l](u) <b> & $x$ ~s~ \\"));
    }

    @Test
    void csvQuotesOnlyWhenNeeded() {
        assertEquals("plain", Escape.csv("plain"));
        assertEquals("\"-4,937.897**\"", Escape.csv("-4,937.897**"));
        assertEquals("\"say \"\"hi\"\"\"", Escape.csv("say \"hi\""));
        assertEquals("\"a\nb\"", Escape.csv("a\nb"));
        assertEquals("\" padded\"", Escape.csv(" padded"));
        assertEquals("", Escape.csv(""));
    }

    @Test
    void labelForms() {
        assertEquals(new Label("R&D", null), Label.parse("R&D"));
        assertEquals("R\\&D", Escape.tex(Label.parse("R&D")));
        Label raw = Label.parse("raw:$\\beta_1$");
        assertEquals("$\\beta_1$", Escape.tex(raw));
        assertEquals("$\\beta_1$", raw.text());
        Label both = Label.parse(Map.of("latex", "$\\beta$", "text", "beta"));
        assertEquals("$\\beta$", Escape.tex(both));
        assertEquals("beta", both.text());
        assertEquals("$x$", Label.parse(Map.of("latex", "$x$")).text());
        assertNull(Label.parse(Map.of("latex", "$x$", "html", "<b>")));
        assertNull(Label.parse(List.of("a")));
        assertEquals("3", Label.parse(3).text());
    }
}
