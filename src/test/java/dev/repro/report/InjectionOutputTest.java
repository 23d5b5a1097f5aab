package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.study.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile cell, title and note texts in every table format, byte for byte: CSV cells that a spreadsheet
 * would run as formulas are neutralised (numbers stay numbers), Markdown notes cannot open a heading, list
 * or rule, HTML and LaTeX escape their specials.
 */
class InjectionOutputTest {
    private static TableModel hostile() {
        TableModel.Row head = TableModel.Row.of(TableModel.RowKind.HEADER, List.of(
                TableModel.Cell.text(""), TableModel.Cell.text("=HYPERLINK(\"http://x\",\"y\")"), TableModel.Cell.text("@SUM(A1)")));
        TableModel.Row numbers = TableModel.Row.of(TableModel.RowKind.COEFFICIENT, List.of(
                TableModel.Cell.text("-2+3"), TableModel.Cell.num(TableModel.Num.of("-0.250", "**", "", "")),
                TableModel.Cell.num(TableModel.Num.of("-4,937.897", "", "(", ")"))));
        TableModel.Row texts = TableModel.Row.of(TableModel.RowKind.TEXT, List.of(
                TableModel.Cell.text("+cmd|' /C calc'!A0"), TableModel.Cell.text("\tx"), TableModel.Cell.text("\rY")));
        return new TableModel("inj", "descriptive", Label.plain("<img src=x onerror=alert(1)>"), 2, List.of(head),
                List.of(numbers, texts), List.of(Label.plain("# x"), Label.plain("- x"), Label.plain("---"),
                Label.plain("1. x"), Label.plain("[a](javascript:alert(1))")), false);
    }

    private static String render(String format) throws Exception {
        return new TableWriter(new Templates(null)).render(hostile(), format);
    }

    @Test
    void csvNeutralisesFormulasAndKeepsNumbers() throws Exception {
        assertEquals(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'@SUM(A1)\"\r\n"
                + "\"'-2+3\",-0.250**,\"(-4,937.897)\"\r\n"
                + "\"'+cmd|' /C calc'!A0\",\"'\tx\",\"'\rY\"\r\n", render("csv"));
    }

    @Test
    void markdownNotesStayParagraphs() throws Exception {
        assertEquals("**\\<img src=x onerror=alert(1)\\>**\n\n"
                + "|  | =HYPERLINK(\"http://x\",\"y\") | @SUM(A1) |\n"
                + "| :--- | :---: | :---: |\n"
                + "| -2+3 | -0.250\\*\\* | (-4,937.897) |\n"
                + "| +cmd\\|' /C calc'!A0 |  x |  Y |\n"
                + "\n\\# x\n\n\\- x\n\n\\---\n\n1\\. x\n\n\\[a\\](javascript:alert(1))\n", render("md"));
    }

    @Test
    void htmlEscapesTitleCellsAndNotes() throws Exception {
        String html = render("html");
        assertEquals("<title>&lt;img src=x onerror=alert(1)&gt;</title>",
                html.substring(html.indexOf("<title>"), html.indexOf("</title>") + 8));
        assertEquals("<table class=\"repro-table\" id=\"table-inj\">\n"
                + "<caption>&lt;img src=x onerror=alert(1)&gt;</caption>\n"
                + "<thead>\n"
                + "<tr><td></td><th scope=\"col\">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</th><th scope=\"col\">@SUM(A1)</th></tr>\n"
                + "</thead>\n"
                + "<tbody>\n"
                + "<tr class=\"coefficient\"><th scope=\"row\">-2+3</th><td>-0.250<sup>**</sup></td><td>(-4,937.897)</td></tr>\n"
                + "<tr class=\"text\"><th scope=\"row\">+cmd|&#39; /C calc&#39;!A0</th><td>\tx</td><td>\rY</td></tr>\n"
                + "</tbody>\n"
                + "<tfoot>\n"
                + "<tr><td colspan=\"3\"><p># x</p><p>- x</p><p>---</p><p>1. x</p><p>[a](javascript:alert(1))</p></td></tr>\n"
                + "</tfoot>\n"
                + "</table>", html.substring(html.indexOf("<table"), html.indexOf("</table>") + 8));
    }

    @Test
    void latexEscapesTitleCellsAndNotes() throws Exception {
        String tex = render("tex");
        // the rows are kept in \reproRows, measured and set by the fragment's own macros (docs/tables.md)
        assertEquals("\\def\\reproRows{%\n"
                + "\\toprule\n"
                + " & =HYPERLINK(\"http://x\",\"y\") & @SUM(A1) \\\\\n"
                + "\\midrule\n"
                + "\\reproText{-2+3} & $-$0.250\\sym{**} & ($-$4,937.897) \\\\\n"
                + "\\reproText{+cmd\\textbar{}' /C calc'!A0} &  x &  Y \\\\\n"
                + "\\bottomrule}%\n", tex.substring(tex.indexOf("\\def\\reproRows"), tex.indexOf("\\def\\reproNatural")));
        assertEquals("\\caption{\\textless{}img src=x onerror=alert(1)\\textgreater{}}\n"
                + "\\label{tab:inj}\n"
                + "\\expandafter\\def\\csname TPT@begintabhook\\endcsname{\\csname TPT@begintabbox\\endcsname\\reproSize}% the font inside the table, not the caption\n"
                + "\\expandafter\\reproTabular\\expandafter{\\reproCols}\n"
                + "\\begin{tablenotes}[flushleft]\n"
                + "\\footnotesize\n"
                + "\\raggedright\n"
                + "\\item \\# x\n"
                + "\\item - x\n"
                + "\\item -{}-{}-\n"
                + "\\item 1. x\n"
                + "\\item {[}a{]}(javascript:alert(1))\n"
                + "\\end{tablenotes}\n", tex.substring(tex.indexOf("\\caption"), tex.indexOf("\\end{threeparttable}")));
        assertTrue(tex.contains("\\def\\reproNatural{@{}lcc@{}}%\n"), tex);
    }

    @Test
    void escapeCsvPerCellKind() {
        assertEquals("-0.25", Escape.csv("-0.25"));
        assertEquals("+1.5e-08", Escape.csv("+1.5e-08"));
        assertEquals("\"-4,937.897**\"", Escape.csv("-4,937.897**"));
        assertEquals("\"'-\"", Escape.csv("-"));
        assertEquals("\"'=1+1\"", Escape.csv("=1+1"));
        assertEquals("\"'@x\"", Escape.csv("@x"));
        assertEquals("\"'=\"\"a\"\"\"", Escape.csv("=\"a\""));
        assertEquals("a=b", Escape.csv("a=b"));
    }

    @Test
    void escapeMarkdownBlockStarts() {
        assertEquals("\\# x", Escape.markdown("# x"));
        assertEquals("\\- x", Escape.markdown("- x"));
        assertEquals("\\+ x", Escape.markdown("+ x"));
        assertEquals("\\---", Escape.markdown("---"));
        assertEquals("\\===", Escape.markdown("==="));
        assertEquals("  \\- - -", Escape.markdown("  - - -"));
        assertEquals("1\\. x", Escape.markdown("1. x"));
        assertEquals("2\\) x", Escape.markdown("2) x"));
        assertEquals("-0.25", Escape.markdown("-0.25"));
        assertEquals("1.5 x", Escape.markdown("1.5 x"));
        assertEquals("a # b - c", Escape.markdown("a # b - c"));
        assertEquals("\\<img src=x onerror=alert(1)\\>", Escape.markdown("<img src=x onerror=alert(1)>"));
        assertEquals("\\[a\\](javascript:alert(1))", Escape.markdown("[a](javascript:alert(1))"));
    }

    @Test
    void markdownCodeSpansHoldAnyFileName() {
        assertEquals("`data/a.csv`", Escape.markdownCode("data/a.csv"));
        assertEquals("`` a`b ``", Escape.markdownCode("a`b"));
        assertEquals("`a\\|b c`", Escape.markdownCode("a|b\nc"));
    }
}
