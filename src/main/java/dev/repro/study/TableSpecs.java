package dev.repro.study;

import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the study file's {@code tables:}, {@code figures:} and {@code labels:} sections (as parsed YAML/JSON:
 * maps, lists, strings, numbers, booleans) into {@link TableSpec}s and {@link FigureSpec}s. Every mistake
 * (unknown key, wrong type, missing key) is added to the problems with its study key; an entry with a
 * mistake is left out. The keys are documented in docs/tables.md.
 */
public final class TableSpecs {
    static final Set<String> TABLE_KINDS = new LinkedHashSet<>(List.of("regression", "gmm", "descriptive", "yearly", "weights",
            "unitroot", "granger", "mediation", "tests"));
    static final Set<String> FIGURE_KINDS = new LinkedHashSet<>(List.of("trend", "coefficients", "tilemap"));
    private static final List<String> COMMON = List.of("kind", "title", "labels", "notes", "siunitx");

    private TableSpecs() {
    }

    /** The study's global {@code labels:} (name to label). */
    public static Map<String, Label> labels(String source, Object node, Problems problems) {
        return new Entry(source, "labels", Map.of("labels", node == null ? Map.of() : node), problems).labels("labels");
    }

    /** The {@code tables:} section, in study order. */
    public static List<TableSpec> tables(String source, Object node, Problems problems) {
        List<TableSpec> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof Map<?, ?> m)) {
            problems.addKey(source, 0, 0, "tables", "expected a map of table id to table; found " + typeOf(node));
            return out;
        }
        for (var e : m.entrySet()) {
            String id = String.valueOf(e.getKey());
            String key = "tables." + id;
            if (!TableSpec.ID.matcher(id).matches()) {
                problems.addKey(source, 0, 0, key, "a table id becomes a file name: use letters, digits, - and _ "
                        + "(at most 64, starting with a letter or digit)");
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> tm)) {
                problems.addKey(source, 0, 0, key, "expected a map with the table's keys; found " + typeOf(e.getValue()));
                continue;
            }
            int before = problems.size();
            TableSpec s = table(new Entry(source, key, tm, problems), id);
            if (s != null && problems.size() == before) {
                out.add(s);
            }
        }
        return out;
    }

    /** The {@code figures:} section, in study order. */
    public static List<FigureSpec> figures(String source, Object node, Problems problems) {
        List<FigureSpec> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof Map<?, ?> m)) {
            problems.addKey(source, 0, 0, "figures", "expected a map of figure id to figure; found " + typeOf(node));
            return out;
        }
        for (var e : m.entrySet()) {
            String id = String.valueOf(e.getKey());
            String key = "figures." + id;
            if (!TableSpec.ID.matcher(id).matches()) {
                problems.addKey(source, 0, 0, key, "a figure id becomes a file name: use letters, digits, - and _ "
                        + "(at most 64, starting with a letter or digit)");
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> fm)) {
                problems.addKey(source, 0, 0, key, "expected a map with the figure's keys; found " + typeOf(e.getValue()));
                continue;
            }
            int before = problems.size();
            FigureSpec f = figure(new Entry(source, key, fm, problems), id);
            if (f != null && problems.size() == before) {
                out.add(f);
            }
        }
        return out;
    }

    private static TableSpec table(Entry e, String id) {
        String kind = e.str("kind", "regression");
        if (!TABLE_KINDS.contains(kind)) {
            e.problem("kind", "unknown table kind '" + kind + "'; use one of: " + String.join(", ", TABLE_KINDS));
            return null;
        }
        Label title = e.label("title", id);
        Map<String, Label> labels = e.labels("labels");
        List<Label> notes = e.labelList("notes");
        boolean si = e.bool("siunitx", false);
        switch (kind) {
            case "regression", "gmm" -> {
                e.known("models", "stat", "keep", "drop", "order", "fe", "rows", "stats", "stars", "decimals", "statDecimals",
                        "columnTitles", "firstColumn");
                List<String> models = e.strList("models", true);
                String stat = e.str("stat", "t");
                if (!stat.equals("t") && !stat.equals("se")) {
                    e.problem("stat", "use t (t statistics under the coefficients, as the seed paper) or se (standard errors); found '" + stat + "'");
                }
                List<TableSpec.FeRow> fe = new ArrayList<>();
                for (var f : e.labels("fe").entrySet()) {
                    fe.add(new TableSpec.FeRow(f.getKey(), f.getValue()));
                }
                List<TableSpec.CustomRow> rows = e.customRows(models.size());
                List<String> stats = e.has("stats") ? e.strList("stats", false)
                        : kind.equals("gmm") ? TableSpec.Regression.DEFAULT_GMM_STATS : TableSpec.Regression.DEFAULT_STATS;
                List<Double> stars = e.stars();
                int dec = e.integer("decimals", 3, 0, 10);
                int sdec = e.integer("statDecimals", stat.equals("se") ? dec : 2, 0, 10);
                List<Label> titles = e.labelList("columnTitles");
                if (!titles.isEmpty() && titles.size() != models.size()) {
                    e.problem("columnTitles", "give one title per model: " + models.size() + " models, " + titles.size() + " titles");
                }
                int first = e.integer("firstColumn", 1, 0, 10000);
                if (e.failed() || models.isEmpty()) {
                    return null;
                }
                return new TableSpec.Regression(id, kind, title, models, stat.equals("se") ? TableSpec.Stat.SE : TableSpec.Stat.T,
                        labels, e.strList("keep", false), e.strList("drop", false), e.strList("order", false), fe, rows, stats,
                        stars, dec, sdec, notes, titles, first, si);
            }
            case "descriptive" -> {
                e.known("dataset", "variables", "stats", "digits", "decimals");
                String ds = e.str("dataset", null);
                List<String> vars = e.strList("variables", true);
                List<String> stats = e.has("stats") ? e.strList("stats", false) : TableSpec.Descriptive.ALL_STATS;
                for (String st : stats) {
                    if (!TableSpec.Descriptive.ALL_STATS.contains(st)) {
                        e.problem("stats", "unknown statistic '" + st + "'; use any of: " + String.join(", ", TableSpec.Descriptive.ALL_STATS));
                    }
                }
                int digits = e.integer("digits", 4, 1, 15);
                Integer dec = e.has("decimals") ? e.integer("decimals", 3, 0, 10) : null;
                if (e.failed() || ds == null || vars.isEmpty() || stats.isEmpty()) {
                    return null;
                }
                return new TableSpec.Descriptive(id, title, ds, vars, stats, digits, dec, labels, notes, si);
            }
            case "yearly" -> {
                e.known("dataset", "variable", "time", "decimals", "total");
                String ds = e.str("dataset", null);
                String v = e.str("variable", null);
                String t = e.str("time", "");
                int dec = e.integer("decimals", 2, 0, 10);
                boolean total = e.bool("total", true);
                if (e.failed() || ds == null || v == null) {
                    return null;
                }
                return new TableSpec.Yearly(id, title, ds, v, t.isEmpty() ? null : t, dec, total, labels, notes, si);
            }
            case "weights" -> {
                e.known("from", "decimals");
                String from = e.str("from", null);
                int dec = e.integer("decimals", 4, 0, 10);
                if (e.failed() || from == null) {
                    return null;
                }
                return new TableSpec.Weights(id, title, from, dec, labels, notes, si);
            }
            case "unitroot" -> {
                e.known("columns", "rows", "stars", "decimals");
                List<TableSpec.UnitRootColumn> cols = e.unitRootColumns();
                List<TableSpec.UnitRootRow> rows = e.unitRootRows(cols.size());
                List<Double> stars = e.stars();
                int dec = e.integer("decimals", 3, 0, 10);
                if (e.failed() || cols.isEmpty() || rows.isEmpty()) {
                    return null;
                }
                return new TableSpec.UnitRoot(id, title, cols, rows, stars, dec, labels, notes, si);
            }
            case "granger" -> {
                e.known("tests", "decimals");
                List<String> tests = e.strList("tests", true);
                int dec = e.integer("decimals", 4, 0, 10);
                if (e.failed() || tests.isEmpty()) {
                    return null;
                }
                return new TableSpec.Granger(id, title, tests, dec, labels, notes, si);
            }
            case "mediation" -> {
                e.known("paths", "stars", "decimals");
                List<String> paths = e.strList("paths", true);
                List<Double> stars = e.stars();
                int dec = e.integer("decimals", 3, 0, 10);
                if (e.failed() || paths.isEmpty()) {
                    return null;
                }
                return new TableSpec.Mediation(id, title, paths, stars, dec, labels, notes, si);
            }
            default -> {
                e.known("tests", "stars", "decimals");
                List<String> tests = e.strList("tests", true);
                List<Double> stars = e.stars();
                int dec = e.integer("decimals", 3, 0, 10);
                if (e.failed() || tests.isEmpty()) {
                    return null;
                }
                return new TableSpec.Tests(id, title, tests, stars, dec, labels, notes, si);
            }
        }
    }

    private static FigureSpec figure(Entry e, String id) {
        String kind = e.str("kind", null);
        if (kind == null) {
            return null;
        }
        if (!FIGURE_KINDS.contains(kind)) {
            e.problem("kind", "unknown figure kind '" + kind + "'; use one of: " + String.join(", ", FIGURE_KINDS));
            return null;
        }
        Label title = e.label("title", id);
        Map<String, Label> labels = e.labels("labels");
        switch (kind) {
            case "trend" -> {
                e.knownOnly("kind", "title", "labels", "dataset", "variable", "time");
                String ds = e.str("dataset", null);
                String v = e.str("variable", null);
                String t = e.str("time", "");
                if (e.failed() || ds == null || v == null) {
                    return null;
                }
                return new FigureSpec.Trend(id, title, ds, v, t.isEmpty() ? null : t, labels);
            }
            case "coefficients" -> {
                e.knownOnly("kind", "title", "labels", "models", "keep", "drop", "level");
                List<String> models = e.strList("models", true);
                if (models.size() > 6) {
                    e.problem("models", "a coefficient plot shows at most 6 models; found " + models.size());
                }
                double level = e.number("level", 0.95);
                if (!(level > 0 && level < 1)) {
                    e.problem("level", "the confidence level must be between 0 and 1, e.g. 0.95; found " + level);
                }
                if (e.failed() || models.isEmpty()) {
                    return null;
                }
                return new FigureSpec.Coefficients(id, title, models, e.strList("keep", false), e.strList("drop", false), level, labels);
            }
            default -> {
                e.knownOnly("kind", "title", "labels", "dataset", "variable", "region", "at", "layout", "decimals");
                String ds = e.str("dataset", null);
                String v = e.str("variable", null);
                String region = e.str("region", "");
                Double at = e.has("at") ? e.number("at", 0) : null;
                String layout = e.str("layout", "");
                if (!layout.isEmpty() && (layout.startsWith("/") || layout.contains("..") || layout.contains("\\") || layout.contains(":"))) {
                    e.problem("layout", "give the layout as a path inside the project, relative to its base folder (no /, .., \\ or :); found '" + layout + "'");
                }
                int dec = e.integer("decimals", 2, 0, 10);
                if (e.failed() || ds == null || v == null) {
                    return null;
                }
                return new FigureSpec.TileMap(id, title, ds, v, region.isEmpty() ? null : region, at, layout.isEmpty() ? null : layout, dec, labels);
            }
        }
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

    /** Typed access to one entry's keys, reporting mistakes with the entry's study key. */
    private static final class Entry {
        final String source;
        final String key;
        final Map<?, ?> map;
        final Problems problems;
        final int start;

        Entry(String source, String key, Map<?, ?> map, Problems problems) {
            this.source = source;
            this.key = key;
            this.map = map;
            this.problems = problems;
            this.start = problems.size();
        }

        boolean failed() {
            return problems.size() > start;
        }

        void problem(String k, String message) {
            problems.addKey(source, 0, 0, key + "." + k, message);
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

        void knownOnly(String... keys) {
            List<String> all = Arrays.asList(keys);
            for (Object k : map.keySet()) {
                if (!all.contains(String.valueOf(k))) {
                    Object kind = map.get("kind");
                    String what = (key.startsWith("tables") ? "table" : "figure");
                    problems.addKey(source, 0, 0, key + "." + k, "unknown key '" + k + "' for a "
                            + (kind == null ? "regression" : String.valueOf(kind)) + " " + what + "; its keys are: "
                            + String.join(", ", all));
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
                    problems.addKey(source, 0, 0, key + "." + k + "." + e.getKey(),
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

        List<TableSpec.CustomRow> customRows(int models) {
            Object o = map.get("rows");
            List<TableSpec.CustomRow> out = new ArrayList<>();
            if (o == null) {
                return out;
            }
            if (!(o instanceof List<?> l)) {
                problem("rows", "expected a list of {label: ..., values: [...]}; found " + typeOf(o));
                return out;
            }
            for (Object x : l) {
                if (!(x instanceof Map<?, ?> m) || Label.parse(m.get("label")) == null || !(m.get("values") instanceof List<?> vs)) {
                    problem("rows", "every row needs label: <text> and values: [one per model]");
                    return List.of();
                }
                if (vs.size() != models) {
                    problem("rows", "row '" + Label.parse(m.get("label")).text() + "' has " + vs.size() + " values for " + models + " models; give one per model");
                    return List.of();
                }
                List<String> values = new ArrayList<>();
                for (Object v : vs) {
                    values.add(v == null ? "" : String.valueOf(v));
                }
                out.add(new TableSpec.CustomRow(Label.parse(m.get("label")), values));
            }
            return out;
        }

        List<TableSpec.UnitRootColumn> unitRootColumns() {
            Object o = map.get("columns");
            List<TableSpec.UnitRootColumn> out = new ArrayList<>();
            if (!(o instanceof List<?> l) || l.isEmpty()) {
                problem("columns", o == null ? "missing; list the tests, e.g. [LLC, Fisher-ADF]" : "expected a list of test labels or "
                        + "{label, statistic, p, statLabel} maps; found " + typeOf(o));
                return out;
            }
            for (Object x : l) {
                if (x instanceof String s) {
                    out.add(new TableSpec.UnitRootColumn(Label.plain(s), "statistic", "p", Label.plain("Statistic")));
                } else if (x instanceof Map<?, ?> m && Label.parse(m.get("label")) != null) {
                    Object st = m.get("statistic");
                    Object p = m.get("p");
                    Label sl = m.get("statLabel") == null ? Label.plain("Statistic") : Label.parse(m.get("statLabel"));
                    if (st != null && !(st instanceof String) || p != null && !(p instanceof String) || sl == null) {
                        problem("columns", "statistic and p name keys of the test result (text), statLabel is a label");
                        return List.of();
                    }
                    out.add(new TableSpec.UnitRootColumn(Label.parse(m.get("label")), st == null ? "statistic" : (String) st,
                            p == null ? "p" : (String) p, sl));
                } else {
                    problem("columns", "every column is a test label or {label, statistic, p, statLabel}; found " + typeOf(x));
                    return List.of();
                }
            }
            return out;
        }

        List<TableSpec.UnitRootRow> unitRootRows(int columns) {
            Object o = map.get("rows");
            List<TableSpec.UnitRootRow> out = new ArrayList<>();
            if (!(o instanceof Map<?, ?> m) || m.isEmpty()) {
                problem("rows", o == null ? "missing; map each variable to its test ids, e.g. {ce: [llc_ce, fadf_ce]}"
                        : "expected a map of variable to test ids; found " + typeOf(o));
                return out;
            }
            for (var e : m.entrySet()) {
                if (!(e.getValue() instanceof List<?> l) || l.size() != columns
                        || !l.stream().allMatch(x -> x == null || x instanceof String)) {
                    problems.addKey(source, 0, 0, key + ".rows." + e.getKey(), "give one test id per column (" + columns
                            + "), null for an empty cell");
                    return List.of();
                }
                List<String> ids = new ArrayList<>();
                for (Object x : l) {
                    ids.add((String) x);
                }
                out.add(new TableSpec.UnitRootRow(String.valueOf(e.getKey()), ids));
            }
            return out;
        }
    }
}
