import dev.repro.data.Dataset;
import dev.repro.data.cache.DatasetFile;
import dev.repro.diag.Problems;
import dev.repro.pipeline.DataStep;
import dev.repro.pipeline.Pipeline;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the dataset cache saves when a goal has work to do, in one JVM, alternately per round: the data read from their
 * files ({@code DataStep.load}: parse and validate, no cache), and {@code Pipeline.validate()} on a fresh pipeline with
 * the copies in target/repro/cache valid (loads them, then checks every model against its data, as a build does).
 * It also times writing the copies (what a build pays after a file changed).
 * Run it on a project built once with this plugin (so that the copies exist). See bench/incremental/README.md.
 *
 *   java -cp PLUGIN_JAR:$(cat target/bench-incremental/cp.txt) bench/incremental/CacheBench.java DIR [rounds]
 */
public final class CacheBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
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
        int threads = Runtime.getRuntime().availableProcessors();
        for (int r = 0; r < rounds; r++) {
            lines.clear();
            long t0 = System.nanoTime();
            Problems problems = new Problems();
            Map<String, Dataset> read = DataStep.load(new Pipeline(ws, log, threads).study(), ws, log, problems, threads);
            long t1 = System.nanoTime();
            Pipeline.Loaded loaded = new Pipeline(ws, log, threads).validate();
            long t2 = System.nanoTime();
            int copies = 0;
            for (String name : read.keySet()) {
                Path copy = ws.outputDir().resolve("cache/" + name + DatasetFile.EXTENSION);
                copies += DatasetFile.read(copy, storedKey(copy)) instanceof DatasetFile.Hit ? 1 : 0;
            }
            long t3 = System.nanoTime();
            Path scratch = Files.createTempFile(ws.outputDir(), "bench", DatasetFile.EXTENSION);
            for (Dataset d : read.values()) {
                DatasetFile.write(scratch, "bench", null, d);
            }
            long t4 = System.nanoTime();
            Files.delete(scratch);
            System.out.printf("round %d: read the files %d ms (%d datasets); validate with the cache %d ms (%d datasets), of which"
                    + " loading the copies alone %d ms (%d copies); writing the copies %d ms; load average %s%n", r + 1, ms(t1 - t0),
                    read.size(), ms(t2 - t1), loaded.data().size(), ms(t3 - t2), copies, ms(t4 - t3), loadAverage());
        }
        lines.forEach(l -> System.out.println("  " + l));
    }

    /** The key a copy was stored under (the first string of its header), to time the load alone. */
    private static String storedKey(Path copy) throws Exception {
        try (FileChannel ch = FileChannel.open(copy)) {
            ByteBuffer head = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(head, 0);
            int chars = head.getInt(16);
            ByteBuffer key = ByteBuffer.allocate(2 * chars).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(key, 20);
            key.flip();
            return key.asCharBuffer().toString();
        }
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
