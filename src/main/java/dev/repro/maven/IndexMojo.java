package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Builds the constructed variables of the study's index section into target/repro/data; a no-op without one. */
@Mojo(name = "index", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class IndexMojo extends AbstractReproMojo {
    @Override
    protected String goal() {
        return "index";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        pipeline(ws, log).indexGoal(force);
    }
}
