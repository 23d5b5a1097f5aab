package dev.repro.study;

import dev.repro.config.StudyFileReader;

import dev.repro.config.Fields;

import dev.repro.config.Node;
import dev.repro.diag.Suggest;

import dev.repro.diag.ReproException;

import dev.repro.diag.Problems;

import dev.repro.index.IndexPlan;
import dev.repro.index.IndexPlanParser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.repro.io.Sha256;
import java.io.IOException;

/**
 * Turns the study file's {@link Node} tree into an immutable {@link Study}, checking every key and value.
 * All problems are collected; {@link #parse} fails once with every one of them.
 */
public final class StudyParser extends SectionParser {

    static final String[] TOP_KEYS = {"title", "seed", "datasets", "labels", "models", "tests", "tables", "figures", "tolerance", "published", "index", "mediation"};
    private String sha256;

    private StudyParser(String source, Problems problems) {
        super(source, problems);
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
        DatasetsParser datasetsParser = new DatasetsParser(source, problems);
        for (var e : section(f, "datasets", true).entrySet()) {
            DatasetSpec d = datasetsParser.dataset(e.getKey(), e.getValue());
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
            ModelSpec m = new ModelsParser(source, problems).model(e.getKey(), e.getValue(), usable);
            if (m != null) {
                models.put(e.getKey(), m);
            }
        }
        Map<String, TestSpec> tests = new LinkedHashMap<>();
        for (var e : section(f, "tests", false).entrySet()) {
            TestSpec t = new TestsParser(source, problems).test(e.getKey(), e.getValue(), usable);
            if (t != null) {
                tests.put(e.getKey(), t);
            }
        }
        Map<String, MediationSpec> mediation = new LinkedHashMap<>();
        for (var e : section(f, "mediation", false).entrySet()) {
            MediationSpec ms = new MediationParser(source, problems).mediation(e.getKey(), e.getValue(), usable, seed);
            if (ms != null) {
                mediation.put(e.getKey(), ms);
            }
        }
        // the study knows each table's and figure's id and kind; the report's kinds parse their own keys (ReportEntry)
        OutputsParser outputs = new OutputsParser(source, problems);
        Map<String, Label> labels = outputs.labels(f.raw("labels"));
        List<ReportEntry> tables = outputs.entries("tables", f.raw("tables"), "table", "regression");
        List<ReportEntry> figures = outputs.entries("figures", f.raw("figures"), "figure", null);
        Tolerance tolerance = new ToleranceParser(source, problems).tolerance(f.raw("tolerance"));
        Map<String, PublishedTable> published = new LinkedHashMap<>();
        for (var e : section(f, "published", false).entrySet()) {
            PublishedTable pt = new PublishedParser(source, problems).published(e.getKey(), e.getValue(), models, tests);
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
}
