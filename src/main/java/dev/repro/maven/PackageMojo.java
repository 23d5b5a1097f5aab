package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.PackageBundle;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.codehaus.plexus.component.repository.ComponentDependency;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Writes target/repro/replication-package.zip: study, data (or a manifest of restricted data), results,
 * tables, figures, report, an AEA-style README and manifest-sha256.txt; byte-identical from build to build.
 * By default it also carries the plugin with its libraries as a Maven repository, a pinned Maven and the
 * scripts that rebuild offline ({@code repro.package.bundle}). Run after {@code mvn verify}:
 * {@code mvn verify repro:package}.
 */
@Mojo(name = "package", threadSafe = true)
public class PackageMojo extends AbstractReproMojo {
    /** This plugin as Maven resolved it: its jar and libraries go into a full or plugin bundle. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /**
     * What the package carries to rebuild without a network: {@code full} (the plugin and its libraries as a
     * Maven repository, and Apache Maven: needs only a JDK), {@code plugin} (the repository only: needs Maven)
     * or {@code none} (neither: Maven downloads the plugin).
     */
    @Parameter(property = "repro.package.bundle", defaultValue = "full")
    private String bundle;

    /** The Apache Maven release a full package carries (org.apache.maven:apache-maven:VERSION:zip:bin). */
    @Parameter(property = "repro.package.mavenVersion", defaultValue = PackageBundle.DEFAULT_MAVEN)
    private String mavenVersion;

    /** Maven's resolver session: the bundled Maven distribution is resolved through it, offline when Maven is. */
    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    /** The repositories Maven reads plugins from; the Maven distribution is resolved from them. */
    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    private List<RemoteRepository> pluginRepositories;

    @Component
    private RepositorySystem repositorySystem;

    @Component
    private RuntimeInformation runtime;

    @Override
    protected String goal() {
        return "package";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        String maven = runtime == null ? "unknown" : runtime.getMavenVersion();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        pipeline(ws, log).replicationPackage(java, maven, os, libraries(plugin), request());
    }

    /**
     * The plugin's runtime libraries as group:artifact:version, sorted: those of its class realm and those its
     * descriptor lists (plugin.xml, written before the libraries were bundled into the jar: the released jar
     * carries them inside it, so its realm holds only the plugin).
     */
    static List<String> libraries(PluginDescriptor plugin) {
        TreeSet<String> deps = new TreeSet<>();
        if (plugin != null && plugin.getArtifacts() != null) {
            for (Artifact a : plugin.getArtifacts()) {
                deps.add(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion());
            }
        }
        if (plugin != null && plugin.getDependencies() != null) {
            for (ComponentDependency d : plugin.getDependencies()) {
                deps.add(d.getGroupId() + ":" + d.getArtifactId() + ":" + d.getVersion());
            }
        }
        return List.copyOf(deps);
    }

    private PackageBundle.Request request() throws ReproException {
        PackageBundle.Kind kind = PackageBundle.kind(bundle);
        if (kind == PackageBundle.Kind.NONE) {
            return PackageBundle.Request.none();
        }
        if (plugin == null || plugin.getPluginArtifact() == null) {
            getLog().warn("Packaging without the plugin and Maven: the plugin's own artifact is unknown (not run by Maven)");
            return PackageBundle.Request.none();
        }
        // the plugin jar and every library of its class realm, each once
        Map<String, PackageBundle.Jar> jars = new LinkedHashMap<>();
        List<Artifact> artifacts = new ArrayList<>();
        artifacts.add(plugin.getPluginArtifact());
        if (plugin.getArtifacts() != null) {
            artifacts.addAll(plugin.getArtifacts());
        }
        for (Artifact a : artifacts) {
            String key = a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getBaseVersion();
            jars.putIfAbsent(key, new PackageBundle.Jar(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(),
                    a.getFile() == null ? null : a.getFile().toPath()));
        }
        return new PackageBundle.Request(kind, List.copyOf(jars.values()), mavenVersion, this::resolve);
    }

    /** One artifact through Maven's resolver (the local repository first; offline builds never download). */
    private Path resolve(String groupId, String artifactId, String version, String classifier, String extension) {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(groupId, artifactId, classifier, extension, version),
                pluginRepositories, null);
        try {
            return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            return null;
        }
    }
}
