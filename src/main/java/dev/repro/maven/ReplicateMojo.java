package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.PluginVersion;
import dev.repro.pipeline.ReplicateStep;
import dev.repro.pipeline.ReplicateStep.GoalTime;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * The data editor's check, run inside an unzipped replication package after the rebuild
 * ({@code mvn verify repro:replicate}, which the package's replicate.sh runs offline): compares the
 * package's output/ with the rebuilt outputs and writes REPLICATION-REPORT.md and .html. Fails when a table
 * differs, unless {@code repro.failOnDrift=false}.
 */
@Mojo(name = "replicate", threadSafe = true)
public class ReplicateMojo extends AbstractReproMojo {
    /** Fail the build when a rebuilt table differs from the shipped one. */
    @Parameter(property = "repro.failOnDrift", defaultValue = "true")
    private boolean failOnDrift;

    /** This plugin as Maven resolved it: its libraries are compared with those that made the package. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Component
    private RuntimeInformation runtime;

    @Override
    protected String goal() {
        return "replicate";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        var actual = new ReplicateStep.Actual(
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                runtime == null ? "unknown" : runtime.getMavenVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), ReplicateStep.physicalMemory(), PluginVersion.get(),
                PackageMojo.libraries(plugin));
        pipeline(ws, log).replicate(actual, runtimes(), failOnDrift);
    }

    private List<GoalTime> runtimes() {
        List<GoalTime> out = new ArrayList<>();
        if (project != null) {
            synchronized (project) {
                if (project.getContextValue(RUNTIMES) instanceof List<?> list) {
                    list.forEach(t -> out.add((GoalTime) t));
                }
            }
        }
        return out;
    }
}
