package dev.repro.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.data.Dataset;
import dev.repro.io.Sha256;
import dev.repro.io.AtomicFiles;
import dev.repro.io.Json;
import dev.repro.report.FigureSpec;
import dev.repro.report.ReportSpecs;
import dev.repro.report.TableSpec;
import dev.repro.study.DatasetSpec;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import dev.repro.study.Study;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code repro:package}: a replication archive that proves its own integrity. It holds the project's pom,
 * the study, the data (or, for restricted data, only their names and SHA-256), the baseline, results,
 * tables, figures and report, a README following the AEA Data Editor's template and a BagIt-style
 * {@code manifest-sha256.txt}. Entries are sorted and carry a fixed time stamp, so that two builds of the
 * same inputs give byte-identical archives.
 */
final class PackageStep {
    static final String ROOT = "replication-package/";
    /** The zip format's own epoch: no build time leaks into the archive. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** What the README says about the computing environment. */
    record Environment(String java, String maven, String os, String pluginVersion, List<String> dependencies) {
    }

    private PackageStep() {
    }

    static Path run(Study study, ReportSpecs report, Map<String, Dataset> data, Workspace ws, Environment env, Reporter log)
            throws ReproException, IOException {
        if (!Files.isRegularFile(ws.resultsFile()) || !Files.isRegularFile(ws.reportDir().resolve("index.html"))) {
            throw new ReproException("Nothing to package", Problem.at(ws.display(ws.outputDir()), 0, 0,
                    "no results or report yet: run `mvn verify` (or the estimate and tables goals) before repro:package"));
        }
        TreeMap<String, byte[]> files = new TreeMap<>();
        Path pom = ws.basedir().resolve("pom.xml");
        if (Files.isRegularFile(pom)) {
            files.put("pom.xml", Files.readAllBytes(pom));
        }
        files.put(ws.display(ws.studyFile()), Files.readAllBytes(ws.studyFile()));
        if (Files.isRegularFile(ws.baselineFile())) {
            files.put(ws.display(ws.baselineFile()), Files.readAllBytes(ws.baselineFile()));
        }
        StringBuilder restricted = new StringBuilder();
        for (DatasetSpec d : study.datasets().values()) {
            Dataset ds = data.get(d.name());
            if (d.restricted()) {
                restricted.append(d.file()).append(',').append(ds.sha256()).append(',').append(ds.rows()).append('\n');
            } else {
                files.put(normal(d.file()), Files.readAllBytes(ws.resolve(d.file())));
            }
        }
        if (restricted.length() > 0) {
            files.put("restricted-data.csv", ("file,sha256,rows\n" + restricted).getBytes(StandardCharsets.UTF_8));
        }
        addTree(files, ws.outputDir(), "output/", ws.resultsFile());
        addTree(files, ws.outputDir(), "output/", ws.tablesDir());
        addTree(files, ws.outputDir(), "output/", ws.outputDir().resolve("figures"));
        addTree(files, ws.outputDir(), "output/", ws.reportDir());
        if (ws.templatesDir() != null && Files.isDirectory(ws.templatesDir())) {
            addTree(files, ws.basedir(), "", ws.templatesDir());
        }
        files.put("README.md", readme(study, report, data, ws, env).getBytes(StandardCharsets.UTF_8));
        StringBuilder manifest = new StringBuilder();
        for (var e : files.entrySet()) {
            manifest.append(Sha256.of(e.getValue())).append("  ").append(e.getKey()).append('\n');
        }
        files.put("manifest-sha256.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));
        byte[] zip = zip(files);
        Path out = ws.outputDir().resolve("replication-package.zip");
        AtomicFiles.write(out, zip);
        log.info("Wrote " + ws.display(out) + ": " + files.size() + " files, sha256 " + Sha256.of(zip));
        return out;
    }

    private static String normal(String p) {
        return Path.of(p).normalize().toString().replace('\\', '/');
    }

    private static void addTree(TreeMap<String, byte[]> files, Path base, String prefix, Path start) throws IOException {
        if (!Files.exists(start)) {
            return;
        }
        List<Path> list = new ArrayList<>();
        try (Stream<Path> s = Files.walk(start)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).forEach(list::add);
        }
        for (Path p : list) {
            files.put(prefix + base.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
    }

    static byte[] zip(TreeMap<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            for (var e : files.entrySet()) {
                ZipEntry entry = new ZipEntry(ROOT + e.getKey());
                entry.setTimeLocal(FIXED_TIME);
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The README in the structure of the AEA Data Editor's template (social-science-data-editors.github.io). */
    static String readme(Study study, ReportSpecs report, Map<String, Dataset> data, Workspace ws, Environment env) throws IOException {
        StringBuilder r = new StringBuilder();
        String title = study.title() == null ? "Replication package" : study.title();
        r.append("# ").append(title).append(": replication package\n\n");
        r.append("## Overview\n\n");
        r.append("This package reproduces every result of the study from its raw data with one command. The study file `")
                .append(ws.display(ws.studyFile())).append("` declares the data, the constructed variables, ")
                .append(study.models().size()).append(" models, ").append(study.tests().size()).append(" tests, ")
                .append(study.tables().size()).append(" tables and ").append(study.figures().size())
                .append(" figures; repro-maven-plugin builds them and checks every number against `")
                .append(ws.display(ws.baselineFile())).append("`.\n\n");
        r.append("## Data Availability and Provenance Statements\n\n");
        r.append("| file | rows | SHA-256 | in this package | source |\n|---|---|---|---|---|\n");
        for (DatasetSpec d : study.datasets().values()) {
            Dataset ds = data.get(d.name());
            r.append("| `").append(d.file()).append("` | ").append(ds.rows()).append(" | `").append(ds.sha256()).append("` | ")
                    .append(d.restricted() ? "no (restricted; see `restricted-data.csv`)" : "yes").append(" | ")
                    .append(d.source() == null ? "not stated in the study (add `source:` to the dataset)" : d.source().replace("|", "\\|"))
                    .append(" |\n");
        }
        r.append("\nEvery file's SHA-256 is listed in `manifest-sha256.txt`; check them with `sha256sum -c manifest-sha256.txt`")
                .append(" from the package's folder. Restricted files must be obtained from their source and placed at the path")
                .append(" shown; their SHA-256 must equal the one above")
                .append(" (a dataset's `sha256:` key in the study makes the build check it).\n\n");
        r.append("## Computational requirements\n\n### Software requirements\n\n");
        r.append("- Java: ").append(env.java()).append("\n- Apache Maven: ").append(env.maven()).append("\n- Operating system used: ")
                .append(env.os()).append("\n- repro-maven-plugin: ").append(env.pluginVersion()).append(", with these libraries:\n");
        for (String dep : env.dependencies()) {
            r.append("  - ").append(dep).append('\n');
        }
        r.append("\nMaven downloads the plugin and its libraries from Maven Central on the first run.\n\n");
        r.append("### Randomness\n\n");
        r.append(study.seed() == null ? "The study uses no random numbers (no seed is set).\n\n"
                : "Every random draw derives from the study's seed " + study.seed() + "; results are identical at any thread count.\n\n");
        r.append("### Memory and runtime\n\n");
        JsonNode timings = null;
        Path t = ws.outputDir().resolve("timings.json");
        if (Files.isRegularFile(t)) {
            timings = Json.mapper().readTree(Files.readAllBytes(t));
        }
        r.append("The default JVM heap suffices. Approximate wall time of each table's estimations on the machine that made")
                .append(" this package (in classes, so that the README stays the same from run to run):\n\n");
        r.append("| table | study entry | models | estimation time |\n|---|---|---|---|\n");
        for (TableSpec ts : report.tables()) {
            List<String> models = ts instanceof TableSpec.Regression reg ? reg.models() : List.of();
            long ms = 0;
            for (String m : models) {
                ms += timings != null && timings.has("models." + m) ? timings.get("models." + m).asLong() : 0;
            }
            r.append("| ").append(ts.id()).append(" | `tables.").append(ts.id()).append("` | ")
                    .append(models.isEmpty() ? "-" : String.join(", ", models)).append(" | ").append(bucket(ms)).append(" |\n");
        }
        r.append("\n## Description of programs\n\n");
        r.append("There are no scripts: `").append(ws.display(ws.studyFile())).append("` is the program. Its `datasets` name the")
                .append(" inputs, `models` and `tests` the estimations, `tables` and `figures` the outputs. The plugin's README")
                .append(" documents every key.\n\n");
        r.append("## Instructions to replicators\n\n");
        r.append("```sh\nmvn -B verify\n```\n\n");
        r.append("This validates the data, rebuilds every result into `target/repro/results.json`, renders the tables and")
                .append(" figures into `target/repro/` and fails if any number differs from `").append(ws.display(ws.baselineFile()))
                .append("` beyond its tolerance. The outputs that made this package are in `output/` for comparison.\n\n");
        r.append("## List of tables and figures\n\n| output | study entry | files |\n|---|---|---|\n");
        for (TableSpec ts : report.tables()) {
            r.append("| Table ").append(ts.id()).append(" | `tables.").append(ts.id()).append("` | `output/tables/").append(ts.id())
                    .append(".tex`, `.html`, `.md`, `.csv` |\n");
        }
        for (FigureSpec fs : report.figures()) {
            r.append("| Figure ").append(fs.id()).append(" | `figures.").append(fs.id()).append("` | `output/figures/").append(fs.id())
                    .append(".svg` |\n");
        }
        r.append("\nThe report `output/report/index.html` shows every table and figure with its provenance and drift status.\n");
        return r.toString();
    }

    static String bucket(long ms) {
        if (ms < 1_000) {
            return "under 1 second";
        }
        if (ms < 10_000) {
            return "under 10 seconds";
        }
        if (ms < 60_000) {
            return "under 1 minute";
        }
        if (ms < 600_000) {
            return "under 10 minutes";
        }
        return "over 10 minutes";
    }
}
