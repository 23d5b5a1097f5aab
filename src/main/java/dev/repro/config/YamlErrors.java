package dev.repro.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain, located wording for the YAML parser's errors. The parser's own text ("while scanning for the next
 * token", at the end of the line before the mistake) names neither the mistake nor its fix; its full message
 * holds a context mark and a problem mark ("in 'reader', line L, column C"), from which this finds the
 * character to blame and says what to do.
 */
final class YamlErrors {
    private static final Pattern MARK = Pattern.compile("in '[^']*', line (\\d+), column (\\d+):");

    /** A message at a line and column (1-based). */
    record Located(int line, int column, String message) {
    }

    private YamlErrors() {
    }

    /**
     * The located message for a YAML parser error; null when the parser's text is not one of the known
     * kinds (the caller then keeps the parser's own first line).
     */
    static Located explain(String parserMessage, String source) {
        if (parserMessage == null) {
            return null;
        }
        List<int[]> marks = new ArrayList<>();
        Matcher m = MARK.matcher(parserMessage);
        while (m.find()) {
            marks.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        if (marks.isEmpty()) {
            return null;
        }
        int[] problem = marks.get(marks.size() - 1);
        int[] context = marks.get(0);
        String[] lines = source.split("\n", -1);
        if (parserMessage.contains("(TAB)")) {
            return new Located(problem[0], problem[1], "a tab character in the indentation; YAML indents with spaces only:"
                    + " replace the tab with spaces");
        }
        if (parserMessage.startsWith("while scanning a quoted scalar")) {
            char quote = charAt(lines, context);
            return new Located(context[0], context[1], "the quote " + quote + " opened here is never closed; end the value"
                    + " with " + quote + " on the same line");
        }
        if (parserMessage.startsWith("while parsing a flow sequence") || parserMessage.startsWith("while parsing a flow mapping")) {
            boolean list = parserMessage.startsWith("while parsing a flow sequence");
            return new Located(context[0], context[1], "the " + (list ? "'['" : "'{'") + " opened here is not closed before line "
                    + problem[0] + "; close it with " + (list ? "']'" : "'}'") + " and separate the items with commas");
        }
        if (parserMessage.contains("found '-'")) {
            return new Located(problem[0], problem[1], "a list item ('- ') where keys are expected (the mapping at line "
                    + context[0] + " holds 'key: value' entries); write it as 'key: value', or indent it under a key of its own");
        }
        if (parserMessage.startsWith("while parsing a block collection") && parserMessage.contains("found '?'")) {
            return new Located(problem[0], problem[1], "a key where list items are expected (the list at line " + context[0]
                    + " holds '- ' items); a section is either a list of '- ' items or a mapping of 'key: value' entries,"
                    + " not both");
        }
        if (parserMessage.startsWith("while parsing a block mapping") && parserMessage.contains("but found '<block mapping start>'")) {
            return new Located(problem[0], problem[1], "bad indentation: this key starts at column " + problem[1]
                    + ", where no key above it starts (the keys of the mapping at line " + context[0] + " start at column "
                    + context[1] + "); line it up with the key it belongs beside");
        }
        if (parserMessage.startsWith("mapping values are not allowed here")) {
            int prev = previousContentLine(lines, problem[0]);
            int indent = indent(lines, problem[0]);
            if (prev > 0 && indent > indent(lines, prev) && !lines[prev - 1].strip().endsWith(":")) {
                return new Located(problem[0], indent + 1, "bad indentation: this line is indented more than line " + prev
                        + ", which already has a value; line it up with the key on line " + prev);
            }
            return new Located(problem[0], problem[1], "a second ': ' inside a value; quote the value (\"...\") if the"
                    + " colon belongs to it, or put the key on a line of its own");
        }
        return null;
    }

    private static char charAt(String[] lines, int[] mark) {
        String l = mark[0] - 1 < lines.length ? lines[mark[0] - 1] : "";
        char c = mark[1] - 1 < l.length() ? l.charAt(mark[1] - 1) : '"';
        return c == '\'' ? '\'' : '"';
    }

    private static int previousContentLine(String[] lines, int line) {
        for (int i = line - 2; i >= 0; i--) {
            String s = lines[i].strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int indent(String[] lines, int line) {
        String l = line - 1 < lines.length ? lines[line - 1] : "";
        int i = 0;
        while (i < l.length() && l.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
