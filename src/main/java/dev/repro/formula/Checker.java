package dev.repro.formula;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.InferredText;
import dev.repro.data.TextColumn;
import dev.repro.diag.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks parsed terms and conditions against a dataset: every column exists (else a suggestion), numeric
 * where a number is needed, text compared only with text, lags and differences only on panel datasets.
 * Each unknown name and the panel requirement are reported once, at their first use.
 */
final class Checker {
    enum Kind { NUMBER, TEXT, UNKNOWN }

    private final String what;
    private final String noun;
    private final String text;
    private final boolean formula;
    private final Dataset data;
    private final List<String> columns;
    private final List<TextProblem> problems = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private boolean panelReported;

    Checker(String what, String noun, String text, boolean formula, Dataset data) {
        this.what = what;
        this.noun = noun;
        this.text = text;
        this.formula = formula;
        this.data = data;
        this.columns = data.columnNames();
    }

    List<TextProblem> problems() {
        return problems;
    }

    private void add(int position, String message, String hint) {
        problems.add(new TextProblem(what, noun, text, Math.max(0, position), message, hint));
    }

    /**
     * A column made text by a few cells: the fix is in the data file, so the problem is reported there, at the
     * first text cell; every formula that uses the column gives the same problem, which the study check keeps once.
     */
    private void addInferred(int position, String message, InferredText why, String column) {
        String located = why.message(column);
        Problem atCell = Problem.at(why.file(), why.line(), why.column(), located.substring(why.where().length() + 2));
        problems.add(new TextProblem(what, noun, text, Math.max(0, position), message, located, atCell));
    }

    /** A term whose value must be a number; {@code textHint} is the fix shown when a text column is used. */
    void numeric(Term t, String textHint) {
        if (t instanceof Term.Variable v) {
            Column c = known(v);
            if (c instanceof TextColumn tc && reported.add("text:" + v.name())) {
                // a mostly numeric column made text by a few cells: name the cell, not the formula's advice
                InferredText why = tc.inferredText();
                String message = "variable '" + v.name() + "' of dataset " + data.name() + " is text, not numeric";
                if (why == null) {
                    add(v.position(), message, textHint);
                } else {
                    addInferred(v.position(), message, why, v.name());
                }
            }
        } else if (t instanceof Term.Constant) {
            return;
        } else if (t instanceof Term.Negate n) {
            numeric(n.operand(), textHint);
        } else if (t instanceof Term.Arithmetic a) {
            numeric(a.left(), textHint);
            numeric(a.right(), textHint);
        } else if (t instanceof Term.Function f) {
            numeric(f.argument(), textHint);
        } else if (t instanceof Term.Lag l) {
            panel(l);
            numeric(l.operand(), textHint);
        } else if (t instanceof Term.Difference d) {
            panel(d);
            numeric(d.operand(), textHint);
        } else if (t instanceof Term.IfElse ie) {
            condition(ie.condition());
            numeric(ie.whenTrue(), textHint);
            numeric(ie.whenFalse(), textHint);
        }
    }

    /** A column used as is (an absorbed effect): it must exist, any type. */
    void anyColumn(String name, int position) {
        if (!data.has(name)) {
            unknown(name, position);
        }
    }

    private Column known(Term.Variable v) {
        Column c = data.column(v.name());
        if (c == null) {
            unknown(v.name(), v.position());
        }
        return c;
    }

    private void unknown(String name, int position) {
        if (reported.add("unknown:" + name)) {
            add(position, "unknown variable '" + name + "' in dataset " + data.name(), Hints.column(name, columns, formula));
        }
    }

    private void panel(Term t) {
        if (!data.isPanel() && !panelReported) {
            panelReported = true;
            add(t.position(), t.label() + " needs a panel dataset, but dataset " + data.name() + " has no "
                    + missingPanelKeys(data), "declare id: and time: for dataset " + data.name() + " in the study file");
        }
    }

    /** "id and time", "id" or "time", whichever the dataset lacks. */
    static String missingPanelKeys(Dataset d) {
        if (d.idColumn() == null && d.timeColumn() == null) {
            return "id and time";
        }
        return d.idColumn() == null ? "id" : "time";
    }

    private static final String TEXT_COMPARE = "text columns can only be compared with quoted text, as in state == 'AL'";

    void condition(Condition c) {
        if (c instanceof Condition.Comparison cmp) {
            comparison(cmp);
        } else if (c instanceof Condition.Membership m) {
            membership(m);
        } else if (c instanceof Condition.And a) {
            condition(a.left());
            condition(a.right());
        } else if (c instanceof Condition.Or o) {
            condition(o.left());
            condition(o.right());
        } else if (c instanceof Condition.Not n) {
            condition(n.operand());
        }
    }

    private Kind kind(Operand o) {
        if (o instanceof TextLiteral) {
            return Kind.TEXT;
        }
        if (o instanceof Term.Variable v) {
            Column c = known(v);
            return c == null ? Kind.UNKNOWN : c instanceof TextColumn ? Kind.TEXT : Kind.NUMBER;
        }
        int before = problems.size();
        numeric((Term) o, TEXT_COMPARE);
        return problems.size() > before ? Kind.UNKNOWN : Kind.NUMBER;
    }

    private void comparison(Condition.Comparison c) {
        Kind l = kind(c.left());
        Kind r = kind(c.right());
        if (l == Kind.UNKNOWN || r == Kind.UNKNOWN) {
            return;
        }
        if (c.left() instanceof TextLiteral && c.right() instanceof TextLiteral) {
            add(c.position(), "both sides of '" + c.op().symbol() + "' are quoted text", "compare a column with a value, as in state == 'AL'");
            return;
        }
        if (l == Kind.TEXT && r == Kind.TEXT) {
            if (!c.op().isEquality()) {
                add(c.opPosition(), "text cannot be compared with '" + c.op().symbol() + "'", "compare text with == or !=");
            }
            return;
        }
        if (l != r) {
            mismatch(c, l == Kind.TEXT ? c.left() : c.right(), l == Kind.TEXT ? c.right() : c.left());
        }
    }

    /** A text side (column or literal) against a numeric side of comparison {@code c}. */
    private void mismatch(Condition.Comparison c, Operand textSide, Operand numberSide) {
        if (textSide instanceof TextLiteral lit) {
            String hint = null;
            if (numberSide instanceof Term.Variable && isNumber(lit.value())) {
                // the comparison as written, the quoted number replaced by the number
                Term number = new Term.Constant(Double.parseDouble(lit.value().trim()));
                Condition unquoted = c.left() == lit ? new Condition.Comparison(number, c.op(), c.right())
                        : new Condition.Comparison(c.left(), c.op(), number);
                hint = "remove the quotes: " + unquoted.label();
            }
            add(lit.position(), label(numberSide) + " is numeric and cannot be compared with text " + lit.label(), hint);
        } else {
            Term.Variable v = (Term.Variable) textSide;
            String message = "variable '" + v.name() + "' is text and cannot be compared with a number";
            if (inferred(v) != null) {
                addInferred(numberSide.position(), message, inferred(v), v.name());
                return;
            }
            String hint = numberSide instanceof Term.Constant k
                    ? "put the value in quotes, as in " + v.label() + " == '" + k.label() + "'" : TEXT_COMPARE;
            add(numberSide.position(), message, hint);
        }
    }

    /** Why a text column came out as text although most cells are numbers, or null. */
    private InferredText inferred(Term.Variable v) {
        return data.column(v.name()) instanceof TextColumn tc ? tc.inferredText() : null;
    }

    private static String label(Operand o) {
        return o instanceof Term.Variable v ? "variable '" + v.name() + "'" : "'" + o.label() + "'";
    }

    private void membership(Condition.Membership m) {
        Kind l = kind(m.left());
        if (l == Kind.UNKNOWN) {
            return;
        }
        Operand first = m.values().get(0);
        boolean listText = first instanceof TextLiteral;
        if (listText && l == Kind.NUMBER) {
            String hint = m.left() instanceof Term.Variable && m.values().stream().allMatch(v -> isNumber(((TextLiteral) v).value()))
                    ? "remove the quotes" : null;
            add(first.position(), label(m.left()) + " is numeric and cannot be compared with text " + first.label(), hint);
        } else if (!listText && l == Kind.TEXT) {
            Term.Variable v = (Term.Variable) m.left();
            if (inferred(v) != null) {
                addInferred(first.position(), "variable '" + v.name() + "' is text and cannot be compared with a number",
                        inferred(v), v.name());
                return;
            }
            StringBuilder quoted = new StringBuilder();
            for (Operand o : m.values()) {
                quoted.append(quoted.length() == 0 ? "" : ", ").append(new TextLiteral(o.label()).label());
            }
            add(first.position(), "variable '" + v.name() + "' is text and cannot be compared with a number",
                    "put the values in quotes, as in " + v.label() + (m.negated() ? " not in (" : " in (") + quoted + ")");
        }
    }

    /** Quoted text that is a number as the filter language writes one (so that removing the quotes parses). */
    static boolean isNumber(String s) {
        return NUMBER.matcher(s.trim()).matches();
    }

    private static final Pattern NUMBER =
            Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
}
