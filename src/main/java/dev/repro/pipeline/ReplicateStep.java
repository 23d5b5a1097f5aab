package dev.repro.pipeline;

import dev.repro.report.ReportSpecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.drift.DriftChecker;
import dev.repro.drift.DriftItem;
import dev.repro.drift.Flat;
import dev.repro.io.AtomicFiles;
import dev.repro.io.Json;
import dev.repro.io.Sha256;
import dev.repro.pipeline.ReplicateFindings.Cell;
import dev.repro.pipeline.ReplicateFindings.Finding;
import dev.repro.pipeline.ReplicateFindings.Verdict;
import dev.repro.pipeline.ReplicateReport.Block;
import dev.repro.pipeline.ReplicateReport.Items;
import dev.repro.pipeline.ReplicateReport.Paragraph;
import dev.repro.pipeline.ReplicateReport.Section;
import dev.repro.pipeline.ReplicateReport.Table;
import dev.repro.report.FigureSpec;
import dev.repro.study.Study;
import dev.repro.report.TableSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code repro:replicate}: run inside an unzipped replication package after the rebuild, it compares the
 * package's shipped {@code output/} with the rebuilt outputs and writes {@code REPLICATION-REPORT.md} and
 * {@code .html} in the structure of a journal data editor's report: data availability, computing
 * environment (stated and actual), replication steps with their runtimes, and a verdict for every table and
 * figure. Runtimes appear only in the report, which is not part of any hashed artefact.
 */
public final class ReplicateStep {
    /** The package's record of the environment that made it. */
    static final String STATED_ENVIRONMENT = "environment.json";
    static final String REPORT = "REPLICATION-REPORT";

    /** The replicator's machine, as the goal sees it. */
    public record Actual(String java, String maven, String os, int cores, long memoryBytes, String plugin, List<String> libraries) {
        public Actual {
            libraries = List.copyOf(libraries);
        }
    }

    /** How long one goal of this build took. */
    public record GoalTime(String goal, long millis) {
    }

    /** A file of the manifest and what the replicator's copy says. */
    record FileCheck(String path, String status) {
    }

    private ReplicateStep() {
    }

    static List<Finding> run(Pipeline.Loaded loaded, Workspace ws, Actual actual, List<GoalTime> steps, boolean failOnDrift,
                             Reporter log) throws ReproException, IOException {
        Study study = loaded.study();
        RestrictedData.Skips skips = loaded.skips();
        ReportSpecs report = skips.isEmpty() ? loaded.report() : skips.unpruned();
        Path pkg = ws.basedir();
        Path shipped = pkg.resolve("output");
        if (!Files.isRegularFile(shipped.resolve("results.json"))) {
            throw new ReproException("Nothing to compare with", Problem.at("output/results.json", 0, 0,
                    "repro:replicate runs inside an unzipped replication package (made by repro:package), whose output/"
                            + " holds the results that made it; this folder has none"));
        }
        Map<String, Object> shippedAll = Flat.flatten(Json.mapper().readTree(Files.readAllBytes(shipped.resolve("results.json"))));
        // what depends on missing restricted data was not rebuilt: neither side of it is compared
        Map<String, Object> shippedFlat = skips.without(shippedAll);
        Map<String, Object> rebuiltFlat = skips.without(Flat.flatten(Json.mapper().readTree(Files.readAllBytes(ws.resultsFile()))));
        List<Finding> findings = new ArrayList<>();
        for (TableSpec t : report.tables()) {
            String skipped = skips.tables().get(t.id());
            findings.add(skipped != null ? ReplicateFindings.notChecked("Table", t.id(), skipped)
                    : ReplicateFindings.table(t, shipped, ws.outputDir(), shippedFlat, rebuiltFlat, study.tolerance()));
        }
        for (FigureSpec f : report.figures()) {
            String skipped = skips.figures().get(f.id());
            findings.add(skipped != null ? ReplicateFindings.notChecked("Figure", f.id(), skipped)
                    : ReplicateFindings.figure(f, shipped, ws.outputDir()));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(summary(findings, shippedFlat, rebuiltFlat, study, shippedAll.size() - shippedFlat.size(), skips));
        sections.add(dataAvailability(pkg));
        sections.add(environment(pkg, actual));
        sections.add(stepsSection(steps));
        sections.add(findingsSection(findings));
        Section published = ReplicatePublished.section(skips.isEmpty() ? study.published() : skips.published(),
                Flat.flatten(Json.mapper().readTree(Files.readAllBytes(ws.resultsFile()))), skips);
        if (published != null) {
            sections.add(published);
        }
        String title = "Replication report" + (study.title() == null ? "" : ": " + study.title());
        Path md = pkg.resolve(REPORT + ".md");
        AtomicFiles.write(md, ReplicateReport.markdown(title, sections).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(pkg.resolve(REPORT + ".html"), ReplicateReport.html(title, sections).getBytes(StandardCharsets.UTF_8));
        for (Finding f : findings) {
            log.info(f.output() + " " + f.id() + ": " + f.verdict().text + " (" + f.detail() + ")");
        }
        log.info("Wrote " + ws.display(md) + " and " + REPORT + ".html");
        Problems problems = new Problems();
        for (Finding f : findings) {
            if (f.verdict() == Verdict.DIFFERS && !f.output().equals("Figure")) {
                if (f.cells().isEmpty()) {
                    problems.add("output/tables/" + f.id() + ".csv", 0, 0, "table " + f.id() + " differs: " + f.detail());
                }
                for (Cell c : f.cells()) {
                    problems.add(c.file(), c.row(), c.column(), "table " + f.id() + ", " + c.description());
                }
            }
        }
        if (!problems.isEmpty()) {
            if (failOnDrift) {
                problems.throwIfAny("The rebuilt tables differ from the package's output/ (see " + REPORT
                        + ".md; -Drepro.failOnDrift=false writes the report without failing)");
            }
            log.warn("The rebuilt tables differ from the package's output/; repro.failOnDrift is false, so the build goes on");
        }
        return findings;
    }

    private static Section summary(List<Finding> findings, Map<String, Object> shipped, Map<String, Object> rebuilt, Study study,
                                   int notRebuilt, RestrictedData.Skips skips) {
        Map<Verdict, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.verdict(), 1, Integer::sum));
        List<String> items = new ArrayList<>();
        counts.forEach((v, n) -> items.add(n + " " + (n == 1 ? "output" : "outputs") + " " + v.text));
        int exact = 0;
        int within = 0;
        int differ = 0;
        for (DriftItem item : new DriftChecker(study.tolerance()).compare(shipped, rebuilt)) {
            if (item.failed()) {
                differ++;
            } else if (item.difference() != null && item.difference() != 0) {
                within++;
            } else {
                exact++;
            }
        }
        items.add("results.json: " + exact + " values equal, " + within + " within tolerance, " + differ + " differ"
                + (notRebuilt == 0 ? "" : ", " + notRebuilt + " not checked (restricted data missing: "
                + String.join(", ", skips.files()) + ")"));
        return new Section("Summary", List.of(new Paragraph("The package was unzipped, rebuilt from its data with `mvn verify`"
                + " and its shipped outputs (output/) compared with the rebuilt ones (target/repro/)."), new Items(items)));
    }

    private static Section dataAvailability(Path pkg) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> restricted = restricted(pkg);
        Path manifest = pkg.resolve("manifest-sha256.txt");
        Map<String, int[]> bundled = new TreeMap<>();
        if (Files.isRegularFile(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                if (gap < 0) {
                    continue;
                }
                String sha = line.substring(0, gap);
                String path = line.substring(gap + 2);
                String status = check(pkg.resolve(path), sha);
                String top = path.startsWith(PackageBundle.REPOSITORY) ? PackageBundle.REPOSITORY
                        : path.startsWith(PackageBundle.MAVEN) ? PackageBundle.MAVEN : null;
                if (top != null) {
                    int[] c = bundled.computeIfAbsent(top, k -> new int[2]);
                    c[0]++;
                    c[1] += status.equals("matches") ? 0 : 1;
                } else {
                    rows.add(List.of(path, sha.substring(0, Math.min(12, sha.length())) + "…", status));
                }
            }
        }
        bundled.forEach((top, c) -> rows.add(List.of(top + " (" + c[0] + " files)", "", c[1] == 0 ? "all match"
                : c[1] + " do not match")));
        for (var e : restricted.entrySet()) {
            String sha = e.getValue();
            rows.add(List.of(e.getKey(), sha.substring(0, Math.min(12, sha.length())) + "…",
                    "restricted: " + check(pkg.resolve(e.getKey()), sha).replace("missing", "not supplied by the replicator")));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Every file of the package against its SHA-256 in manifest-sha256.txt; restricted data are"
                + " not in the package and are checked against restricted-data.csv when the replicator supplies them."));
        blocks.add(new Table(List.of("file", "SHA-256", "status"), rows));
        return new Section("Data availability", blocks);
    }

    private static String check(Path file, String sha) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        return Sha256.of(file).equals(sha) ? "matches" : "differs from the manifest";
    }

    private static Map<String, String> restricted(Path pkg) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path list = pkg.resolve("restricted-data.csv");
        if (Files.isRegularFile(list)) {
            List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] parts = line.split(",");
                if (parts.length >= 2) {
                    out.put(parts[0], parts[1]);
                }
            }
        }
        return out;
    }

    private static Section environment(Path pkg, Actual actual) throws IOException {
        Path statedFile = pkg.resolve(STATED_ENVIRONMENT);
        JsonNode stated = Files.isRegularFile(statedFile) ? Json.mapper().readTree(Files.readAllBytes(statedFile)) : null;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Java", text(stated, "java"), actual.java()));
        rows.add(List.of("Apache Maven", text(stated, "maven"), actual.maven()));
        rows.add(List.of("Operating system", text(stated, "os"), actual.os()));
        rows.add(List.of("Processor cores", text(stated, "cores"), Integer.toString(actual.cores())));
        rows.add(List.of("Memory", text(stated, "memory"), memory(actual.memoryBytes())));
        rows.add(List.of("repro-maven-plugin", text(stated, "plugin"), actual.plugin()));
        List<String> statedLibs = new ArrayList<>();
        if (stated != null && stated.has("libraries")) {
            stated.get("libraries").forEach(n -> statedLibs.add(n.asText()));
        }
        rows.add(List.of("Libraries", String.join(", ", statedLibs), statedLibs.equals(actual.libraries())
                ? "the same" : String.join(", ", actual.libraries())));
        return new Section("Computing environment", List.of(new Paragraph("Stated: recorded by repro:package in "
                + STATED_ENVIRONMENT + ". Actual: this replication."), new Table(List.of("", "stated", "actual"), rows)));
    }

    /** The machine's physical memory in bytes, or 0 when the JVM does not tell. */
    public static long physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    }

    static String memory(long bytes) {
        return bytes <= 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    private static String text(JsonNode node, String key) {
        return node != null && node.has(key) ? node.get(key).asText() : "not recorded";
    }

    private static Section stepsSection(List<GoalTime> steps) {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (GoalTime s : steps) {
            rows.add(List.of("repro:" + s.goal(), seconds(s.millis())));
            total += s.millis();
        }
        rows.add(List.of("all repro goals", seconds(total)));
        return new Section("Replication steps", List.of(new Paragraph("sh replicate.sh (or replicate.cmd) ran Maven offline"
                + " against the package's repository: mvn verify rebuilt every result, then repro:replicate wrote this report."
                + " Runtimes of this run, in the order the goals ran:"), new Table(List.of("goal", "runtime"), rows)));
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Section findingsSection(List<Finding> findings) {
        List<List<String>> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        for (Finding f : findings) {
            rows.add(List.of(f.output() + " " + f.id(), f.verdict().text, f.detail()));
            for (Cell c : f.cells()) {
                cells.add(f.output() + " " + f.id() + ", " + c.description());
            }
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(List.of("output", "verdict", "detail"), rows));
        if (!cells.isEmpty()) {
            blocks.add(new Paragraph("Cells that differ:"));
            blocks.add(new Items(cells));
        }
        return new Section("Findings", blocks);
    }
}
