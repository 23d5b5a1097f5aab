package dev.repro.maven;

import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import dev.repro.pipeline.OutputLock;
import dev.repro.pipeline.Pipeline;
import dev.repro.pipeline.ReplicateStep.GoalTime;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.StudyCache;
import dev.repro.pipeline.Workspace;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the project's files, {@code repro.skip}, and the translation of the core's
 * outcomes into Maven's: a user mistake (bad study, bad data, drift) fails the build with every problem
 * listed and no stack trace; an I/O failure is an execution error.
 *
 * <p>The goals are thread-safe: they hold no JVM-wide state (the validated study is shared through the
 * project's context, see {@link #pipeline}) and never change the default locale (every number the core
 * writes is formatted with an explicit {@code Locale.ROOT}).
 */
public abstract class AbstractReproMojo extends AbstractMojo {

    /** The study project's base directory. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /** The study file; by default study.yaml (or study.json) in the base directory. */
    @Parameter(property = "repro.study")
    protected File study;

    /** The committed baseline that {@code check} compares with and {@code baseline} writes. */
    @Parameter(property = "repro.baseline", defaultValue = "${project.basedir}/repro-baseline.json")
    protected File baseline;

    /** Where results, tables, data and the report are written. */
    @Parameter(property = "repro.outputDirectory", defaultValue = "${project.build.directory}/repro")
    protected File outputDirectory;

    /** A project folder of FreeMarker templates that override the plugin's defaults. */
    @Parameter(property = "repro.templates", defaultValue = "${project.basedir}/templates")
    protected File templates;

    /** Skips every repro goal. */
    @Parameter(property = "repro.skip", defaultValue = "false")
    protected boolean skip;

    /** Reruns estimate and tables even when nothing they depend on changed. */
    @Parameter(property = "repro.force", defaultValue = "false")
    protected boolean force;

    /**
     * How input files are digested: {@code changed} (the default) hashes a file again only when its size or
     * modification time changed since the last build; {@code always} hashes every file every time.
     */
    @Parameter(property = "repro.hash", defaultValue = "changed")
    protected String hash;

    /**
     * Keeps a copy of each dataset in target/repro/cache, loaded instead of reading its file or building its index
     * step while its inputs are unchanged; {@code false} neither reads nor writes the copies (they double the data's
     * disk use) and reads every dataset from its file.
     */
    @Parameter(property = "repro.cache", defaultValue = "true")
    protected boolean cache = true;

    /** Worker threads for estimation and the bootstrap (0 = one per core); results do not depend on it. */
    @Parameter(property = "repro.threads", defaultValue = "0")
    protected int threads;

    /**
     * Replication mode, set by a replication package's replicate.sh and replicate.cmd: a {@code restricted: true}
     * dataset whose file is absent is skipped with everything that depends on it, instead of failing validate.
     */
    @Parameter(property = "repro.replication", defaultValue = "false")
    protected boolean replication;

    /** The project being built: its context carries the validated study from one goal to the next. */
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    protected abstract String goal();

    protected abstract void run(Workspace workspace, Reporter reporter) throws ReproException, IOException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping repro:" + goal() + ": repro.skip is true");
            return;
        }
        Workspace ws = workspace();
        Reporter reporter = reporter();
        long start = System.nanoTime();
        // one goal of one build at a time per output directory: concurrent builds wait instead of
        // deleting each other's results
        try {
            // checked before anything is read or written (the lock creates the output folder)
            ws.checkConfined();
            checkHash();
        } catch (ReproException e) {
            throw new MojoFailureException(e.getMessage());
        }
        try (OutputLock lock = OutputLock.acquire(ws, reporter)) {
            run(ws, reporter);
            recordRuntime((System.nanoTime() - start) / 1_000_000);
        } catch (ReproException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("repro:" + goal() + " could not read or write a file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("repro:" + goal() + " stopped on an internal error (" + e
                    + "); please report it with the study file and the output of mvn -e", e);
        }
    }

    private void checkHash() throws ReproException {
        if (hash != null && !hash.equals("changed") && !hash.equals("always")) {
            throw new ReproException("Unknown setting", Problem.at("repro.hash", 0, 0, "unknown value '" + hash
                    + "'; use -Drepro.hash=always to hash every input file again, or leave it out (changed: only files whose"
                    + " size or modification time changed)"));
        }
    }

    /** The key under which the project's context lists the runtime of each repro goal of this build. */
    static final String RUNTIMES = "dev.repro.goalRuntimes";

    /** Keeps this goal's runtime for the replication report; runtimes never reach a hashed output. */
    @SuppressWarnings("unchecked")
    private void recordRuntime(long millis) {
        if (project == null) {
            return;
        }
        synchronized (project) {
            Object list = project.getContextValue(RUNTIMES);
            List<GoalTime> times = list instanceof List<?> l ? (List<GoalTime>) l : new ArrayList<>();
            times.add(new GoalTime(goal(), millis));
            project.setContextValue(RUNTIMES, times);
        }
    }

    protected Workspace workspace() {
        var base = basedir.toPath();
        var studyFile = study != null ? study.toPath() : Workspace.defaultStudy(base);
        return new Workspace(base, studyFile, outputDirectory.toPath(), baseline.toPath(),
                templates == null ? null : templates.toPath());
    }

    /**
     * The core for this goal, sharing the validated study with the other repro goals of this project in
     * this build: the cache lives in the project's context, so it ends with the build and modules built in
     * parallel ({@code mvn -T}) each have their own. Without a project (a mojo made by hand) it is private.
     */
    protected Pipeline pipeline(Workspace workspace, Reporter reporter) {
        return new Pipeline(workspace, reporter, threadCount(), studyCache()).replication(replication)
                .hashAlways("always".equals(hash)).datasetCache(cache);
    }

    private StudyCache studyCache() {
        if (project == null) {
            return new StudyCache();
        }
        String key = StudyCache.class.getName() + ":" + basedir.getAbsolutePath();
        synchronized (project) {
            if (project.getContextValue(key) instanceof StudyCache cache) {
                return cache;
            }
            StudyCache cache = new StudyCache();
            project.setContextValue(key, cache);
            return cache;
        }
    }

    protected int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    protected Reporter reporter() {
        return new Reporter() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }
        };
    }
}
