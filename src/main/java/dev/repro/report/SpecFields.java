package dev.repro.report;

import dev.repro.config.Node;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import dev.repro.study.Label;
import dev.repro.study.ReportEntry;
import dev.repro.study.Study;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the keys of one table or figure entry, for its kind's parser: every mistake is added to the
 * problems with the study key and the position of the value (of the key, for an unknown key; of the entry, for a
 * missing key).
 */
final class SpecFields {
    /** Keys every table kind takes. */
    static final List<String> COMMON = List.of("kind", "title", "labels", "notes", "siunitx", "landscape", "fontSize");

    final String source;
    final String key;
    final Map<?, ?> map;
    final Problems problems;
    final int start;
    private final ReportEntry entry;
    private final Study study;

    SpecFields(ReportEntry entry, Study study, Problems problems) {
        this.entry = entry;
        this.study = study;
        this.source = study.source();
        this.key = entry.key();
        this.map = (Map<?, ?>) entry.node().toPlain();
        this.problems = problems;
        this.start = problems.size();
    }

    /** The entry's id. */
    String id() {
        return entry.id();
    }

    /** The entry's kind as written. */
    String kind() {
        return entry.kind();
    }

    boolean failed() {
        return problems.size() > start;
    }

    void problem(String k, String message) {
        Node n = entry.node().get(k);
        problemAt(n == null ? entry.node() : n, key + "." + k, message);
    }

    void problemAt(Node at, String atKey, String message) {
        problems.addKey(source, at.line(), at.column(), atKey, message);
    }

    boolean has(String k) {
        return map.containsKey(k) && map.get(k) != null;
    }

    /** Reports keys that this kind does not know (typos such as decimal: 3). */
    void known(String... keys) {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(Arrays.asList(keys));
        knownOnly(all.toArray(new String[0]));
    }

    /** Reports every key but {@code keys} at the key itself (the value may be on another line), with the closest known key. */
    void knownOnly(String... keys) {
        List<String> all = Arrays.asList(keys);
        for (Object k : map.keySet()) {
            String name = String.valueOf(k);
            if (!all.contains(name)) {
                Object kind = map.get("kind");
                String what = (key.startsWith("tables") ? "table" : "figure");
                Node value = entry.node().get(name);
                Node at = value == null ? entry.node() : value;
                String suggestion = Suggest.didYouMean(name, all);
                problems.addKey(source, at.keyLine(), at.keyColumn(), key + "." + name, "unknown key '" + name + "' for a "
                        + (kind == null ? "regression" : String.valueOf(kind)) + " " + what + (suggestion.isEmpty() ? ";" : suggestion)
                        + " its keys are: " + String.join(", ", all));
            }
        }
    }

    String str(String k, String dflt) {
        Object o = map.get(k);
        if (o == null) {
            if (dflt == null) {
                problem(k, "missing; this key is required");
            }
            return dflt;
        }
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof Number || o instanceof Boolean) {
            return String.valueOf(o);
        }
        problem(k, "expected text; found " + typeOf(o));
        return dflt;
    }

    List<String> strList(String k, boolean required) {
        Object o = map.get(k);
        if (o == null) {
            if (required) {
                problem(k, "missing; give a list such as [a, b]");
            }
            return List.of();
        }
        if (o instanceof String s) {
            return List.of(s);
        }
        if (!(o instanceof List<?> l)) {
            problem(k, "expected a list such as [a, b]; found " + typeOf(o));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object x : l) {
            if (x instanceof String || x instanceof Number) {
                out.add(String.valueOf(x));
            } else {
                problem(k, "every entry must be a name; found " + typeOf(x));
                return List.of();
            }
        }
        if (required && out.isEmpty()) {
            problem(k, "the list is empty; name at least one");
        }
        return out;
    }

    boolean bool(String k, boolean dflt) {
        Object o = map.get(k);
        if (o == null) {
            return dflt;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        problem(k, "expected true or false; found " + typeOf(o));
        return dflt;
    }

    int integer(String k, int dflt, int min, int max) {
        Object o = map.get(k);
        if (o == null) {
            return dflt;
        }
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.intValue();
        }
        problem(k, "expected a whole number from " + min + " to " + max + "; found " + (o instanceof Number ? o : typeOf(o)));
        return dflt;
    }

    double number(String k, double dflt) {
        Object o = map.get(k);
        if (o == null) {
            return dflt;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        problem(k, "expected a number; found " + typeOf(o));
        return dflt;
    }

    Label label(String k, String dflt) {
        Object o = map.get(k);
        if (o == null) {
            return Label.plain(dflt);
        }
        Label l = Label.parse(o);
        if (l == null) {
            problem(k, "expected text, raw:<LaTeX> or {latex: ..., text: ...}; found " + typeOf(o));
            return Label.plain(dflt);
        }
        return l;
    }

    List<Label> labelList(String k) {
        Object o = map.get(k);
        if (o == null) {
            return List.of();
        }
        List<?> l = o instanceof List<?> x ? x : List.of(o);
        List<Label> out = new ArrayList<>();
        for (Object x : l) {
            Label lab = Label.parse(x);
            if (lab == null) {
                problem(k, "every entry must be text, raw:<LaTeX> or {latex: ..., text: ...}; found " + typeOf(x));
                return List.of();
            }
            out.add(lab);
        }
        return out;
    }

    Map<String, Label> labels(String k) {
        Object o = map.get(k);
        Map<String, Label> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof Map<?, ?> m)) {
            problem(k, "expected a map of name to label; found " + typeOf(o));
            return out;
        }
        for (var e : m.entrySet()) {
            Label l = Label.parse(e.getValue());
            if (l == null) {
                problemAt(entry.node().get(k).get(String.valueOf(e.getKey())), key + "." + k + "." + e.getKey(),
                        "expected text, raw:<LaTeX> or {latex: ..., text: ...}; found " + typeOf(e.getValue()));
            } else {
                out.put(String.valueOf(e.getKey()), l);
            }
        }
        return out;
    }

    List<Double> stars() {
        Object o = map.get("stars");
        if (o == null) {
            return TableSpec.DEFAULT_STAR_LEVELS;
        }
        if (Boolean.FALSE.equals(o)) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            List<Double> out = new ArrayList<>();
            for (Object x : l) {
                if (!(x instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() < 1)
                        || !out.isEmpty() && !(n.doubleValue() < out.get(out.size() - 1))) {
                    problem("stars", "give p-value levels between 0 and 1, largest first, e.g. [0.1, 0.05, 0.01], or false for no stars");
                    return TableSpec.DEFAULT_STAR_LEVELS;
                }
                out.add(n.doubleValue());
            }
            return out;
        }
        problem("stars", "give p-value levels between 0 and 1, largest first, e.g. [0.1, 0.05, 0.01], or false for no stars");
        return TableSpec.DEFAULT_STAR_LEVELS;
    }

    /** The study's model ids. */
    Set<String> models() {
        return study.models().keySet();
    }

    /** The study's own {@code labels:}. */
    Map<String, Label> studyLabels() {
        return study.labels();
    }

    /**
     * The panel id column shared by the datasets of these models, or null when a model is unknown, its dataset
     * declares no id, or the models' datasets have different ids.
     */
    String panelId(List<String> modelIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String m : modelIds) {
            var spec = study.models().get(m);
            var data = spec == null ? null : study.datasets().get(spec.dataset());
            if (data == null || data.id() == null) {
                return null;
            }
            ids.add(data.id());
        }
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** The entry of the study's table {@code id} as plain maps and lists, or null when there is none. */
    Map<?, ?> table(String id) {
        for (ReportEntry t : study.tables()) {
            if (t.id().equals(id)) {
                return (Map<?, ?>) t.node().toPlain();
            }
        }
        return null;
    }

    /** The study's table ids. */
    List<String> tableIds() {
        return study.tables().stream().map(ReportEntry::id).toList();
    }

    /** The study's test ids. */
    Set<String> tests() {
        return study.tests().keySet();
    }

    /** The study's mediation ids. */
    Set<String> mediation() {
        return study.mediation().keySet();
    }

    /** The study's datasets, constructed ones (index outputs) included. */
    Set<String> datasets() {
        Set<String> out = new LinkedHashSet<>(study.datasets().keySet());
        out.addAll(study.index().outputs());
        return out;
    }

    /**
     * Reports every name under {@code k} (a name or a list of names; null items are empty cells) that is not
     * among {@code known}, at the name's own position, with the closest known name.
     *
     * @param what the singular for the message ("model"); {@code whats} the plural ("models")
     */
    void refs(String k, Collection<String> known, String what, String whats) {
        Node n = entry.node().get(k);
        if (n != null) {
            refs(n, key + "." + k, known, what, whats);
        }
    }

    /** As {@link #refs(String, Collection, String, String)}, for the names at a nested node. */
    void refs(Node n, String atKey, Collection<String> known, String what, String whats) {
        List<Node> items = n.isList() ? n.items() : List.of(n);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (item.isScalar() && !known.contains(item.text())) {
                problemAt(item, n.isList() ? atKey + "[" + i + "]" : atKey, "unknown " + what + " '" + item.text() + "'"
                        + orList(Suggest.didYouMean(item.text(), known), whats, known));
            }
        }
    }

    /**
     * Reports every name under {@code k} that is not one of the {@code offered} statistics of the kind, at its
     * position, with the closest one.
     */
    void statistics(String k, List<String> offered) {
        Node n = entry.node().get(k);
        if (n == null) {
            return;
        }
        List<Node> items = n.isList() ? n.items() : List.of(n);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (item.isScalar() && !offered.contains(item.text())) {
                String suggestion = Suggest.didYouMean(item.text(), offered);
                problemAt(item, n.isList() ? key + "." + k + "[" + i + "]" : key + "." + k, "unknown statistic '" + item.text() + "'"
                        + suggestion + (suggestion.isEmpty() ? "; " : " ") + "use any of: " + String.join(", ", offered));
            }
        }
    }

    /** The entry's mapping. */
    Node entryNode() {
        return entry.node();
    }

    /** The node of a key of the entry, or null. */
    Node node(String k) {
        return entry.node().get(k);
    }

    private static String orList(String didYouMean, String what, Collection<String> names) {
        if (!didYouMean.isEmpty()) {
            return didYouMean;
        }
        return names.isEmpty() ? "; the study defines no " + what : "; the study's " + what + " are: " + String.join(", ", names);
    }

    static String typeOf(Object o) {
        if (o == null) {
            return "nothing";
        }
        if (o instanceof String) {
            return "text";
        }
        if (o instanceof Number) {
            return "a number";
        }
        if (o instanceof Boolean) {
            return "true/false";
        }
        if (o instanceof List) {
            return "a list";
        }
        if (o instanceof Map) {
            return "a map";
        }
        return o.getClass().getSimpleName();
    }
}
