package dev.repro.formula;

import java.util.ArrayList;
import java.util.List;

/** Splits formula and filter texts into tokens with 1-based positions. */
final class Lexer {
    enum Kind { IDENT, NUMBER, STRING, SYMBOL, END }

    record Token(Kind kind, String text, int pos) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        String shown() {
            return kind == Kind.END ? "the end" : "'" + text + "'";
        }
    }

    static List<Token> lex(String s) throws FormulaException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int st = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(st, i), st + 1));
            } else if (c == '`') {
                int st = i;
                int close = s.indexOf('`', i + 1);
                if (close < 0) {
                    throw new FormulaException(s, st + 1, "unclosed '`'");
                }
                out.add(new Token(Kind.IDENT, s.substring(i + 1, close), st + 1));
                i = close + 1;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int st = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int save = i;
                    i++;
                    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < s.length() && Character.isDigit(s.charAt(i))) {
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    } else {
                        i = save;
                    }
                }
                String num = s.substring(st, i);
                try {
                    Double.parseDouble(num);
                } catch (NumberFormatException e) {
                    throw new FormulaException(s, st + 1, "'" + num + "' is not a number");
                }
                out.add(new Token(Kind.NUMBER, num, st + 1));
            } else if (c == '\'' || c == '"') {
                int st = i;
                int close = s.indexOf(c, i + 1);
                if (close < 0) {
                    throw new FormulaException(s, st + 1, "unclosed quote " + c);
                }
                out.add(new Token(Kind.STRING, s.substring(i + 1, close), st + 1));
                i = close + 1;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("==") || two.equals("!=")) {
                    out.add(new Token(Kind.SYMBOL, two, i + 1));
                    i += 2;
                } else if ("~+|(),:^<>-*/=!&".indexOf(c) >= 0) {
                    out.add(new Token(Kind.SYMBOL, String.valueOf(c), i + 1));
                    i++;
                } else {
                    throw new FormulaException(s, i + 1, "unexpected character '" + c + "'");
                }
            }
        }
        out.add(new Token(Kind.END, "", s.length() + 1));
        return out;
    }

    private Lexer() {
    }
}
