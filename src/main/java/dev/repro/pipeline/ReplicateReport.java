package dev.repro.pipeline;

import dev.repro.report.Escape;
import java.util.List;

/**
 * The replication report as a small document (sections of paragraphs, bullet lists and tables) rendered
 * twice, as Markdown and as HTML, so that both say the same and each escapes what it embeds in one place.
 */
final class ReplicateReport {
    /** One part of a section. */
    sealed interface Block permits Paragraph, Items, Table {
    }

    record Paragraph(String text) implements Block {
    }

    record Items(List<String> items) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    record Section(String title, List<Block> blocks) {
    }

    private ReplicateReport() {
    }

    static String markdown(String title, List<Section> sections) {
        StringBuilder md = new StringBuilder("# ").append(Escape.markdown(title)).append("\n\n");
        for (Section s : sections) {
            md.append("## ").append(Escape.markdown(s.title())).append("\n\n");
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    md.append(Escape.markdown(p.text())).append("\n\n");
                } else if (b instanceof Items items) {
                    for (String item : items.items()) {
                        md.append("- ").append(Escape.markdown(item)).append('\n');
                    }
                    md.append('\n');
                } else if (b instanceof Table t) {
                    md.append(row(t.header())).append("|---".repeat(t.header().size())).append("|\n");
                    for (List<String> r : t.rows()) {
                        md.append(row(r));
                    }
                    md.append('\n');
                }
            }
        }
        return md.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (String c : cells) {
            sb.append("| ").append(Escape.markdown(c)).append(' ');
        }
        return sb.append("|\n").toString();
    }

    static String html(String title, List<Section> sections) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Escape.html(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(Escape.html(title)).append("</h1>\n");
        for (Section s : sections) {
            h.append("<h2>").append(Escape.html(s.title())).append("</h2>\n");
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    h.append("<p>").append(Escape.html(p.text())).append("</p>\n");
                } else if (b instanceof Items items) {
                    h.append("<ul>\n");
                    for (String item : items.items()) {
                        h.append("<li>").append(Escape.html(item)).append("</li>\n");
                    }
                    h.append("</ul>\n");
                } else if (b instanceof Table t) {
                    h.append("<table>\n<tr>");
                    for (String c : t.header()) {
                        h.append("<th>").append(Escape.html(c)).append("</th>");
                    }
                    h.append("</tr>\n");
                    for (List<String> r : t.rows()) {
                        h.append("<tr>");
                        for (String c : r) {
                            h.append("<td>").append(Escape.html(c)).append("</td>");
                        }
                        h.append("</tr>\n");
                    }
                    h.append("</table>\n");
                }
            }
        }
        return h.append("</body>\n</html>\n").toString();
    }
}
