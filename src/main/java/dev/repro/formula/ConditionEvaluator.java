package dev.repro.formula;

import static dev.repro.formula.Evaluator.FALSE;
import static dev.repro.formula.Evaluator.TRUE;
import static dev.repro.formula.Evaluator.UNKNOWN;

import dev.repro.data.Dataset;
import dev.repro.data.TextColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The three-valued conditions of an {@link Evaluator}: comparisons and memberships of numbers (through
 * the evaluator's terms) or texts (through the codes of text columns), joined by and, or and not. The
 * {@code needed} mask narrows on the right of {@code and} and {@code or}, as the evaluator describes.
 */
final class ConditionEvaluator {
    private final Evaluator values;
    private final Dataset data;
    private final int n;

    ConditionEvaluator(Evaluator values) {
        this.values = values;
        this.data = values.dataset();
        this.n = data.rows();
    }

    /** {@link Evaluator#TRUE}, {@link Evaluator#FALSE} or {@link Evaluator#UNKNOWN} for every row. */
    byte[] truth(Condition c, boolean[] needed) {
        if (c instanceof Condition.And a) {
            byte[] l = truth(a.left(), needed);
            byte[] r = truth(a.right(), restrict(needed, l, FALSE));
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = l[i] == FALSE || r[i] == FALSE ? FALSE : l[i] == TRUE && r[i] == TRUE ? TRUE : UNKNOWN;
            }
            return out;
        }
        if (c instanceof Condition.Or o) {
            byte[] l = truth(o.left(), needed);
            byte[] r = truth(o.right(), restrict(needed, l, TRUE));
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = l[i] == TRUE || r[i] == TRUE ? TRUE : l[i] == FALSE && r[i] == FALSE ? FALSE : UNKNOWN;
            }
            return out;
        }
        if (c instanceof Condition.Not not) {
            byte[] a = truth(not.operand(), needed);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = a[i] == TRUE ? FALSE : a[i] == FALSE ? TRUE : UNKNOWN;
            }
            return out;
        }
        if (c instanceof Condition.Comparison cmp) {
            return comparison(cmp, needed);
        }
        return membership((Condition.Membership) c, needed);
    }

    /** Needed rows where the left side is not {@code settled} (the right side decides only there). */
    private boolean[] restrict(boolean[] needed, byte[] left, byte settled) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = left[i] != settled && Evaluator.isNeeded(needed, i);
        }
        return out;
    }

    private TextColumn textColumn(Operand o) {
        if (o instanceof Term.Variable v && data.column(v.name()) instanceof TextColumn t) {
            return t;
        }
        return null;
    }

    private boolean isText(Operand o) {
        return o instanceof TextLiteral || textColumn(o) != null;
    }

    private byte[] unknownEverywhere() {
        byte[] out = new byte[n];
        Arrays.fill(out, UNKNOWN);
        return out;
    }

    private byte[] comparison(Condition.Comparison c, boolean[] needed) {
        boolean lt = isText(c.left());
        boolean rt = isText(c.right());
        if (lt != rt || (lt && (!c.op().isEquality() || (c.left() instanceof TextLiteral && c.right() instanceof TextLiteral)))) {
            values.studyProblem("cannot evaluate " + c.label() + " on dataset " + data.name()
                    + ": text can only be compared with text, using == or !=");
            return unknownEverywhere();
        }
        byte[] out = new byte[n];
        if (lt) {
            boolean ne = c.op() == Condition.Op.NE;
            TextColumn a = textColumn(c.left());
            TextColumn b = textColumn(c.right());
            if (a == null || b == null) {
                TextColumn col = a != null ? a : b;
                String lit = ((TextLiteral) (a != null ? c.right() : c.left())).value();
                int target = levelOf(col, lit);
                int[] codes = col.codes();
                for (int i = 0; i < n; i++) {
                    int k = codes[i];
                    out[i] = k < 0 ? UNKNOWN : (k == target) != ne ? TRUE : FALSE;
                }
            } else {
                Map<String, Integer> levelsOfA = new HashMap<>();
                for (int k = 0; k < a.levelCount(); k++) {
                    levelsOfA.putIfAbsent(a.level(k), k);
                }
                int[] map = new int[b.levelCount()];
                for (int k = 0; k < map.length; k++) {
                    map[k] = levelsOfA.getOrDefault(b.level(k), -2);
                }
                int[] ca = a.codes();
                int[] cb = b.codes();
                for (int i = 0; i < n; i++) {
                    out[i] = ca[i] < 0 || cb[i] < 0 ? UNKNOWN : (ca[i] == map[cb[i]]) != ne ? TRUE : FALSE;
                }
            }
            return out;
        }
        double[] a = values.eval((Term) c.left(), needed);
        double[] b = values.eval((Term) c.right(), needed);
        for (int i = 0; i < n; i++) {
            double x = a[i];
            double y = b[i];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                out[i] = UNKNOWN;
                continue;
            }
            boolean r = switch (c.op()) {
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                case EQ -> x == y;
                case NE -> x != y;
            };
            out[i] = r ? TRUE : FALSE;
        }
        return out;
    }

    /** The code of a level, or -2 (matching no row) when the column never holds that text. */
    private int levelOf(TextColumn col, String value) {
        for (int k = 0; k < col.levelCount(); k++) {
            if (col.level(k).equals(value)) {
                return k;
            }
        }
        return -2;
    }

    private byte[] membership(Condition.Membership m, boolean[] needed) {
        boolean textList = m.values().get(0) instanceof TextLiteral;
        TextColumn col = textColumn(m.left());
        if (textList != (col != null)) {
            values.studyProblem("cannot evaluate " + m.label() + " on dataset " + data.name()
                    + ": compare a text column with quoted text and numbers with numbers");
            return unknownEverywhere();
        }
        byte yes = m.negated() ? FALSE : TRUE;
        byte no = m.negated() ? TRUE : FALSE;
        byte[] out = new byte[n];
        if (textList) {
            boolean[] in = new boolean[col.levelCount()];
            for (Operand v : m.values()) {
                int k = levelOf(col, ((TextLiteral) v).value());
                if (k >= 0) {
                    in[k] = true;
                }
            }
            int[] codes = col.codes();
            for (int i = 0; i < n; i++) {
                out[i] = codes[i] < 0 ? UNKNOWN : in[codes[i]] ? yes : no;
            }
            return out;
        }
        double[] set = new double[m.values().size()];
        for (int k = 0; k < set.length; k++) {
            set[k] = ((Term.Constant) m.values().get(k)).value() + 0.0; // -0.0 and 0.0 are one value
        }
        Arrays.sort(set);
        double[] a = values.eval((Term) m.left(), needed);
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = Double.isNaN(x) ? UNKNOWN : Arrays.binarySearch(set, x + 0.0) >= 0 ? yes : no;
        }
        return out;
    }
}
