package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Compares results.json with the committed baseline and fails the build on drift. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractReproMojo {
    /** With false, drift is logged as warnings and the build goes on. */
    @Parameter(property = "repro.failOnDrift", defaultValue = "true")
    protected boolean failOnDrift;

    @Override
    protected String goal() {
        return "check";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        pipeline(ws, log).check(failOnDrift, force);
    }
}
