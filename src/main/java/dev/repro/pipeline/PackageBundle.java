package dev.repro.pipeline;

import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a replication package carries so that it rebuilds with only a JDK and no network: the plugin and
 * the closure of its runtime libraries as a Maven repository ({@code repository/}, with every pom Maven
 * reads to resolve them: their parents and imported BOMs), a pinned Maven distribution ({@code maven/}) and
 * the scripts {@code replicate.sh} and {@code replicate.cmd} that run the build offline against both.
 */
public final class PackageBundle {
    /** {@code repro.package.bundle}: what the package carries besides the study. */
    public enum Kind {
        /** Repository and Maven distribution: rebuilds with only a JDK. */
        FULL,
        /** Repository only: rebuilds offline with the replicator's own Maven. */
        PLUGIN,
        /** Neither: Maven must download the plugin (the light package). */
        NONE
    }

    /** The Maven release bundled by default; its bin zip is org.apache.maven:apache-maven:VERSION:zip:bin. */
    public static final String DEFAULT_MAVEN = "3.9.9";
    static final String REPOSITORY = "repository/";
    static final String MAVEN = "maven/";
    /** Tells the build it runs inside a package: a missing restricted dataset is skipped, not an error. */
    static final String REPLICATION = "-Drepro.replication=true";

    /** Finds an artifact's file through Maven's resolver; null when it is not available. */
    public interface Resolver {
        Path resolve(String groupId, String artifactId, String version, String classifier, String extension) throws IOException;
    }

    /** One jar of the plugin's runtime class path, as the build resolved it. */
    public record Jar(String groupId, String artifactId, String version, Path file) {
    }

    /** What the goal asks for. */
    public record Request(Kind kind, List<Jar> jars, String mavenVersion, Resolver resolver) {
        public Request {
            jars = List.copyOf(jars);
        }

        /** The light package: no repository, no Maven. */
        public static Request none() {
            return new Request(Kind.NONE, List.of(), DEFAULT_MAVEN, null);
        }
    }

    /** What was bundled, for the package README. */
    record Contents(Kind kind, int repositoryFiles, long repositoryBytes, long mavenBytes, String mavenVersion) {
    }

    private PackageBundle() {
    }

    /** Parses {@code repro.package.bundle}; the message names the accepted values. */
    public static Kind kind(String text) throws ReproException {
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return k;
            }
        }
        throw new ReproException("Unknown bundle", Problem.at("repro.package.bundle", 0, 0,
                "'" + text + "' is not a bundle: use full (plugin and Maven, rebuilds with only a JDK), plugin"
                        + " (plugin only, needs Maven) or none (needs Maven and a network)"));
    }

    /** Adds the repository, the Maven distribution and the scripts to the package's files. */
    static Contents addTo(Request request, TreeMap<String, byte[]> files) throws ReproException, IOException {
        int repoFiles = 0;
        long repoBytes = 0;
        long mavenBytes = 0;
        if (request.kind() != Kind.NONE) {
            TreeMap<String, byte[]> repo = repository(request);
            for (var e : repo.entrySet()) {
                files.put(REPOSITORY + e.getKey(), e.getValue());
                repoBytes += e.getValue().length;
            }
            repoFiles = repo.size();
        }
        if (request.kind() == Kind.FULL) {
            for (var e : distribution(request).entrySet()) {
                files.put(MAVEN + e.getKey(), e.getValue());
                mavenBytes += e.getValue().length;
            }
        }
        files.put("replicate.sh", shellScript(request).getBytes(StandardCharsets.UTF_8));
        files.put("replicate.cmd", cmdScript(request).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        return new Contents(request.kind(), repoFiles, repoBytes, mavenBytes, request.mavenVersion());
    }

    /** The jars and every pom needed to resolve them, laid out as a Maven repository. */
    static TreeMap<String, byte[]> repository(Request request) throws ReproException, IOException {
        TreeMap<String, byte[]> repo = new TreeMap<>();
        List<PomClosure.Gav> roots = new ArrayList<>();
        for (Jar jar : request.jars()) {
            if (jar.file() == null || !Files.isRegularFile(jar.file())) {
                throw new ReproException("The plugin cannot be bundled", Problem.at("repro.package.bundle", 0, 0,
                        jar.groupId() + ":" + jar.artifactId() + ":" + jar.version() + " is not a jar file (" + jar.file()
                                + "): install the plugin (mvn install) and build the study against the installed plugin, or set"
                                + " -Drepro.package.bundle=none"));
            }
            PomClosure.Gav gav = new PomClosure.Gav(jar.groupId(), jar.artifactId(), jar.version());
            repo.put(gav.path(null, "jar"), Files.readAllBytes(jar.file()));
            roots.add(gav);
        }
        Map<String, Path> poms = PomClosure.of(roots, gav -> {
            Path pom = request.resolver().resolve(gav.groupId(), gav.artifactId(), gav.version(), "", "pom");
            if (pom == null) {
                throw new IOException("the pom of " + gav + " is not in the local Maven repository");
            }
            return pom;
        });
        for (var e : poms.entrySet()) {
            repo.put(e.getKey(), Files.readAllBytes(e.getValue()));
        }
        return repo;
    }

    /** The bin zip of the pinned Maven, unpacked, so that no unzip tool is needed inside the package. */
    private static TreeMap<String, byte[]> distribution(Request request) throws ReproException, IOException {
        String v = request.mavenVersion();
        Path zip = request.resolver().resolve("org.apache.maven", "apache-maven", v, "bin", "zip");
        if (zip == null) {
            throw new ReproException("No Maven distribution to bundle", Problem.at("repro.package.bundle", 0, 0,
                    "org.apache.maven:apache-maven:" + v + ":zip:bin is neither in the local repository nor downloadable:"
                            + " run repro:package once with a network, or set -Drepro.package.bundle=plugin to leave Maven out"));
        }
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), z.readAllBytes());
                }
            }
        }
        return out;
    }

    /** The command the scripts run, without the Maven executable. */
    static String mavenArguments(Kind kind) {
        return kind == Kind.NONE ? "-B -Drepro.replication=true verify repro:replicate"
                : "-B -o -Dmaven.repo.local=<package>/repository -Drepro.replication=true verify repro:replicate";
    }

    static String shellScript(Request request) {
        String mvn = request.kind() == Kind.FULL
                ? "sh \"$here/maven/apache-maven-" + request.mavenVersion() + "/bin/mvn\"" : "mvn";
        String offline = request.kind() == Kind.NONE ? "" : " -o -Dmaven.repo.local=\"$here/repository\"";
        return "#!/bin/sh\n"
                + "# Rebuilds every result of this package and writes REPLICATION-REPORT.md and .html beside this script.\n"
                + (request.kind() == Kind.FULL ? "# Needs only a JDK 17 or later (java on the PATH, or JAVA_HOME); no network, no Maven.\n"
                : request.kind() == Kind.PLUGIN ? "# Needs a JDK 17 or later and Apache Maven 3.6.3 or later; no network.\n"
                : "# Needs a JDK 17 or later, Apache Maven 3.6.3 or later and a network to download the plugin.\n")
                + "# Run it as: sh replicate.sh   (extra arguments go to Maven, e.g. -Drepro.failOnDrift=false)\n"
                + "set -e\n"
                + "cd \"$(dirname \"$0\")\"\n"
                + "here=\"$(pwd)\"\n"
                + "exec " + mvn + " -B" + offline + " " + REPLICATION + " verify repro:replicate \"$@\"\n";
    }

    static String cmdScript(Request request) {
        String mvn = request.kind() == Kind.FULL
                ? "\"%~dp0maven\\apache-maven-" + request.mavenVersion() + "\\bin\\mvn.cmd\"" : "mvn";
        String offline = request.kind() == Kind.NONE ? "" : " -o \"-Dmaven.repo.local=%~dp0repository\"";
        return "@echo off\n"
                + "rem Rebuilds every result of this package and writes REPLICATION-REPORT.md and .html beside this script.\n"
                + "setlocal\n"
                + "cd /d \"%~dp0\"\n"
                + "call " + mvn + " -B" + offline + " " + REPLICATION + " verify repro:replicate %*\n"
                + "exit /b %ERRORLEVEL%\n";
    }

    /**
     * The archive's size with each bundle setting, in bytes, or null for a setting this build cannot measure
     * (the plugin's jars are known only when bundling them, Maven's files only with {@code full}).
     */
    record Sizes(Long full, Long plugin, Long none) {
    }

    /**
     * The size of the archive with each bundle setting, from this build's files: an entry's share of a zip
     * (local header, compressed bytes, central directory record) does not depend on the other entries, so the
     * archive of the files without {@code repository/} and {@code maven/} plus each of those parts, zipped
     * apart, add up to the archive with them, less the one end record each extra zip has. The scripts, README
     * and manifest differ by a few hundred bytes between settings: the sizes are stated to 0.1 MB.
     */
    static Sizes sizes(Kind kind, TreeMap<String, byte[]> files, ZipWriter zip) throws IOException {
        TreeMap<String, byte[]> core = new TreeMap<>();
        TreeMap<String, byte[]> repo = new TreeMap<>();
        TreeMap<String, byte[]> maven = new TreeMap<>();
        files.forEach((name, bytes) -> (name.startsWith(REPOSITORY) ? repo : name.startsWith(MAVEN) ? maven : core).put(name, bytes));
        long none = zip.write(core).length;
        Long plugin = kind == Kind.NONE ? null : none + zip.write(repo).length - EMPTY_ZIP;
        Long full = kind == Kind.FULL ? plugin + zip.write(maven).length - EMPTY_ZIP : null;
        return new Sizes(full, plugin, none);
    }

    /** The end-of-central-directory record: all an empty zip without a comment holds. */
    static final int EMPTY_ZIP = 22;

    /** How the package writes its archive (sorted entries, fixed times). */
    interface ZipWriter {
        byte[] write(TreeMap<String, byte[]> files) throws IOException;
    }

    /** The README's sentence about the three settings' sizes. */
    static String sizesSentence(Sizes s, Kind built) {
        String unknown = "not measured by this build (built with `" + built.name().toLowerCase(Locale.ROOT)
                + "`; a `full` build measures every setting)";
        return "Size of this package with each `repro.package.bundle` setting, computed from this build's files: `full` "
                + (s.full() == null ? unknown : "about " + megabytes(s.full())) + ", `plugin` "
                + (s.plugin() == null ? unknown : "about " + megabytes(s.plugin())) + ", `none` about "
                + megabytes(s.none()) + ".";
    }

    /** Sizes for the README, in MB with one decimal. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
