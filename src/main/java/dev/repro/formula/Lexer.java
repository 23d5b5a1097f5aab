package dev.repro.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into tokens. A lexical mistake (stray character, unclosed quote, malformed number) becomes
 * an ERROR token at its place followed by END, so that the parser reports mistakes in text order.
 */
final class Lexer {
    private final String s;
    private int i;
    private final List<Token> out = new ArrayList<>();

    private Lexer(String s) {
        this.s = s;
    }

    static List<Token> tokens(String text) {
        Lexer lx = new Lexer(text);
        lx.run();
        return lx.out;
    }

    /** Letters (any script), digits, combining marks (as in a decomposed é), underscore and dot continue a name. */
    static boolean isNamePart(int c) {
        if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    static boolean isNameStart(int c) {
        return Character.isLetter(c) || c == '_' || c == '.';
    }

    /** A name that can be written without backquotes. */
    static boolean isPlainName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!isNameStart(first)) {
            return false;
        }
        if (first == '.' && name.length() > 1 && isDigit(name.charAt(1))) {
            return false;
        }
        for (int k = 0; k < name.length(); ) {
            int c = name.codePointAt(k);
            if (!isNamePart(c)) {
                return false;
            }
            k += Character.charCount(c);
        }
        return true;
    }

    private void run() {
        int n = s.length();
        while (true) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                out.add(new Token(Token.Type.END, "", n, n, 0, false));
                return;
            }
            int start = i;
            int c = s.codePointAt(i);
            if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                if (!number(start)) {
                    return;
                }
            } else if (c == '.' && (i + 1 >= n || !isNamePart(s.codePointAt(i + 1)))) {
                error(start, "unexpected character '.'" + HINT + MISSING_HINT);
                return;
            } else if (isNameStart(c)) {
                while (i < n && isNamePart(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                out.add(new Token(Token.Type.NAME, s.substring(start, i), start, i, 0, false));
            } else if (c == '`') {
                int close = s.indexOf('`', start + 1);
                if (close < 0) {
                    error(start, "unclosed backquote" + HINT + "add the closing `");
                    return;
                }
                if (close == start + 1) {
                    error(start, "empty name between backquotes");
                    return;
                }
                i = close + 1;
                out.add(new Token(Token.Type.NAME, s.substring(start + 1, close), start, i, 0, true));
            } else if (c == '\'' || c == '"') {
                if (!string(start, (char) c)) {
                    return;
                }
            } else {
                if (!symbol(start, c)) {
                    return;
                }
            }
        }
    }

    /** Numbers are written with the digits 0-9 only (other scripts' digits may continue a name). */
    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private boolean number(int start) {
        int n = s.length();
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
                e++;
            }
            if (e < n && isDigit(s.charAt(e))) {
                i = e;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
            } else {
                error(start, "malformed number '" + s.substring(start, Math.min(n, e)) + "'");
                return false;
            }
        }
        String text = s.substring(start, i);
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            error(start, "the number " + text + " is too large");
            return false;
        }
        out.add(new Token(Token.Type.NUMBER, text, start, i, v, false));
        return true;
    }

    private boolean string(int start, char quote) {
        StringBuilder sb = new StringBuilder();
        int n = s.length();
        i = start + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == quote || s.charAt(i + 1) == '\\')) {
                sb.append(s.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                i++;
                out.add(new Token(Token.Type.STRING, sb.toString(), start, i, 0, false));
                return true;
            } else {
                sb.append(c);
                i++;
            }
        }
        error(start, "unclosed quote" + HINT + "add the closing " + quote);
        return false;
    }

    private boolean symbol(int start, int c) {
        int n = s.length();
        char next = start + 1 < n ? s.charAt(start + 1) : 0;
        Token.Type t;
        int len = 1;
        switch (c) {
            case '~' -> t = Token.Type.TILDE;
            case '+' -> t = Token.Type.PLUS;
            case '-' -> t = Token.Type.MINUS;
            case '*' -> t = Token.Type.STAR;
            case '/' -> t = Token.Type.SLASH;
            case '^' -> t = Token.Type.CARET;
            case ':' -> t = Token.Type.COLON;
            case ',' -> t = Token.Type.COMMA;
            case '(' -> t = Token.Type.LPAREN;
            case ')' -> t = Token.Type.RPAREN;
            case '|' -> {
                t = next == '|' ? Token.Type.BARBAR : Token.Type.BAR;
                len = next == '|' ? 2 : 1;
            }
            case '&' -> {
                t = next == '&' ? Token.Type.AMPAMP : Token.Type.AMP;
                len = next == '&' ? 2 : 1;
            }
            case '<' -> {
                t = next == '=' ? Token.Type.LE : Token.Type.LT;
                len = next == '=' ? 2 : 1;
            }
            case '>' -> {
                t = next == '=' ? Token.Type.GE : Token.Type.GT;
                len = next == '=' ? 2 : 1;
            }
            case '=' -> {
                t = next == '=' ? Token.Type.EQ : Token.Type.ASSIGN;
                len = next == '=' ? 2 : 1;
            }
            case '!' -> {
                t = next == '=' ? Token.Type.NE : Token.Type.BANG;
                len = next == '=' ? 2 : 1;
            }
            default -> {
                String like = lookalike(c);
                String hint = like == null ? Character.isDigit(c) ? HINT + "write numbers with the digits 0-9" : ""
                        : like.equals(" ") ? HINT + "replace it with a normal space"
                        : HINT + "did you mean '" + like + "'? (type it with an English keyboard layout)";
                error(start, "unexpected character " + showChar(c) + hint);
                return false;
            }
        }
        i = start + len;
        out.add(new Token(t, s.substring(start, i), start, i, 0, false));
        return true;
    }

    /** For a lone '.' or NA: how missing values behave. */
    static final String MISSING_HINT = "a missing value is not written in a comparison: a comparison with a missing cell is"
            + " unknown and its row is dropped";

    /** Separates message and hint in the text of an ERROR token. */
    static final String HINT = "\u0000";

    /** Full-width and typographic characters that look like an operator (Chinese input methods, word processors). */
    static String lookalike(int c) {
        if (c >= 0xFF10 && c <= 0xFF19) {
            return String.valueOf((char) ('0' + c - 0xFF10));
        }
        return switch (c) {
            case 0xFF5E, 0x301C, 0x223C -> "~";
            case 0x2212, 0x2013, 0x2014, 0xFF0D -> "-";
            case 0xFF0B -> "+";
            case 0xFF5C -> "|";
            case 0xFF08 -> "(";
            case 0xFF09 -> ")";
            case 0xFF0C, 0x3001 -> ",";
            case 0xFF1A -> ":";
            case 0xFF1C -> "<";
            case 0xFF1E -> ">";
            case 0xFF1D -> "=";
            case 0x2264 -> "<=";
            case 0x2265 -> ">=";
            case 0x2260 -> "!=";
            case 0x2018, 0x2019 -> "'";
            case 0x201C, 0x201D -> "\"";
            case 0x00A0, 0x3000, 0x2009, 0x202F -> " ";
            default -> null;
        };
    }

    static String showChar(int c) {
        if (c < 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
            return String.format(Locale.ROOT, "U+%04X", c);
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }

    private void error(int at, String message) {
        out.add(new Token(Token.Type.ERROR, message, at, at, 0, false));
        out.add(new Token(Token.Type.END, "", s.length(), s.length(), 0, false));
    }
}
