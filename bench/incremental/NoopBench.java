import dev.repro.pipeline.Pipeline;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.StudyCache;
import dev.repro.pipeline.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's own cost of a no-op `mvn verify`, without Maven's start: the goals of verify (validate, index, estimate,
 * tables, check), each on a fresh pipeline sharing one study cache per run, as the mojos of one build make them, timed
 * in one JVM. Run it on a project that was
 * built once, so that nothing changed. See bench/incremental/README.md.
 *
 *   java -cp target/classes:$(cat target/bench-incremental/cp.txt) bench/incremental/NoopBench.java DIR [repeats] [always]
 */
public final class NoopBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean always = args.length > 2 && args[2].equals("always");
        Workspace ws = new Workspace(dir, Workspace.defaultStudy(dir), dir.resolve("target/repro"), dir.resolve("repro-baseline.json"),
                dir.resolve("templates"));
        List<String> lines = new ArrayList<>();
        Reporter log = new Reporter() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add("WARN " + message);
            }
        };
        for (int r = 0; r < repeats; r++) {
            lines.clear();
            StudyCache build = new StudyCache();
            long t0 = System.nanoTime();
            pipeline(ws, log, always, build).validateGoal(false);
            long t1 = System.nanoTime();
            pipeline(ws, log, always, build).indexGoal(false);
            long t2 = System.nanoTime();
            pipeline(ws, log, always, build).estimate(false);
            long t3 = System.nanoTime();
            pipeline(ws, log, always, build).tables(false);
            long t4 = System.nanoTime();
            pipeline(ws, log, always, build).check(true, false);
            long t5 = System.nanoTime();
            System.out.printf("run %d: validate %d ms, index %d ms, estimate %d ms, tables %d ms, check %d ms; total %d ms%n", r + 1,
                    ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t5 - t0));
        }
        lines.forEach(l -> System.out.println("  " + l));
    }

    private static Pipeline pipeline(Workspace ws, Reporter log, boolean always, StudyCache build) {
        return new Pipeline(ws, log, Runtime.getRuntime().availableProcessors(), build).hashAlways(always);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
