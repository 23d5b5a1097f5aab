package dev.repro.pipeline;

import dev.repro.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/**
 * The plugin's version, as Maven recorded it in the jar, and the jar's SHA-256 (for provenance and the
 * replication README): the plugin builds reproducibly, so a replicator can compare the hash with the released jar.
 */
public final class PluginVersion {
    private PluginVersion() {
    }

    public static String get() {
        try (InputStream in = PluginVersion.class.getResourceAsStream("/META-INF/maven/dev.repro/repro-maven-plugin/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through: the version is informational
        }
        String v = PluginVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /**
     * The SHA-256 of the jar this plugin was loaded from, or {@code "not a jar"} when it runs from a classes
     * directory (unit tests, an IDE); the value is the same on every run with the same jar.
     */
    public static String jarSha256() {
        CodeSource source = PluginVersion.class.getProtectionDomain().getCodeSource();
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            return jar != null && Files.isRegularFile(jar) ? Sha256.of(jar) : "not a jar";
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
