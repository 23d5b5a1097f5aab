package dev.repro.maven;

import dev.repro.diag.ReproException;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Renders every table (LaTeX, HTML, Markdown, CSV), figure and the report from results.json. */
@Mojo(name = "tables", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class TablesMojo extends AbstractReproMojo {
    @Override
    protected String goal() {
        return "tables";
    }

    @Override
    protected void run(Workspace ws, Reporter log) throws ReproException, IOException {
        pipeline(ws, log).tables(force);
    }
}
