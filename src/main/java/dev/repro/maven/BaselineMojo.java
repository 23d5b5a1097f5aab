package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Estimates the study afresh and records the results as the baseline ({@code mvn repro:baseline}), with the
 * SHA-256 of every input file (study, datasets, layouts) so that a later drift names the files changed since;
 * commit the baseline file so that {@code check} guards it.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractReproMojo {
    @Override
    protected String goal() {
        return "baseline";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        pipeline(ws, log).baseline();
    }
}
