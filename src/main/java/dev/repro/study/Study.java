package dev.repro.study;

import dev.repro.config.Node;

import dev.repro.index.IndexPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole study as read from study.yaml or study.json: immutable, every entry validated at parse time
 * and keyed by its study id in file order. {@code source} is the study file as the user names it;
 * {@code index} holds the steps that build constructed datasets (empty without an index section);
 * {@code mediation} holds the mediation analyses (empty without that section);
 * {@code tables} and {@code figures} are the positioned entries of those sections, whose keys the report's kinds
 * parse (at validate); {@code tree} is the file's content as plain maps and lists, for the provenance.
 */
public record Study(String source, String sha256, String title, Long seed, Map<String, DatasetSpec> datasets, IndexPlan index,
                    Map<String, Label> labels, Map<String, ModelSpec> models, Map<String, TestSpec> tests,
                    List<ReportEntry> tables, List<ReportEntry> figures, Tolerance tolerance, Map<String, PublishedTable> published,
                    Map<String, Object> tree, Node root, Map<String, MediationSpec> mediation) {
    /** A study without a mediation section. */
    public Study(String source, String sha256, String title, Long seed, Map<String, DatasetSpec> datasets, IndexPlan index,
                 Map<String, Label> labels, Map<String, ModelSpec> models, Map<String, TestSpec> tests,
                 List<ReportEntry> tables, List<ReportEntry> figures, Tolerance tolerance, Map<String, PublishedTable> published,
                 Map<String, Object> tree, Node root) {
        this(source, sha256, title, seed, datasets, index, labels, models, tests, tables, figures, tolerance, published, tree, root,
                Map.of());
    }

    public Study {
        Objects.requireNonNull(source, "source");
        datasets = freeze(datasets);
        Objects.requireNonNull(index, "index");
        labels = freeze(labels);
        models = freeze(models);
        tests = freeze(tests);
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        Objects.requireNonNull(tolerance, "tolerance");
        published = freeze(published);
        tree = freeze(tree);
        mediation = freeze(mediation == null ? Map.of() : mediation);
    }

    /** This study with its models replaced (by the same ids, in the same order), e.g. once their kinds parsed them. */
    public Study withModels(Map<String, ModelSpec> parsed) {
        return new Study(source, sha256, title, seed, datasets, index, labels, parsed, tests, tables, figures, tolerance, published,
                tree, root, mediation);
    }

    private static <V> Map<String, V> freeze(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
