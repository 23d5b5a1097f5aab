package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.diag.Excerpt;
import dev.repro.io.ProjectPaths;
import dev.repro.report.Escape;
import dev.repro.io.Sha256;
import dev.repro.io.AtomicFiles;
import dev.repro.io.Json;
import dev.repro.report.FigureSpec;
import dev.repro.report.ReportSpecs;
import dev.repro.report.TableSpec;
import dev.repro.study.DatasetSpec;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.study.Study;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    static Path run(Study study, ReportSpecs report, Map<String, Dataset> data, Workspace ws, Environment env,
                    PackageBundle.Request bundle, Reporter log) throws ReproException, IOException {
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
        Problems refused = new Problems();
        for (DatasetSpec d : study.datasets().values()) {
            Dataset ds = data.get(d.name());
            if (d.restricted()) {
                restricted.append(Escape.csv(d.file())).append(',').append(ds.sha256()).append(',').append(ds.rows()).append('\n');
            } else {
                ProjectPaths.Resolved where = ws.dataFile(d);
                if (!where.ok()) {
                    // validate refuses it first; a study that skipped validate still never packages it
                    String key = "datasets." + d.name() + ".file";
                    refused.addKey(study.source(), d.locate(key).line(), d.locate(key).column(), key,
                            where.refusal() + "; " + Workspace.dataFileFix(d));
                    continue;
                }
                files.put(entryOf(d, ws), Files.readAllBytes(where.path()));
            }
        }
        refused.throwIfAny("Cannot package the study");
        // every other file the study names (a tile map's layout:), so that the package can replay the figures
        for (var e : Fingerprint.tableInputs(ws, report).entrySet()) {
            if (e.getValue() != null && Files.isRegularFile(e.getValue())) {
                files.put(e.getKey(), Files.readAllBytes(e.getValue()));
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
            TreeMap<String, byte[]> templates = new TreeMap<>();
            addTree(templates, ws.basedir(), "", ws.templatesDir());
            for (String name : templates.keySet()) {
                ProjectPaths.Resolved where = ProjectPaths.inside(ws.basedir(), name);
                if (!where.ok()) { // a link in templates/ to a file outside the project is not packaged
                    throw new ReproException("Cannot package the study", Problem.at(ws.display(ws.templatesDir()), 0, 0,
                            where.refusal() + "; copy the file into the project instead of linking to it"));
                }
            }
            files.putAll(templates);
        }
        PackageBundle.Contents contents = PackageBundle.addTo(bundle, files);
        files.put(ReplicateStep.STATED_ENVIRONMENT, statedEnvironment(env));
        // README.md and manifest-sha256.txt, added below, are safe names
        for (String name : files.keySet()) {
            String why = ZipEntryNames.refusal(ROOT + name);
            if (why != null) {
                throw new ReproException("Cannot package the study", Problem.at(ws.display(ws.studyFile()), 0, 0,
                        "the archive entry " + Excerpt.quoted(ROOT + name) + " " + why
                                + "; name every file of the study relative to the project folder, without .. or //"));
            }
        }
        // the sizes are measured before the README and manifest exist (a few KB): the README must not depend on itself
        PackageBundle.Sizes sizes = PackageBundle.sizes(bundle.kind(), files, PackageStep::zip);
        files.put("README.md", readme(study, report, data, ws, env, contents, sizes).getBytes(StandardCharsets.UTF_8));
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

    /** Where a dataset's file goes in the archive: its project path, or data/external/ for an external file. */
    static String entryOf(DatasetSpec d, Workspace ws) {
        if (d.external()) {
            return "data/external/" + ProjectPaths.safeName(d.name()) + "-" + ProjectPaths.safeName(Path.of(d.file()).getFileName().toString());
        }
        return ws.display(ws.dataFile(d).path());
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
                ZipEntry entry = new ZipEntry(ZipEntryNames.checked(ROOT + e.getKey()));
                entry.setTimeLocal(FIXED_TIME);
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The README in the structure of the AEA Data Editor's template (social-science-data-editors.github.io). */
    static String readme(Study study, ReportSpecs report, Map<String, Dataset> data, Workspace ws, Environment env,
                         PackageBundle.Contents bundle) throws IOException {
        return readme(study, report, data, ws, env, bundle, new PackageBundle.Sizes(null, null, 0L));
    }

    static String readme(Study study, ReportSpecs report, Map<String, Dataset> data, Workspace ws, Environment env,
                         PackageBundle.Contents bundle, PackageBundle.Sizes sizes) throws IOException {
        StringBuilder r = new StringBuilder();
        // the title and sources are the study's text: escaped, so that they cannot add Markdown or HTML
        String title = study.title() == null ? "Replication package" : Escape.markdown(study.title());
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
            r.append("| ").append(Escape.markdownCode(d.file())).append(" | ").append(ds.rows()).append(" | `").append(ds.sha256()).append("` | ")
                    .append(d.restricted() ? "no (restricted; see `restricted-data.csv`)"
                            : d.external() ? "yes, as " + Escape.markdownCode(entryOf(d, ws)) + " (external: place it at the path the study names)"
                            : "yes").append(" | ")
                    .append(d.source() == null ? "not stated in the study (add `source:` to the dataset)" : Escape.markdown(d.source()))
                    .append(" |\n");
        }
        r.append("\nEvery file's SHA-256 is listed in `manifest-sha256.txt`; check them with `sha256sum -c manifest-sha256.txt`")
                .append(" from the package's folder. Restricted files must be obtained from their source and placed at the path")
                .append(" shown; their SHA-256 must equal the one above")
                .append(" (a dataset's `sha256:` key in the study makes the build check it).\n\n");
        r.append("## Computational requirements\n\n### Software requirements\n\n");
        r.append("- Java: ").append(env.java()).append("\n- Apache Maven: ").append(env.maven()).append("\n- Operating system used: ")
                .append(env.os()).append("\n- repro-maven-plugin: ").append(env.pluginVersion())
                .append(" (jar SHA-256 `").append(PluginVersion.jarSha256()).append("`), with these libraries:\n");
        for (String dep : env.dependencies()) {
            r.append("  - ").append(dep).append('\n');
        }
        r.append('\n').append(bundled(bundle)).append(' ').append(PackageBundle.sizesSentence(sizes, bundle.kind())).append("\n\n");
        r.append("### Randomness\n\n");
        r.append(study.seed() == null ? "The study uses no random numbers (no seed is set).\n\n"
                : "Every random draw derives from the study's seed " + study.seed() + "; results are identical at any thread count.\n\n");
        r.append("### Memory and runtime\n\n");
        // nothing measured enters the package (it must be byte-identical from run to run): wall times stay in
        // target/repro/timings.json, beside the package and outside it, and in the replication report
        r.append("The default JVM heap suffices. The wall time of every estimation on the machine that built the study is in")
                .append(" `target/repro/timings.json` after `mvn verify`; it is not part of this package, whose bytes do not")
                .append(" depend on how long a run took. `REPLICATION-REPORT.md`, written by the replication, gives the runtime")
                .append(" of each goal on the replicator's machine. The estimations behind each table:\n\n");
        r.append("| table | study entry | models |\n|---|---|---|\n");
        for (TableSpec ts : report.tables()) {
            List<String> models = ts instanceof TableSpec.Regression reg ? reg.models() : List.of();
            r.append("| ").append(ts.id()).append(" | `tables.").append(ts.id()).append("` | ")
                    .append(models.isEmpty() ? "-" : String.join(", ", models)).append(" |\n");
        }
        r.append("\n## Description of programs\n\n");
        r.append("There are no scripts: `").append(ws.display(ws.studyFile())).append("` is the program. Its `datasets` name the")
                .append(" inputs, `models` and `tests` the estimations, `tables` and `figures` the outputs. The plugin's README")
                .append(" documents every key.\n\n");
        r.append("## Instructions to replicators\n\n");
        r.append(instructions(bundle));
        r.append("This validates the data, rebuilds every result into `target/repro/results.json`, renders the tables and")
                .append(" figures into `target/repro/`, fails if any number differs from `").append(ws.display(ws.baselineFile()))
                .append("` beyond its tolerance, and then compares the rebuilt tables and figures with the ones in `output/`")
                .append(" that made this package: `REPLICATION-REPORT.md` and `REPLICATION-REPORT.html` (written beside the")
                .append(" scripts) give the data editor's verdict for every table and figure, and the build fails when a table")
                .append(" differs (unless `-Drepro.failOnDrift=false`).\n\n");
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

    /** What the package carries to rebuild without a network. */
    static String bundled(PackageBundle.Contents b) {
        return switch (b.kind()) {
            case FULL -> "This package carries everything the rebuild needs besides a JDK: the plugin and its libraries as a"
                    + " Maven repository in `repository/` (" + b.repositoryFiles() + " files, "
                    + PackageBundle.megabytes(b.repositoryBytes()) + ") and Apache Maven " + b.mavenVersion() + " in `maven/` ("
                    + PackageBundle.megabytes(b.mavenBytes()) + "). No network and no Maven installation are needed.";
            case PLUGIN -> "This package carries the plugin and its libraries as a Maven repository in `repository/` ("
                    + b.repositoryFiles() + " files, " + PackageBundle.megabytes(b.repositoryBytes()) + "); the rebuild needs"
                    + " a JDK and Apache Maven 3.6.3 or later, but no network.";
            case NONE -> "This package carries neither the plugin nor Maven: the rebuild needs a JDK, Apache Maven 3.6.3 or"
                    + " later and a network from which Maven downloads the plugin and its libraries.";
        };
    }

    static String instructions(PackageBundle.Contents b) {
        String unzip = "Unzip the package (`unzip replication-package.zip`, or `jar xf replication-package.zip` with only a"
                + " JDK), then from the folder `replication-package`:\n\n";
        if (b.kind() == PackageBundle.Kind.NONE) {
            return unzip + "```sh\nsh replicate.sh        # or: mvn -B verify repro:replicate; on Windows: replicate.cmd\n```\n\n";
        }
        return unzip + "```sh\nsh replicate.sh        # on Windows: replicate.cmd\n```\n\n"
                + "The script runs `" + (b.kind() == PackageBundle.Kind.FULL ? "maven/apache-maven-" + b.mavenVersion() + "/bin/mvn" : "mvn")
                + " " + PackageBundle.mavenArguments(b.kind()) + "`: Maven works offline against the package's own repository"
                + " and never reads or writes `~/.m2`.\n\n";
    }

    /** The environment that made the package, read back by repro:replicate to compare with the replicator's. */
    private static byte[] statedEnvironment(Environment env) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", env.java());
        m.put("maven", env.maven());
        m.put("os", env.os());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory", ReplicateStep.memory(ReplicateStep.physicalMemory()));
        m.put("plugin", env.pluginVersion());
        m.put("pluginSha256", PluginVersion.jarSha256());
        m.put("libraries", env.dependencies());
        return Json.bytes(m);
    }
}
