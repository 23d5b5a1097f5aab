package dev.repro.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's version, as Maven recorded it in the jar (for provenance and the replication README). */
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
}
