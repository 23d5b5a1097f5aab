package dev.repro.pipeline;

import dev.repro.diag.Problems;
import dev.repro.index.IndexPlan;
import dev.repro.index.api.IndexStepSpec;
import dev.repro.io.Sha256;
import dev.repro.report.FigureSpec;
import dev.repro.report.ReportSpecs;
import dev.repro.report.TableSpec;
import dev.repro.study.DatasetSpec;
import dev.repro.study.MediationSpec;
import dev.repro.study.ModelSpec;
import dev.repro.study.PublishedTable;
import dev.repro.study.ReportEntry;
import dev.repro.study.Study;
import dev.repro.study.TestSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replication without a restricted dataset ({@code repro.replication=true}, which the package's scripts
 * set): a {@code restricted: true} dataset whose file the replicator has not supplied is left out, and with it
 * everything that depends on it, traced through the study: the index steps that read it (and the datasets they
 * build, transitively), the models, tests and mediation analyses on those datasets, and the tables and
 * figures that print them. Each skipped entry keeps the reason ("restricted data missing: data/x.csv"), which
 * the log and the replication report give. Outside replication mode a missing file stays an error.
 */
final class RestrictedData {
    /** The file that lists each restricted dataset's SHA-256 in a package. */
    static final String LIST = "restricted-data.csv";

    /**
     * What is left out, by study name, each with its reason; empty when nothing is missing. {@code unpruned} is
     * every table and figure of the study and {@code published} every published table with all its cells, for the
     * report (both null when nothing is left out).
     */
    record Skips(Map<String, String> datasets, Map<String, String> indexSteps, Map<String, String> models,
                 Map<String, String> tests, Map<String, String> mediation, Map<String, String> tables,
                 Map<String, String> figures, ReportSpecs unpruned, Map<String, PublishedTable> published) {
        static final Skips NONE = new Skips(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, null);

        boolean isEmpty() {
            return datasets.isEmpty();
        }

        /**
         * The reason a results.json key is absent from this build, or null when it is not skipped: the key's
         * first two parts name a model, test, mediation analysis, index output or table summary.
         */
        String reasonFor(String key) {
            String[] parts = key.split("\\.", 3);
            if (parts.length < 2) {
                return null;
            }
            return switch (parts[0]) {
                case "models" -> models.get(parts[1]);
                case "tests" -> tests.get(parts[1]);
                case "mediation" -> mediation.get(parts[1]);
                case "index" -> datasets.get(parts[1]);
                case "summaries" -> tables.get(parts[1]);
                default -> null;
            };
        }

        /** The missing files, as the reasons name them. */
        List<String> files() {
            return datasets.values().stream().map(r -> r.substring(r.indexOf(':') + 2)).distinct().toList();
        }

        /** The results without the skipped keys, so that what was not rebuilt is not compared. */
        Map<String, Object> without(Map<String, Object> flat) {
            if (isEmpty()) {
                return flat;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            flat.forEach((k, v) -> {
                if (reasonFor(k) == null) {
                    out.put(k, v);
                }
            });
            return out;
        }

        /** One log line per skipped entry, saying why. */
        List<String> lines() {
            List<String> out = new ArrayList<>();
            datasets.forEach((n, why) -> out.add("Skipping dataset " + n + ": " + why));
            indexSteps.forEach((n, why) -> out.add("Skipping index step " + n + ": " + why));
            models.forEach((n, why) -> out.add("Skipping model " + n + ": " + why));
            tests.forEach((n, why) -> out.add("Skipping test " + n + ": " + why));
            mediation.forEach((n, why) -> out.add("Skipping mediation " + n + ": " + why));
            tables.forEach((n, why) -> out.add("Skipping table " + n + ": " + why));
            figures.forEach((n, why) -> out.add("Skipping figure " + n + ": " + why));
            return out;
        }

        /** The study without the skipped entries (its tree and root stay whole: they are the file as written). */
        Study prune(Study s) {
            if (isEmpty()) {
                return s;
            }
            Map<String, DatasetSpec> ds = new LinkedHashMap<>(s.datasets());
            ds.keySet().removeAll(datasets.keySet());
            List<IndexStepSpec> steps = new ArrayList<>();
            for (IndexStepSpec step : s.index().steps()) {
                if (!indexSteps.containsKey(step.output())) {
                    steps.add(step);
                }
            }
            Map<String, ModelSpec> ms = new LinkedHashMap<>(s.models());
            ms.keySet().removeAll(models.keySet());
            Map<String, TestSpec> ts = new LinkedHashMap<>(s.tests());
            ts.keySet().removeAll(tests.keySet());
            Map<String, MediationSpec> med = new LinkedHashMap<>(s.mediation());
            med.keySet().removeAll(mediation.keySet());
            List<ReportEntry> tbl = s.tables().stream().filter(e -> !tables.containsKey(e.id())).toList();
            List<ReportEntry> fig = s.figures().stream().filter(e -> !figures.containsKey(e.id())).toList();
            Map<String, PublishedTable> published = new LinkedHashMap<>();
            s.published().forEach((n, t) -> published.put(n, t.withCells(
                    t.cells().stream().filter(c -> reasonFor(c.item()) == null).toList())));
            return new Study(s.source(), s.sha256(), s.title(), s.seed(), ds, new IndexPlan(steps), s.labels(), ms, ts, tbl, fig,
                    s.tolerance(), published, s.tree(), s.root(), med);
        }

        ReportSpecs prune(ReportSpecs r) {
            if (isEmpty()) {
                return r;
            }
            return new ReportSpecs(r.tables().stream().filter(t -> !tables.containsKey(t.id())).toList(),
                    r.figures().stream().filter(f -> !figures.containsKey(f.id())).toList());
        }
    }

    private RestrictedData() {
    }

    /**
     * The restricted datasets whose file is absent, and everything that depends on them. A restricted file
     * that is present but does not have the SHA-256 the package lists is a problem (at its line of
     * restricted-data.csv), not a skip.
     */
    static Skips trace(Study study, ReportSpecs report, Workspace ws, Problems problems) throws IOException {
        Map<String, String> listed = listed(ws.basedir().resolve(LIST));
        Map<String, String> datasets = new LinkedHashMap<>();
        for (DatasetSpec d : study.datasets().values()) {
            if (!d.restricted()) {
                continue;
            }
            var where = ws.dataFile(d);
            if (!where.ok()) {
                continue; // refused paths are reported by validate as always
            }
            if (!Files.isRegularFile(where.path())) {
                datasets.put(d.name(), "restricted data missing: " + d.file());
                continue;
            }
            String expected = listed.get(d.file());
            if (expected != null) {
                String[] shaAndLine = expected.split(":", 2);
                String actual = Sha256.of(where.path());
                if (!actual.equals(shaAndLine[0])) {
                    problems.add(LIST, Integer.parseInt(shaAndLine[1]), 2, d.file() + " has SHA-256 " + actual
                            + " but the package lists " + shaAndLine[0] + ": the supplied file is not the one the package was"
                            + " built from; obtain the original from its source, or remove the file to replicate without it");
                }
            }
        }
        if (datasets.isEmpty()) {
            return Skips.NONE;
        }
        Map<String, String> steps = new LinkedHashMap<>();
        for (IndexStepSpec step : study.index().steps()) {
            String why = step.inputs().stream().map(datasets::get).filter(r -> r != null).findFirst().orElse(null);
            if (why != null) {
                steps.put(step.output(), why);
                datasets.put(step.output(), why);
                step.extraOutputs().forEach(o -> datasets.put(o, why));
            }
        }
        Map<String, String> models = new LinkedHashMap<>();
        study.models().values().forEach(m -> putIf(models, m.name(), datasets.get(m.dataset())));
        Map<String, String> tests = new LinkedHashMap<>();
        study.tests().values().forEach(t -> putIf(tests, t.name(), datasets.get(t.dataset())));
        Map<String, String> mediation = new LinkedHashMap<>();
        study.mediation().values().forEach(m -> putIf(mediation, m.name(), datasets.get(m.dataset())));
        Map<String, String> tables = new LinkedHashMap<>();
        for (TableSpec t : report.tables()) {
            putIf(tables, t.id(), tableReason(t, datasets, models, tests, mediation));
        }
        Map<String, String> figures = new LinkedHashMap<>();
        for (FigureSpec f : report.figures()) {
            putIf(figures, f.id(), figureReason(f, datasets, models));
        }
        return new Skips(datasets, steps, models, tests, mediation, tables, figures, report, study.published());
    }

    private static void putIf(Map<String, String> map, String key, String reason) {
        if (reason != null) {
            map.put(key, reason);
        }
    }

    private static String first(List<String> names, Map<String, String> reasons) {
        return names.stream().map(reasons::get).filter(r -> r != null).findFirst().orElse(null);
    }

    private static String tableReason(TableSpec t, Map<String, String> datasets, Map<String, String> models,
                                      Map<String, String> tests, Map<String, String> mediation) {
        if (t instanceof TableSpec.Regression r) {
            return first(r.models(), models);
        }
        if (t instanceof TableSpec.Granger g) {
            return first(g.tests(), tests);
        }
        if (t instanceof TableSpec.Tests x) {
            return first(x.tests(), tests);
        }
        if (t instanceof TableSpec.Mediation m) {
            return first(m.paths().stream().map(p -> p.split("\\.", 2)[0]).toList(), mediation);
        }
        if (t instanceof TableSpec.UnitRoot u) {
            return first(u.rows().stream().flatMap(r -> r.tests().stream()).filter(x -> x != null).toList(), tests);
        }
        if (t instanceof TableSpec.Descriptive d) {
            return datasets.get(d.dataset());
        }
        if (t instanceof TableSpec.Yearly y) {
            return datasets.get(y.dataset());
        }
        if (t instanceof TableSpec.Weights w) {
            // a dotted path into results.json: index.<constructed dataset>.…
            String[] parts = w.from().split("\\.", 3);
            return parts.length >= 2 && parts[0].equals("index") ? datasets.get(parts[1]) : null;
        }
        return null;
    }

    private static String figureReason(FigureSpec f, Map<String, String> datasets, Map<String, String> models) {
        if (f instanceof FigureSpec.Trend t) {
            return datasets.get(t.dataset());
        }
        if (f instanceof FigureSpec.TileMap t) {
            return datasets.get(t.dataset());
        }
        if (f instanceof FigureSpec.Coefficients c) {
            return first(c.models(), models);
        }
        return null;
    }

    /** file -> "sha256:line" from a package's restricted-data.csv (absent outside a package). */
    private static Map<String, String> listed(Path list) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(list)) {
            return out;
        }
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            List<List<String>> rows = ReplicateFindings.csv(lines.get(i));
            List<String> fields = rows.isEmpty() ? List.of() : rows.get(0);
            if (fields.size() >= 2) {
                out.put(fields.get(0), fields.get(1) + ":" + (i + 1));
            }
        }
        return out;
    }
}
