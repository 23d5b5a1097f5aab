package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Runs every model and test of the study and writes target/repro/results.json atomically. */
@Mojo(name = "estimate", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class EstimateMojo extends AbstractReproMojo {
    @Override
    protected String goal() {
        return "estimate";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        pipeline(ws, log).estimate(force);
    }
}
