package dev.repro.formula;

import java.util.Set;

/** Traversals over terms and conditions. */
final class Walk {
    private Walk() {
    }

    static void columns(Operand o, Set<String> out) {
        if (o instanceof TextLiteral) {
            return;
        }
        Term t = (Term) o;
        if (t instanceof Term.Variable v) {
            out.add(v.name());
        } else if (t instanceof Term.Negate n) {
            columns(n.operand(), out);
        } else if (t instanceof Term.Arithmetic a) {
            columns(a.left(), out);
            columns(a.right(), out);
        } else if (t instanceof Term.Function f) {
            columns(f.argument(), out);
        } else if (t instanceof Term.Lag l) {
            columns(l.operand(), out);
        } else if (t instanceof Term.Difference d) {
            columns(d.operand(), out);
        } else if (t instanceof Term.IfElse ie) {
            columns(ie.condition(), out);
            columns(ie.whenTrue(), out);
            columns(ie.whenFalse(), out);
        }
    }

    static void columns(Condition c, Set<String> out) {
        if (c instanceof Condition.Comparison cmp) {
            columns(cmp.left(), out);
            columns(cmp.right(), out);
        } else if (c instanceof Condition.Membership m) {
            columns(m.left(), out);
        } else if (c instanceof Condition.And a) {
            columns(a.left(), out);
            columns(a.right(), out);
        } else if (c instanceof Condition.Or o) {
            columns(o.left(), out);
            columns(o.right(), out);
        } else if (c instanceof Condition.Not n) {
            columns(n.operand(), out);
        }
    }

    static boolean usesPanel(Operand o) {
        if (o instanceof TextLiteral || o instanceof Term.Variable || o instanceof Term.Constant) {
            return false;
        }
        if (o instanceof Term.Lag || o instanceof Term.Difference) {
            return true;
        }
        if (o instanceof Term.Negate n) {
            return usesPanel(n.operand());
        }
        if (o instanceof Term.Arithmetic a) {
            return usesPanel(a.left()) || usesPanel(a.right());
        }
        if (o instanceof Term.Function f) {
            return usesPanel(f.argument());
        }
        Term.IfElse ie = (Term.IfElse) o;
        return usesPanel(ie.condition()) || usesPanel(ie.whenTrue()) || usesPanel(ie.whenFalse());
    }

    static boolean usesPanel(Condition c) {
        if (c instanceof Condition.Comparison cmp) {
            return usesPanel(cmp.left()) || usesPanel(cmp.right());
        }
        if (c instanceof Condition.Membership m) {
            return usesPanel(m.left());
        }
        if (c instanceof Condition.And a) {
            return usesPanel(a.left()) || usesPanel(a.right());
        }
        if (c instanceof Condition.Or o) {
            return usesPanel(o.left()) || usesPanel(o.right());
        }
        return usesPanel(((Condition.Not) c).operand());
    }
}
