package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Writes target/repro/replication-package.zip: study, data (or a manifest of restricted data), results,
 * tables, figures, report, an AEA-style README and manifest-sha256.txt; byte-identical from build to build.
 * Run after {@code mvn verify}: {@code mvn verify repro:package}.
 */
@Mojo(name = "package", threadSafe = true)
public class PackageMojo extends AbstractReproMojo {
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Component
    private RuntimeInformation runtime;

    @Override
    protected String goal() {
        return "package";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        List<String> deps = new ArrayList<>();
        if (plugin != null && plugin.getArtifacts() != null) {
            for (Artifact a : plugin.getArtifacts()) {
                deps.add(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion());
            }
        }
        deps.sort(null);
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        String maven = runtime == null ? "unknown" : runtime.getMavenVersion();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        pipeline(ws, log).replicationPackage(java, maven, os, deps);
    }
}
