package dev.repro.formula;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.formula.Lexer.Kind;
import dev.repro.formula.Lexer.Token;
import dev.repro.study.Located;
import dev.repro.study.Problems;
import dev.repro.study.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A row filter such as {@code year <= 2018 and coastal == 1} or {@code province in ('Beijing', 'Tianjin')}.
 * <pre>
 * filter     = conj { "or" conj } ;  conj = neg { "and" neg } ;  neg = "not" neg | atom
 * atom       = "(" filter ")" | column op value | column [ "not" ] "in" "(" value { "," value } ")"
 * op         = "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!="
 * value      = number | '-' number | quoted text
 * </pre>
 * A missing cell makes every comparison false (so {@code x != 1} keeps no row whose x is missing).
 */
public final class SampleFilter {
    private sealed interface Node permits Or, And, Not, Compare, In {
    }

    private record Or(Node a, Node b) implements Node {
    }

    private record And(Node a, Node b) implements Node {
    }

    private record Not(Node a) implements Node {
    }

    private record Compare(Token column, String op, Token value) implements Node {
    }

    private record In(Token column, boolean negated, List<Token> values) implements Node {
    }

    private final String text;
    private final Node root;

    private SampleFilter(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    public String text() {
        return text;
    }

    public static SampleFilter parse(String text) throws FormulaException {
        Parser p = new Parser(text, Lexer.lex(text));
        Node n = p.or();
        if (p.peek().kind() != Kind.END) {
            throw new FormulaException(text, p.peek().pos(), "unexpected " + p.peek().shown()
                    + "; join comparisons with 'and' or 'or'");
        }
        return new SampleFilter(text, n);
    }

    /** The columns the filter reads. */
    public Set<String> columns() {
        Set<String> out = new java.util.LinkedHashSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, Set<String> out) {
        if (n instanceof Or o) {
            collect(o.a(), out);
            collect(o.b(), out);
        } else if (n instanceof And a) {
            collect(a.a(), out);
            collect(a.b(), out);
        } else if (n instanceof Not x) {
            collect(x.a(), out);
        } else if (n instanceof Compare c) {
            out.add(c.column().text());
        } else if (n instanceof In i) {
            out.add(i.column().text());
        }
    }

    /** The rows the filter keeps; null after problems (unknown column, text compared with a number). */
    public boolean[] evaluate(Dataset d, Located where, Problems problems) {
        int before = problems.size();
        check(root, d, where, problems);
        if (problems.size() > before) {
            return null;
        }
        return eval(root, d);
    }

    private void check(Node n, Dataset d, Located where, Problems problems) {
        if (n instanceof Or o) {
            check(o.a(), d, where, problems);
            check(o.b(), d, where, problems);
        } else if (n instanceof And a) {
            check(a.a(), d, where, problems);
            check(a.b(), d, where, problems);
        } else if (n instanceof Not x) {
            check(x.a(), d, where, problems);
        } else {
            Token col = n instanceof Compare c ? c.column() : ((In) n).column();
            List<Token> values = n instanceof Compare c ? List.of(c.value()) : ((In) n).values();
            Column column = d.column(col.text());
            if (column == null) {
                String hint = Suggest.didYouMean(col.text(), d.columnNames());
                problems.add(where.problem("sample \"" + text + "\": unknown variable '" + col.text() + "' in dataset " + d.name()
                        + (hint.isEmpty() ? "; its columns are: " + String.join(", ", d.columnNames()) : hint)));
                return;
            }
            for (Token v : values) {
                boolean textValue = v.kind() == Kind.STRING;
                if (column instanceof NumericColumn && textValue) {
                    problems.add(where.problem("sample \"" + text + "\": '" + col.text() + "' is a number column, compared with the text '"
                            + v.text() + "'; write the value without quotes"));
                } else if (column instanceof TextColumn && !textValue) {
                    problems.add(where.problem("sample \"" + text + "\": '" + col.text() + "' is a text column, compared with the number "
                            + v.text() + "; put the value in quotes, e.g. '" + v.text() + "'"));
                }
                if (n instanceof Compare c && column instanceof TextColumn && !c.op().equals("==") && !c.op().equals("!=")) {
                    problems.add(where.problem("sample \"" + text + "\": text column '" + col.text() + "' can only be compared with == or !="));
                }
            }
        }
    }

    private boolean[] eval(Node n, Dataset d) {
        int rows = d.rows();
        if (n instanceof Or o) {
            boolean[] a = eval(o.a(), d);
            boolean[] b = eval(o.b(), d);
            for (int i = 0; i < rows; i++) {
                a[i] |= b[i];
            }
            return a;
        }
        if (n instanceof And x) {
            boolean[] a = eval(x.a(), d);
            boolean[] b = eval(x.b(), d);
            for (int i = 0; i < rows; i++) {
                a[i] &= b[i];
            }
            return a;
        }
        if (n instanceof Not x) {
            boolean[] a = eval(x.a(), d);
            for (int i = 0; i < rows; i++) {
                a[i] = !a[i];
            }
            return a;
        }
        boolean[] out = new boolean[rows];
        if (n instanceof Compare c) {
            Column col = d.column(c.column().text());
            if (col instanceof NumericColumn num) {
                double v = Double.parseDouble(c.value().text());
                double[] x = num.values();
                for (int i = 0; i < rows; i++) {
                    out[i] = !Double.isNaN(x[i]) && compare(x[i], c.op(), v);
                }
            } else {
                TextColumn t = (TextColumn) col;
                for (int i = 0; i < rows; i++) {
                    String s = t.get(i);
                    out[i] = s != null && (c.op().equals("==") == s.equals(c.value().text()));
                }
            }
            return out;
        }
        In in = (In) n;
        Column col = d.column(in.column().text());
        for (int i = 0; i < rows; i++) {
            if (col.isMissing(i)) {
                continue;
            }
            boolean found = false;
            for (Token v : in.values()) {
                if (col instanceof NumericColumn num) {
                    found |= num.get(i) == Double.parseDouble(v.text());
                } else {
                    found |= v.text().equals(((TextColumn) col).get(i));
                }
            }
            out[i] = found != in.negated();
        }
        return out;
    }

    private static boolean compare(double x, String op, double v) {
        return switch (op) {
            case "<" -> x < v;
            case "<=" -> x <= v;
            case ">" -> x > v;
            case ">=" -> x >= v;
            case "==" -> x == v;
            default -> x != v;
        };
    }

    private static final class Parser {
        private final String text;
        private final List<Token> tokens;
        private int p;

        Parser(String text, List<Token> tokens) {
            this.text = text;
            this.tokens = tokens;
        }

        Token peek() {
            return tokens.get(p);
        }

        private boolean word(String w) {
            if (peek().kind() == Kind.IDENT && peek().text().equals(w)) {
                p++;
                return true;
            }
            return false;
        }

        Node or() throws FormulaException {
            Node n = and();
            while (word("or")) {
                n = new Or(n, and());
            }
            return n;
        }

        Node and() throws FormulaException {
            Node n = not();
            while (word("and")) {
                n = new And(n, not());
            }
            return n;
        }

        Node not() throws FormulaException {
            if (word("not")) {
                return new Not(not());
            }
            return atom();
        }

        Node atom() throws FormulaException {
            Token t = peek();
            if (t.is("(")) {
                p++;
                Node n = or();
                if (!peek().is(")")) {
                    throw new FormulaException(text, peek().pos(), "missing ')' to close '(' at character " + t.pos());
                }
                p++;
                return n;
            }
            if (t.kind() != Kind.IDENT || List.of("and", "or", "not", "in").contains(t.text())) {
                throw new FormulaException(text, t.pos(), "expected a column name, found " + t.shown());
            }
            p++;
            boolean negated = false;
            if (peek().kind() == Kind.IDENT && peek().text().equals("not")) {
                p++;
                negated = true;
                if (!(peek().kind() == Kind.IDENT && peek().text().equals("in"))) {
                    throw new FormulaException(text, peek().pos(), "expected 'in' after 'not'");
                }
            }
            if (word("in")) {
                if (!peek().is("(")) {
                    throw new FormulaException(text, peek().pos(), "expected '(' and a list of values after 'in'");
                }
                p++;
                List<Token> values = new ArrayList<>();
                do {
                    values.add(value());
                } while (comma());
                if (!peek().is(")")) {
                    throw new FormulaException(text, peek().pos(), "expected ',' or ')' in the list of values, found " + peek().shown());
                }
                p++;
                return new In(t, negated, values);
            }
            Token op = peek();
            if (op.kind() != Kind.SYMBOL || !List.of("<", "<=", ">", ">=", "==", "!=").contains(op.text())) {
                String hint = op.is("=") ? "; write == to compare" : "";
                throw new FormulaException(text, op.pos(), "expected a comparison (<, <=, >, >=, ==, !=) or 'in' after '"
                        + t.text() + "', found " + op.shown() + hint);
            }
            p++;
            return new Compare(t, op.text(), value());
        }

        private boolean comma() {
            if (peek().is(",")) {
                p++;
                return true;
            }
            return false;
        }

        private Token value() throws FormulaException {
            Token v = peek();
            if (v.is("-")) {
                p++;
                Token num = peek();
                if (num.kind() != Kind.NUMBER) {
                    throw new FormulaException(text, num.pos(), "expected a number after '-'");
                }
                p++;
                return new Token(Kind.NUMBER, "-" + num.text(), v.pos());
            }
            if (v.kind() != Kind.NUMBER && v.kind() != Kind.STRING) {
                throw new FormulaException(text, v.pos(), "expected a number or a quoted text, found " + v.shown()
                        + (v.kind() == Kind.IDENT ? "; put text in quotes: '" + v.text() + "'" : ""));
            }
            p++;
            return v;
        }
    }
}
