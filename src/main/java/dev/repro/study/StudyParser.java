package dev.repro.study;

import dev.repro.config.StudyFileReader;

import dev.repro.config.Fields;

import dev.repro.config.Node;

import dev.repro.diag.Suggest;

import dev.repro.diag.Located;

import dev.repro.diag.ReproException;

import dev.repro.diag.Problems;

import dev.repro.diag.Problem;

import dev.repro.data.ColumnRule;
import dev.repro.index.IndexPlan;
import dev.repro.index.IndexPlanParser;
import dev.repro.data.CsvOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import dev.repro.io.Sha256;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the study file's {@link Node} tree into an immutable {@link Study}, checking every key and value.
 * All problems are collected; {@link #parse} fails once with every one of them.
 */
public final class StudyParser {
    /** Ids of datasets, models, tests and tables become file names: keep them simple. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    static final String[] TOP_KEYS = {"title", "seed", "datasets", "labels", "models", "tests", "tables", "figures", "tolerance", "published", "index", "mediation"};
    static final String[] DATASET_KEYS = {"file", "id", "time", "missing", "columns", "source", "restricted", "sha256", "external"};
    static final String[] COLUMN_KEYS = {"type", "min", "max", "allowed", "required"};
    static final String[] MODEL_KEYS = {"dataset", "formula", "vcov", "sample", "estimator", "dof", "singletons", "allowMissing"};
    static final String[] GMM_KEYS = {"gmm", "iv", "transformation", "effect", "steps", "collapse"};
    static final String[] MEDIATION_KEYS = {"dataset", "treatment", "mediators", "outcome", "controls", "absorb", "vcov", "sample", "bootstrap"};
    static final String[] BOOTSTRAP_KEYS = {"replications", "level", "intervals"};
    static final String[] INTERVALS = {"percentile", "bc"};
    static final String[] TEST_COMMON_KEYS = {"type", "dataset", "sample"};

    private final String source;
    private final Problems problems;
    private String sha256;

    private StudyParser(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /** Reads and checks a study file; fails with every problem found. */
    public static Study parse(Path file, String display) throws ReproException {
        Problems problems = new Problems();
        Study study = parse(file, display, problems);
        problems.throwIfAny("The study file has mistakes");
        return study;
    }

    /**
     * Reads and checks a study file, adding its problems; the entries with mistakes are left out of the
     * study so that later checks can still report theirs. Fails only when the file cannot be read at all.
     */
    public static Study parse(Path file, String display, Problems problems) throws ReproException {
        Problems reading = new Problems();
        Node root = StudyFileReader.read(file, display, reading);
        reading.throwIfAny("The study file cannot be read");
        StudyParser parser = new StudyParser(display, problems);
        try {
            parser.sha256 = Sha256.of(file);
        } catch (IOException e) {
            problems.add(display, 0, 0, "cannot read the study file: " + e.getMessage());
        }
        Study study = parser.study(root);
        if (study == null) {
            problems.throwIfAny("The study file has mistakes");
        }
        return study;
    }

    /** Checks a parsed tree, adding problems; returns null when the tree is unusable. */
    public static Study parse(Node root, String display, Problems problems) {
        return new StudyParser(display, problems).study(root);
    }

    private Study study(Node root) {
        Fields f = Fields.of(root, source, problems, "the study (a mapping with datasets, models, tests, tables)", TOP_KEYS);
        if (f == null) {
            return null;
        }
        String title = f.string("title", false, null);
        Long seed = f.longValue("seed", null);
        Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
        for (var e : section(f, "datasets", true).entrySet()) {
            DatasetSpec d = dataset(e.getKey(), e.getValue());
            if (d != null) {
                datasets.put(e.getKey(), d);
            }
        }
        // constructed datasets (index outputs) can be used by models and tests like the study's own
        IndexPlan index = IndexPlanParser.parse(f.raw("index"), source, datasets.keySet(), problems);
        Map<String, DatasetSpec> usable = new LinkedHashMap<>(datasets);
        for (String out : index.outputs()) {
            usable.putIfAbsent(out, null);
        }
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (var e : section(f, "models", false).entrySet()) {
            ModelSpec m = model(e.getKey(), e.getValue(), usable);
            if (m != null) {
                models.put(e.getKey(), m);
            }
        }
        Map<String, TestSpec> tests = new LinkedHashMap<>();
        for (var e : section(f, "tests", false).entrySet()) {
            TestSpec t = test(e.getKey(), e.getValue(), usable);
            if (t != null) {
                tests.put(e.getKey(), t);
            }
        }
        Map<String, MediationSpec> mediation = new LinkedHashMap<>();
        for (var e : section(f, "mediation", false).entrySet()) {
            MediationSpec ms = mediation(e.getKey(), e.getValue(), usable, seed);
            if (ms != null) {
                mediation.put(e.getKey(), ms);
            }
        }
        // labels, tables and figures are read by the report's own parser; its problems get their positions here
        Problems reportProblems = new Problems();
        Map<String, Label> labels = TableSpecs.labels(source, plain(f.raw("labels")), reportProblems);
        List<TableSpec> tables = TableSpecs.tables(source, plain(f.raw("tables")), reportProblems);
        List<FigureSpec> figures = TableSpecs.figures(source, plain(f.raw("figures")), reportProblems);
        relocate(reportProblems, root);
        checkReferences(tables, figures, usable, models, tests, root);
        Tolerance tolerance = tolerance(f.raw("tolerance"));
        Map<String, PublishedTable> published = new LinkedHashMap<>();
        for (var e : section(f, "published", false).entrySet()) {
            PublishedTable pt = published(e.getKey(), e.getValue(), models, tests);
            if (pt != null) {
                published.put(e.getKey(), pt);
            }
        }
        boolean misspelt = root.entries().keySet().stream()
                .anyMatch(k -> !List.of(TOP_KEYS).contains(k) && Suggest.closest(k, List.of("models", "tests")) != null);
        if (f.has("datasets") && !misspelt && models.isEmpty() && tests.isEmpty() && !f.has("models") && !f.has("tests")
                && !f.has("mediation")) {
            problems.addKey(source, root.line(), root.column(), "models",
                    "the study has no models and no tests; add a 'models' section (see the README's tutorial)");
        }
        f.finish();
        Object tree = root.toPlain();
        @SuppressWarnings("unchecked")
        Map<String, Object> treeMap = (Map<String, Object>) tree;
        return new Study(source, sha256, title, seed, datasets, index, labels, models, tests, tables, figures,
                tolerance == null ? Tolerance.DEFAULT : tolerance, published, treeMap, root, mediation);
    }

    /** The entries of a top-level section, checking that it is a mapping of valid ids. */
    private Map<String, Node> section(Fields f, String key, boolean required) {
        Node n = f.raw(key);
        if (n == null || n.isNull()) {
            if (required) {
                f.missing(key, "list the data files under 'datasets', e.g. datasets: {panel: {file: data/panel.csv, id: unit, time: year}}");
            }
            return Map.of();
        }
        if (!n.isMap()) {
            f.problem(n, "expected a mapping of names to entries, found " + n.describe());
            return Map.of();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (var e : n.entries().entrySet()) {
            if (!key.equals("labels") && !ID.matcher(e.getKey()).matches()) {
                f.problem(e.getValue(), "the name '" + e.getKey() + "' is not a valid id; use letters, digits, '_' and '-', starting with a letter");
                continue;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private DatasetSpec dataset(String name, Node node) {
        Fields f = Fields.of(node, source, problems, "a dataset with a 'file'", DATASET_KEYS);
        if (f == null) {
            return null;
        }
        String file = f.string("file", true, "give the CSV file relative to the project, e.g. file: data/" + name + ".csv");
        String id = f.string("id", false, null);
        String time = f.string("time", false, null);
        List<String> missing = f.strings("missing", false, null);
        String provenance = f.string("source", false, null);
        Boolean restricted = f.bool("restricted", false);
        Boolean external = f.bool("external", false);
        String expectedSha = f.string("sha256", false, null);
        if (expectedSha != null && !expectedSha.matches("[0-9a-fA-F]{64}")) {
            f.problem(f.raw("sha256"), "expected the file's SHA-256 as 64 hexadecimal digits (sha256sum prints it), found '" + expectedSha + "'");
            expectedSha = null;
        }
        Map<String, ColumnRule> columns = new LinkedHashMap<>();
        Node cols = f.raw("columns");
        if (cols != null && !cols.isNull()) {
            if (!cols.isMap()) {
                f.problem(cols, "expected a mapping of column names to rules such as {type: number, min: 0}, found " + cols.describe());
            } else {
                for (var e : cols.entries().entrySet()) {
                    ColumnRule c = column(e.getValue());
                    if (c != null) {
                        columns.put(e.getKey(), c);
                    }
                }
            }
        }
        f.finish();
        return file == null ? null : new DatasetSpec(name, file, id, time,
                missing == null ? CsvOptions.DEFAULT_MISSING : missing, columns, provenance, restricted != null && restricted,
                expectedSha == null ? null : expectedSha.toLowerCase(Locale.ROOT), external != null && external, node.at(source));
    }

    private ColumnRule column(Node node) {
        Fields f = Fields.of(node, source, problems, "column rules such as {type: number, min: 0}", COLUMN_KEYS);
        if (f == null) {
            return null;
        }
        String type = f.choice("type", null, "number", "integer", "text");
        Double min = f.number("min", null);
        Double max = f.number("max", null);
        List<String> values = f.strings("allowed", false, null);
        Boolean required = f.bool("required", false);
        f.finish();
        if (min != null && max != null && min > max) {
            f.problem(node, "min " + fmt(min) + " is larger than max " + fmt(max) + "; swap them");
            return null;
        }
        if ("text".equals(type) && (min != null || max != null)) {
            f.problem(node, "min and max apply to number and integer columns, not text");
            return null;
        }
        return new ColumnRule(ColumnRule.Type.parse(type), min, max, values, required != null && required);
    }

    private ModelSpec model(String name, Node node, Map<String, DatasetSpec> datasets) {
        Fields f = Fields.of(node, source, problems, "a model with 'dataset' and 'formula'", MODEL_KEYS);
        if (f == null) {
            return null;
        }
        String dataset = datasetRef(f, datasets);
        String formula = f.string("formula", true, "write it as \"y ~ x1 + x2 | fe1 + fe2\"");
        VcovSpec vcov = vcov(f);
        String sample = f.string("sample", false, null);
        String estimator = f.choice("estimator", "linear", "linear", "re", "gmm");
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Located> where = locations(node);
        put(options, "dof", f.choice("dof", "stata", "stata", "fixest", "plm", "none"));
        put(options, "singletons", f.choice("singletons", "keep", "keep", "drop"));
        put(options, "allowMissing", f.bool("allowMissing", null));
        if ("gmm".equals(estimator)) {
            f.allow(GMM_KEYS);
            String gmm = f.string("gmm", true, "name the GMM-style instruments, e.g. gmm: \"L(y, 2:99)\"");
            put(options, "gmm", gmm);
            put(options, "iv", f.string("iv", false, null));
            put(options, "transformation", f.choice("transformation", "d", "d", "ld"));
            put(options, "effect", f.choice("effect", "twoways", "twoways", "individual"));
            put(options, "steps", f.integer("steps", 2, 1, 2));
            put(options, "collapse", f.bool("collapse", false));
        } else {
            for (String k : GMM_KEYS) {
                Node n = node.get(k);
                if (n != null) {
                    f.allow(k);
                    f.problem(n, "'" + k + "' applies to estimator: gmm only; remove it or set estimator: gmm");
                }
            }
        }
        f.finish();
        if (dataset == null || formula == null || vcov == null || estimator == null) {
            return null;
        }
        return new ModelSpec(name, dataset, formula, vcov, sample, estimator, options, node.at(source), where);
    }

    /**
     * A mediation analysis: each variable takes one role; one mediator or two (a chain); a bootstrap needs the
     * study's seed so that its draws can be reproduced.
     */
    private MediationSpec mediation(String name, Node node, Map<String, DatasetSpec> datasets, Long seed) {
        Fields f = Fields.of(node, source, problems, "a mediation analysis with 'dataset', 'treatment', 'mediators' and 'outcome'",
                MEDIATION_KEYS);
        if (f == null) {
            return null;
        }
        int before = problems.size();
        String dataset = datasetRef(f, datasets);
        String treatment = f.string("treatment", true, "name the treatment variable, e.g. treatment: open");
        List<String> mediators = f.strings("mediators", true, "name one mediator, or two for a chain, e.g. mediators: [quality]");
        String outcome = f.string("outcome", true, "name the outcome variable, e.g. outcome: ce");
        List<String> controls = f.strings("controls", false, null);
        List<String> absorb = f.strings("absorb", false, null);
        VcovSpec vcov = vcov(f);
        String sample = f.string("sample", false, null);
        if (mediators != null && (mediators.isEmpty() || mediators.size() > 2)) {
            f.problem(f.raw("mediators"), "expected one mediator (simple mediation) or two (the chain treatment -> first -> second -> outcome), found "
                    + mediators.size());
        }
        if (treatment != null && mediators != null && outcome != null) {
            Map<String, String> roles = new LinkedHashMap<>();
            List<String[]> all = new ArrayList<>();
            all.add(new String[] {treatment, "the treatment", "treatment"});
            for (String m : mediators) {
                all.add(new String[] {m, "a mediator", "mediators"});
            }
            all.add(new String[] {outcome, "the outcome", "outcome"});
            for (String c : controls == null ? List.<String>of() : controls) {
                all.add(new String[] {c, "a control", "controls"});
            }
            for (String[] r : all) {
                String earlier = roles.putIfAbsent(r[0].replace(" ", ""), r[1]);
                if (earlier != null) {
                    f.problem(f.raw(r[2]), "'" + r[0] + "' is both " + earlier + " and " + r[1] + "; each variable takes one role");
                }
            }
        }
        MediationSpec.Bootstrap bootstrap = null;
        Node b = f.raw("bootstrap");
        if (b != null && !b.isNull()) {
            Fields bf = Fields.of(b, source, problems, "bootstrap settings such as {replications: 1000, level: 0.95, intervals: [percentile, bc]}",
                    BOOTSTRAP_KEYS);
            if (bf != null) {
                Integer reps = bf.integer("replications", 1000, 2, 1_000_000);
                Double level = bf.number("level", 0.95);
                if (level != null && !(level > 0 && level < 1)) {
                    bf.problem(bf.raw("level"), "expected a confidence level between 0 and 1 such as 0.95, found " + fmt(level));
                    level = null;
                }
                List<String> intervals = bf.strings("intervals", false, null);
                if (intervals == null && !bf.has("intervals")) {
                    intervals = List.of("percentile");
                }
                if (intervals != null) {
                    if (intervals.isEmpty()) {
                        bf.problem(bf.raw("intervals"), "name at least one interval: percentile, bc");
                        intervals = null;
                    } else {
                        Node in = bf.raw("intervals");
                        for (int i = 0; i < intervals.size(); i++) {
                            String v = intervals.get(i);
                            if (!List.of(INTERVALS).contains(v)) {
                                Node at = in != null && in.isList() ? in.items().get(i) : in;
                                String hint = Suggest.didYouMean(v, List.of(INTERVALS));
                                bf.problem(at, "unknown interval '" + v + "'" + hint + (hint.isEmpty() ? "; " : " ")
                                        + "expected percentile (percentile interval) or bc (bias-corrected)");
                                intervals = null;
                                break;
                            }
                        }
                    }
                }
                bf.finish();
                if (seed == null) {
                    f.problem(b, "a bootstrap needs the study's seed so that its draws can be reproduced: add 'seed: 20250521' "
                            + "(any whole number) at the top of the study file");
                } else if (reps != null && level != null && intervals != null) {
                    bootstrap = new MediationSpec.Bootstrap(reps, level, intervals.stream().distinct().toList(), seed);
                }
            }
        }
        f.finish();
        if (problems.size() > before || dataset == null || treatment == null || mediators == null || outcome == null || vcov == null
                || (b != null && !b.isNull() && bootstrap == null)) {
            return null;
        }
        return new MediationSpec(name, dataset, treatment, mediators, outcome, controls == null ? List.of() : controls,
                absorb == null ? List.of() : absorb, vcov, sample, bootstrap, node.at(source), locations(node));
    }

    private VcovSpec vcov(Fields f) {
        String text = f.string("vcov", false, null);
        if (text == null) {
            return f.has("vcov") ? null : VcovSpec.IID;
        }
        VcovSpec v = VcovSpec.parse(text);
        if (v == null) {
            f.problem(f.raw("vcov"), "unknown covariance '" + text + "'; expected iid, hc1, cluster(<column>) or cluster(<column1>, <column2>)");
        }
        return v;
    }

    private TestSpec test(String name, Node node, Map<String, DatasetSpec> datasets) {
        Fields f = Fields.of(node, source, problems, "a test with 'type' and 'dataset'", TEST_COMMON_KEYS);
        if (f == null) {
            return null;
        }
        String type = f.choice("type", null, "hausman", "unitroot", "granger");
        if (type == null && !f.has("type")) {
            f.missing("type", "one of hausman, unitroot, granger");
        }
        String dataset = datasetRef(f, datasets);
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "sample", f.string("sample", false, null));
        if ("hausman".equals(type)) {
            put(options, "formula", f.string("formula", true, "write the slopes as \"y ~ x1 + x2\"; the panel id comes from the dataset"));
            put(options, "method", f.choice("method", "chisq", "chisq", "generalized", "regression"));
            put(options, "vcov", f.string("vcov", false, null));
        } else if ("unitroot".equals(type)) {
            put(options, "method", f.choice("method", null, "llc", "ips", "fisher-adf", "fisher-pp"));
            if (!f.has("method")) {
                f.missing("method", "one of llc, ips, fisher-adf, fisher-pp");
            }
            put(options, "variable", f.string("variable", true, "name the column to test"));
            Node lags = f.raw("lags");
            if (lags != null && lags.isScalar() && lags.scalarType() == Node.ScalarType.STRING) {
                put(options, "lags", f.choice("lags", null, "aic", "sic", "hall"));
            } else {
                put(options, "lags", f.integer("lags", 1, 0, 50));
            }
            put(options, "pmax", f.integer("pmax", null, 0, 50));
            put(options, "deterministic", f.choice("deterministic", "intercept", "none", "intercept", "trend"));
            put(options, "convention", f.choice("convention", null, "stata", "plm"));
            put(options, "demean", f.bool("demean", null));
        } else if ("granger".equals(type)) {
            put(options, "cause", f.string("cause", true, "name the column that may Granger-cause the effect"));
            put(options, "effect", f.string("effect", true, "name the column that may be caused"));
            put(options, "lags", f.integer("lags", 1, 1, 50));
        }
        f.finish();
        if (type == null || dataset == null) {
            return null;
        }
        return new TestSpec(name, type, dataset, options, node.at(source), locations(node));
    }

    private static Object plain(Node n) {
        return n == null ? null : n.toPlain();
    }

    /** Problems of section parsers that know keys but not positions get the position of their key. */
    private void relocate(Problems from, Node root) {
        for (Problem p : from.list()) {
            if (p.line() == 0 && p.key() != null && p.source().equals(source)) {
                Node at = root.locate(p.key());
                problems.add(new Problem(p.source(), at.line(), at.column(), p.key(), p.message()));
            } else {
                problems.add(p);
            }
        }
    }

    /** Tables and figures may name only models, tests and datasets the study defines. */
    private void checkReferences(List<TableSpec> tables, List<FigureSpec> figures, Map<String, DatasetSpec> datasets,
                                 Map<String, ModelSpec> models, Map<String, TestSpec> tests, Node root) {
        for (TableSpec t : tables) {
            String key = "tables." + t.id();
            if (t instanceof TableSpec.Regression r) {
                refs(key + ".models", r.models(), models.keySet(), "model", "models", root);
            } else if (t instanceof TableSpec.Descriptive d) {
                refs(key + ".dataset", List.of(d.dataset()), datasets.keySet(), "dataset", "datasets", root);
            } else if (t instanceof TableSpec.Yearly y) {
                refs(key + ".dataset", List.of(y.dataset()), datasets.keySet(), "dataset", "datasets", root);
            } else if (t instanceof TableSpec.Granger g) {
                refs(key + ".tests", g.tests(), tests.keySet(), "test", "tests", root);
            } else if (t instanceof TableSpec.Tests ts) {
                refs(key + ".tests", ts.tests(), tests.keySet(), "test", "tests", root);
            } else if (t instanceof TableSpec.UnitRoot u) {
                for (TableSpec.UnitRootRow row : u.rows()) {
                    refs(key + ".rows." + row.variable(), row.tests(), tests.keySet(), "test", "tests", root);
                }
            }
        }
        for (FigureSpec fs : figures) {
            String key = "figures." + fs.id();
            if (fs instanceof FigureSpec.Coefficients c) {
                refs(key + ".models", c.models(), models.keySet(), "model", "models", root);
            } else if (fs instanceof FigureSpec.Trend tr) {
                refs(key + ".dataset", List.of(tr.dataset()), datasets.keySet(), "dataset", "datasets", root);
            } else if (fs instanceof FigureSpec.TileMap tm) {
                refs(key + ".dataset", List.of(tm.dataset()), datasets.keySet(), "dataset", "datasets", root);
            }
        }
    }

    private void refs(String key, List<String> names, Set<String> known, String what, String whats, Node root) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!known.contains(name)) {
                Node listNode = root.locate(key);
                Node at = listNode.isList() && i < listNode.items().size() ? listNode.items().get(i) : listNode;
                String k = listNode.isList() ? key + "[" + i + "]" : key;
                problems.addKey(source, at.line(), at.column(), k, "unknown " + what + " '" + name + "'"
                        + orList(Suggest.didYouMean(name, known), whats, known));
            }
        }
    }

    private Tolerance tolerance(Node node) {
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

    private PublishedTable published(String name, Node node, Map<String, ModelSpec> models, Map<String, TestSpec> tests) {
        Fields f = Fields.of(node, source, problems, "a published table with 'models' and/or 'tests'",
                "source", "stat", "stars", "enforce", "models", "tests");
        if (f == null) {
            return null;
        }
        String src = f.string("source", false, null);
        String stat = f.choice("stat", "t", "t", "se");
        Boolean enforce = f.bool("enforce", true);
        List<Double> stars = new ArrayList<>(Tolerance.DEFAULT_STARS);
        Node starsNode = f.raw("stars");
        if (starsNode != null && !starsNode.isNull()) {
            stars.clear();
            for (Node item : starsNode.isList() ? starsNode.items() : List.of(starsNode)) {
                if (item.isScalar() && item.scalarType() == Node.ScalarType.NUMBER && Double.parseDouble(item.text()) > 0
                        && Double.parseDouble(item.text()) < 1) {
                    stars.add(Double.parseDouble(item.text()));
                } else {
                    f.problem(item, "expected a significance level between 0 and 1 such as 0.05, found " + item.describe());
                }
            }
        }
        List<PublishedTable.Cell> cells = new ArrayList<>();
        Node ms = f.raw("models");
        if (ms != null && !ms.isNull()) {
            if (!ms.isMap()) {
                f.problem(ms, "expected model ids mapped to their printed cells, found " + ms.describe());
            } else {
                for (var me : ms.entries().entrySet()) {
                    String model = me.getKey();
                    if (!models.containsKey(model)) {
                        f.problem(me.getValue(), "unknown model '" + model + "'" + orList(Suggest.didYouMean(model, models.keySet()), "models", models.keySet()));
                        continue;
                    }
                    publishedModel(model, me.getValue(), stat, cells);
                }
            }
        }
        Node ts = f.raw("tests");
        if (ts != null && !ts.isNull()) {
            if (!ts.isMap()) {
                f.problem(ts, "expected test ids mapped to their printed statistics, found " + ts.describe());
            } else {
                for (var te : ts.entries().entrySet()) {
                    if (!tests.containsKey(te.getKey())) {
                        f.problem(te.getValue(), "unknown test '" + te.getKey() + "'" + orList(Suggest.didYouMean(te.getKey(), tests.keySet()), "tests", tests.keySet()));
                        continue;
                    }
                    if (!te.getValue().isMap()) {
                        f.problem(te.getValue(), "expected statistics mapped to printed values such as {wbar: \"5.0576\"}, found " + te.getValue().describe());
                        continue;
                    }
                    for (var se : te.getValue().entries().entrySet()) {
                        String printed = printedCell(f, se.getValue());
                        if (printed != null) {
                            cells.add(new PublishedTable.Cell("tests." + te.getKey() + "." + se.getKey(), printed, null,
                                    se.getValue().at(source)));
                        }
                    }
                }
            }
        }
        f.finish();
        if (stat == null || enforce == null) {
            return null;
        }
        return new PublishedTable(name, src, stars, enforce, cells, node.at(source));
    }

    private void publishedModel(String model, Node node, String stat, List<PublishedTable.Cell> cells) {
        Fields f = Fields.of(node, source, problems, "printed cells such as {coefficients: {x: [\"0.12**\", \"(2.31)\"]}, nobs: \"270\"}",
                "coefficients", "nobs", "groups", "clusters", "r2", "r2Within", "adjR2", "F");
        if (f == null) {
            return;
        }
        String base = "models." + model + ".";
        Node coefs = f.raw("coefficients");
        if (coefs != null && coefs.isMap()) {
            for (var c : coefs.entries().entrySet()) {
                String term = base + "coefficients." + c.getKey() + ".";
                Node v = c.getValue();
                List<Node> parts = v.isList() ? v.items() : List.of(v);
                if (parts.isEmpty() || parts.size() > 2) {
                    f.problem(v, "expected the printed estimate, or [estimate, statistic] such as [\"-4,937.897**\", \"(-2.43)\"]");
                    continue;
                }
                String est = printedCell(f, parts.get(0));
                if (est != null) {
                    cells.add(new PublishedTable.Cell(term + "estimate", est, term + "p", parts.get(0).at(source)));
                }
                if (parts.size() == 2) {
                    String st = printedCell(f, parts.get(1));
                    if (st != null) {
                        cells.add(new PublishedTable.Cell(term + (stat.equals("se") ? "stdError" : "t"), st, null, parts.get(1).at(source)));
                    }
                }
            }
        } else if (coefs != null && !coefs.isNull()) {
            f.problem(coefs, "expected terms mapped to printed cells, found " + coefs.describe());
        }
        for (String k : List.of("nobs", "groups", "clusters", "r2", "r2Within", "adjR2", "F")) {
            Node v = f.raw(k);
            if (v != null && !v.isNull()) {
                String printed = printedCell(f, v);
                if (printed != null) {
                    cells.add(new PublishedTable.Cell(base + k, printed, null, v.at(source)));
                }
            }
        }
        f.finish();
    }

    private static String printedCell(Fields f, Node v) {
        if (!v.isScalar() || Printed.parse(v.text()) == null) {
            f.problem(v, "expected a number as printed, such as \"-4,937.897**\", \"(-2.43)\" or \"270\", found " + v.describe());
            return null;
        }
        return v.text();
    }

    private static Double nonNegative(Fields f, String key, double defaultValue) {
        Double v = f.number(key, defaultValue);
        if (v != null && v < 0) {
            f.problem(f.raw(key), "a tolerance cannot be negative; found " + v);
            return null;
        }
        return v;
    }

    private String datasetRef(Fields f, Map<String, DatasetSpec> datasets) {
        String d = f.string("dataset", true, "name one of the datasets: " + String.join(", ", datasets.keySet()));
        if (d != null && !datasets.containsKey(d)) {
            f.problem(f.raw("dataset"), "unknown dataset '" + d + "'" + orList(Suggest.didYouMean(d, datasets.keySet()), "datasets", datasets.keySet()));
            return null;
        }
        return d;
    }

    private static String orList(String didYouMean, String what, Collection<String> names) {
        if (!didYouMean.isEmpty()) {
            return didYouMean;
        }
        return names.isEmpty() ? "; the study defines no " + what : "; the study's " + what + " are: " + String.join(", ", names);
    }

    private Map<String, Located> locations(Node node) {
        Map<String, Located> out = new LinkedHashMap<>();
        for (var e : node.entries().entrySet()) {
            out.put(e.getKey(), e.getValue().at(source));
        }
        return out;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static List<String> names(String... keys) {
        return new ArrayList<>(List.of(keys));
    }
}
