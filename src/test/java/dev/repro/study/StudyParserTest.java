package dev.repro.study;

import dev.repro.diag.ReproException;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.pipeline.EstimatorKinds;
import dev.repro.pipeline.TestKinds;
import dev.repro.report.ReportSpecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyParserTest {
    @TempDir
    Path dir;

    private Study parse(String yaml) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return StudyParser.parse(f, "study.yaml");
    }

    private List<String> problems(String yaml) throws IOException {
        return problems("study.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        // what validate reports: the study's sections, then the models, tests, tables and figures as their kinds parse them
        Problems problems = new Problems();
        try {
            Study study = EstimatorKinds.resolve(StudyParser.parse(f, name, problems), problems);
            TestKinds.check(study, problems);
            ReportSpecs.parse(study, problems);
        } catch (ReproException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
        assertTrue(!problems.isEmpty(), "expected problems");
        return problems.list().stream().map(Problem::format).toList();
    }

    private static final String DATA = """
            datasets:
              cigar:
                file: data/cigar.csv
                id: state
                time: year
            """;

    @Test
    void readsTheContractExample() throws Exception {
        Study s = parse("""
                title: Cigarette demand
                datasets:
                  cigar:
                    file: data/cigar.csv
                    id: state
                    time: year
                    columns:
                      price: {type: number, min: 0}
                labels:
                  price: "Price per pack"
                models:
                  twfe:
                    dataset: cigar
                    formula: "sales ~ price + ndi + pop16 | state + year"
                    vcov: cluster(state)
                    sample: "year <= 80"
                  dgmm:
                    dataset: cigar
                    estimator: gmm
                    formula: "log(sales) ~ L(log(sales), 1) + log(price) + log(ndi)"
                    gmm: "L(log(sales), 2:4)"
                    transformation: d
                    effect: twoways
                    steps: 2
                    collapse: true
                tests:
                  haus: {type: hausman, dataset: cigar, formula: "sales ~ price + ndi + pop16"}
                  llc:  {type: unitroot, method: llc, dataset: cigar, variable: sales, lags: 1, deterministic: intercept}
                  fadf: {type: unitroot, method: fisher-adf, dataset: cigar, variable: sales, lags: 1, deterministic: intercept}
                  dh:   {type: granger, dataset: cigar, cause: price, effect: sales, lags: 1}
                tables:
                  main:
                    title: "Benchmark regressions"
                    models: [twfe]
                    stat: t
                """);
        assertEquals("Cigarette demand", s.title());
        assertEquals(List.of("twfe", "dgmm"), List.copyOf(s.models().keySet()));
        ModelSpec twfe = s.models().get("twfe");
        assertEquals("cluster(state)", twfe.vcov().text());
        assertEquals("year <= 80", twfe.sample());
        assertEquals("linear", twfe.estimator());
        // each model's estimator keys are parsed by its kind
        ModelSpec gmm = EstimatorKinds.resolve(s, new Problems()).models().get("dgmm");
        assertEquals(2, gmm.options().get("steps"));
        assertEquals(true, gmm.options().get("collapse"));
        assertEquals("d", gmm.options().get("transformation"));
        assertEquals(List.of("haus", "llc", "fadf", "dh"), List.copyOf(s.tests().keySet()));
        // each test's own keys are parsed by its kind
        assertEquals("fisher-adf", TestKinds.parse(s.tests().get("fadf"), new Problems()).string("method"));
        assertEquals(1, TestKinds.parse(s.tests().get("dh"), new Problems()).integer("lags", 0));
        assertEquals("Price per pack", s.labels().get("price").text());
        assertEquals(0.0, s.datasets().get("cigar").columns().get("price").min());
        assertEquals(List.of("regression"), s.tables().stream().map(ReportEntry::kind).toList());
        assertEquals(Tolerance.DEFAULT, s.tolerance());
    }

    @Test
    void acceptsJson() throws Exception {
        Path f = dir.resolve("study.json");
        Files.writeString(f, """
                {"datasets": {"g": {"file": "g.csv"}},
                 "models": {"m": {"dataset": "g", "formula": "y ~ x"}}}
                """);
        Study s = StudyParser.parse(f, "study.json");
        assertEquals("y ~ x", s.models().get("m").formula());
    }

    @Test
    void misspelledKeySuggestsTheClosestOne() throws IOException {
        assertEquals(List.of("study.yaml:9:5: models.m.formla: unknown key 'formla' in models.m, did you mean 'formula'?"),
                problems(DATA + """
                        models:
                          m:
                            dataset: cigar
                            formla: "y ~ x"
                        """));
    }

    @Test
    void unknownTopLevelKeyListsTheKnownKeys() throws IOException {
        assertEquals(List.of("study.yaml:6:1: model: unknown key 'model' in the study file, did you mean 'models'?"),
                problems(DATA + "model: {}\n"));
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() throws IOException {
        List<String> p = problems("datasets:\n  a: {file: x.csv\nmodels: [\n");
        assertEquals(1, p.size());
        assertEquals("study.yaml:2:6: YAML syntax error: the '{' opened here is not closed before line 3; close it with '}'"
                + " and separate the items with commas", p.get(0));
    }

    @Test
    void duplicateKeyIsAnError() throws IOException {
        List<String> p = problems(DATA + "models:\n  m: {dataset: cigar, formula: \"y ~ x\"}\n  m: {dataset: cigar, formula: \"y ~ z\"}\n");
        assertEquals(1, p.size());
        assertEquals("study.yaml:8:3: duplicate key 'm' in models: it is already set at line 7; keep one of the two", p.get(0));
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() throws IOException {
        byte[] bytes = "datasets:\n  a: {file: x.csv}\n# caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length - 1] = (byte) 0xC3;
        bad[bytes.length] = (byte) 0x28;
        assertEquals(List.of("study.yaml:3: the study file is not valid UTF-8; save it as UTF-8"), problems("study.yaml", bad));
    }

    @Test
    void missingStudyFileSaysHowToFix() {
        ReproException e = assertThrows(ReproException.class, () -> StudyParser.parse(dir.resolve("nope.yaml"), "nope.yaml"));
        assertEquals(List.of("nope.yaml: study file not found; create it (see the README's study-file reference) or point "
                + "repro.study at an existing study.yaml or study.json"), e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void emptyStudyFile() throws IOException {
        assertEquals(List.of("study.yaml:1:1: the study file is empty; it needs at least a 'datasets' and a 'models' or 'tests' section"),
                problems(""));
    }

    @Test
    void unknownDatasetSuggests() throws IOException {
        assertEquals(List.of("study.yaml:8:14: models.m.dataset: unknown dataset 'cigr', did you mean 'cigar'?"),
                problems(DATA + """
                        models:
                          m:
                            dataset: cigr
                            formula: "y ~ x"
                        """));
    }

    @Test
    void unknownVcov() throws IOException {
        assertEquals(List.of("study.yaml:10:11: models.m.vcov: unknown covariance 'clustr(state)'; expected iid, hc1, "
                        + "cluster(<column>), cluster(<column1>, <column2>), dk(<lag>), nw(<lag>) or hac(<lag>)"),
                problems(DATA + """
                        models:
                          m:
                            dataset: cigar
                            formula: "y ~ x"
                            vcov: clustr(state)
                        """));
    }

    @Test
    void vcovForms() {
        assertEquals(VcovSpec.IID, VcovSpec.parse("iid"));
        assertEquals("hc1", VcovSpec.parse("HC1").text());
        assertEquals(List.of("state"), VcovSpec.parse("cluster( state )").clusters());
        assertEquals(List.of("state", "year"), VcovSpec.parse("cluster(state,year)").clusters());
        assertEquals(null, VcovSpec.parse("cluster()"));
        assertEquals(null, VcovSpec.parse("cluster(a, b, c)"));
        assertEquals(null, VcovSpec.parse("cluster(a, a)"));
        assertEquals(null, VcovSpec.parse("sandwich"));
    }

    @Test
    void gmmKeysOnALinearModel() throws IOException {
        assertEquals(List.of("study.yaml:10:12: models.m.steps: 'steps' applies to estimator: gmm only; remove it or set estimator: gmm"),
                problems(DATA + """
                        models:
                          m:
                            dataset: cigar
                            formula: "y ~ x"
                            steps: 2
                        """));
    }

    @Test
    void wrongTypesAndChoices() throws IOException {
        assertEquals(List.of(
                        "study.yaml:10:16: models.g.estimator: unknown value 'gmmm', did you mean 'gmm'? expected one of linear, re, gmm, ppml, iv",
                        "study.yaml:14:13: tests.u.method: unknown value 'lcc', did you mean 'llc'? expected one of llc, ips, fisher-adf, fisher-pp",
                        "study.yaml:17:11: tests.u.lags: expected a whole number from 0 to 50, found -1"),
                problems(DATA + """
                        models:
                          g:
                            dataset: cigar
                            formula: "y ~ x"
                            estimator: gmmm
                        tests:
                          u:
                            type: unitroot
                            method: lcc
                            dataset: cigar
                            variable: sales
                            lags: -1
                        """));
    }

    @Test
    void tableWithUnknownModel() throws IOException {
        assertEquals(List.of("study.yaml:10:18: tables.t.models[1]: unknown model 'm2', did you mean 'm1'?"),
                problems(DATA + """
                        models:
                          m1: {dataset: cigar, formula: "y ~ x"}
                        tables:
                          t:
                            models: [m1, m2]
                        """));
    }

    @Test
    void missingRequiredKeys() throws IOException {
        assertEquals(List.of("study.yaml:8:5: models.m: missing required key 'formula'; write it as \"y ~ x1 + x2 | fe1 + fe2\""),
                problems(DATA + """
                        models:
                          m:
                            dataset: cigar
                        """));
    }

    @Test
    void collectsEveryProblemAtOnce() throws IOException {
        List<String> p = problems("""
                datasets:
                  a: {fil: a.csv}
                models:
                  m: {dataset: b, formula: "y ~ x", vcov: bad}
                tables:
                  t: {models: [zz], stat: z}
                """);
        assertEquals(5, p.size(), String.join("\n", p)); // a table with a mistake still has its references checked
    }

    @Test
    void badIdsAndToleranceAndSchema() throws IOException {
        assertEquals(List.of(
                        "study.yaml:2:33: datasets.x.columns.p: min 5 is larger than max 1; swap them",
                        "study.yaml:4:9: models.1bad: the name '1bad' is not a valid id; use letters, digits, '_' and '-', starting with a letter",
                        "study.yaml:5:23: tolerance.relative: expected a number, found the text 'tiny'"),
                problems("""
                        datasets:
                          x: {file: x.csv, columns: {p: {min: 5, max: 1}}}
                        models:
                          1bad: {dataset: x, formula: "y ~ x"}
                        tolerance: {relative: tiny}
                        """));
    }
}
