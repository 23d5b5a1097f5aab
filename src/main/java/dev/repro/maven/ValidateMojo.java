package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Reads the study file and every dataset; fails on bad input naming file, line and column or study key. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractReproMojo {
    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        pipeline(ws, log).validateGoal(force);
    }
}
