import dev.repro.pipeline.Pipeline;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.StudyCache;
import dev.repro.pipeline.Workspace;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The plugin's own cost of `mvn verify -Drepro.force=true` without Maven's start: the goals of verify (validate, index,
 * estimate, tables, check), each forced, on fresh pipelines sharing one study cache per run as the mojos of one build
 * do, timed in one JVM. The first run is what a build pays (cold JIT); later runs show the work itself. See
 * bench/linear/README.md.
 *
 *   java -cp target/classes:$(cat target/bench-incremental/cp.txt) bench/linear/StudyBench.java DIR [repeats]
 */
public final class StudyBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Workspace ws = new Workspace(dir, Workspace.defaultStudy(dir), dir.resolve("target/repro"), dir.resolve("repro-baseline.json"),
                dir.resolve("templates"));
        Reporter quiet = new Reporter() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                System.out.println("WARN " + message);
            }
        };
        int threads = Runtime.getRuntime().availableProcessors();
        for (int r = 0; r < repeats; r++) {
            StudyCache build = new StudyCache();
            long t0 = System.nanoTime();
            new Pipeline(ws, quiet, threads, build).validateGoal(true);
            long t1 = System.nanoTime();
            new Pipeline(ws, quiet, threads, build).indexGoal(true);
            long t2 = System.nanoTime();
            new Pipeline(ws, quiet, threads, build).estimate(true);
            long t3 = System.nanoTime();
            new Pipeline(ws, quiet, threads, build).tables(true);
            long t4 = System.nanoTime();
            new Pipeline(ws, quiet, threads, build).check(true, true);
            long t5 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: validate %.2f s, index %.2f s, estimate %.2f s, tables %.2f s, check %.2f s; total %.2f s%n",
                    r + 1, s(t1 - t0), s(t2 - t1), s(t3 - t2), s(t4 - t3), s(t5 - t4), s(t5 - t0));
        }
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }
}
