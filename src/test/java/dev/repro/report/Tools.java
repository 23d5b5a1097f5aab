package dev.repro.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools the tests drive (pdflatex, chromium). When a tool is missing the test is skipped with a
 * message saying which tool and how to install it, unless REPRO_REQUIRE_TOOLS=true (system property or
 * environment variable, set by CI): then a missing tool fails the test.
 */
final class Tools {
    static final String LATEX_INSTALL = "apt-get install -y texlive-latex-base texlive-latex-recommended "
            + "texlive-latex-extra texlive-science (Debian/Ubuntu)";
    static final String CHROMIUM_INSTALL = "apt-get install -y chromium (Debian; chromium-browser on Ubuntu)";

    private Tools() {
    }

    static boolean required() {
        String p = System.getProperty("REPRO_REQUIRE_TOOLS");
        if (p == null) {
            p = System.getenv("REPRO_REQUIRE_TOOLS");
        }
        return p != null && p.strip().toLowerCase(Locale.ROOT).equals("true");
    }

    /** The first of {@code names} on the PATH; skips (or fails when required) when there is none. */
    static Path require(String install, String... names) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String n : names) {
                for (String dir : path.split(File.pathSeparator)) {
                    Path p = Path.of(dir, n);
                    if (Files.isExecutable(p)) {
                        return p;
                    }
                }
            }
        }
        String msg = String.join(" or ", names) + " is not installed (not on PATH); install it with: " + install;
        if (required()) {
            fail("REPRO_REQUIRE_TOOLS=true but " + msg);
        }
        System.err.println("SKIPPED: " + msg);
        Assumptions.abort(msg);
        return null;
    }
}
