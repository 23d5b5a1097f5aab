package dev.repro.study;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code tolerance:} section: the drift gate's relative and absolute tolerances, star levels and per-item rules. */
final class ToleranceParser extends SectionParser {
    ToleranceParser(String source, Problems problems) {
        super(source, problems);
    }

    Tolerance tolerance(Node node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Fields f = Fields.of(node, source, problems, "tolerances such as {relative: 1e-6, absolute: 1e-9}",
                "relative", "absolute", "stars", "rules");
        if (f == null) {
            return null;
        }
        Double rel = nonNegative(f, "relative", Tolerance.DEFAULT.relative());
        Double abs = nonNegative(f, "absolute", Tolerance.DEFAULT.absolute());
        List<Double> stars = new ArrayList<>(Tolerance.DEFAULT_STARS);
        Node starsNode = f.raw("stars");
        boolean ok = rel != null && abs != null;
        if (starsNode != null && !starsNode.isNull()) {
            stars.clear();
            List<Node> items = starsNode.isList() ? starsNode.items() : List.of(starsNode);
            for (Node item : items) {
                Double v = item.isScalar() && item.scalarType() == Node.ScalarType.NUMBER ? Double.valueOf(item.text()) : null;
                if (v == null || !(v > 0 && v < 1)) {
                    f.problem(item, "expected a significance level between 0 and 1 such as 0.05, found " + item.describe());
                    ok = false;
                } else {
                    stars.add(v);
                }
            }
        }
        List<Tolerance.Rule> rules = new ArrayList<>();
        Node rulesNode = f.raw("rules");
        if (rulesNode != null && !rulesNode.isNull()) {
            if (!rulesNode.isList()) {
                f.problem(rulesNode, "expected a list of rules such as [{match: \"*.p\", relative: 1e-4}], found " + rulesNode.describe());
                ok = false;
            } else {
                for (Node r : rulesNode.items()) {
                    Fields rf = Fields.of(r, source, problems, "a rule such as {match: \"*.p\", relative: 1e-4}", "match", "relative", "absolute");
                    if (rf == null) {
                        ok = false;
                        continue;
                    }
                    String match = rf.string("match", true, "give the items it applies to, e.g. match: \"models.gmm.*\"");
                    Double rr = nonNegative(rf, "relative", rel == null ? 0 : rel);
                    Double ra = nonNegative(rf, "absolute", abs == null ? 0 : abs);
                    rf.finish();
                    if (match == null || rr == null || ra == null) {
                        ok = false;
                    } else {
                        rules.add(new Tolerance.Rule(match, rr, ra));
                    }
                }
            }
        }
        f.finish();
        return ok ? new Tolerance(rel, abs, rules, stars) : null;
    }

    private static Double nonNegative(Fields f, String key, double defaultValue) {
        Double v = f.number(key, defaultValue);
        if (v != null && v < 0) {
            f.problem(f.raw(key), "a tolerance cannot be negative; found " + v);
            return null;
        }
        return v;
    }
}
