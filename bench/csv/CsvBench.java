import com.sun.management.GarbageCollectionNotificationInfo;
import dev.repro.data.Column;
import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.diag.Problems;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark of CsvReader on a generated panel: id (text), year (integer), four numeric columns written
 * as R's write.csv does (up to 15 significant digits), 2% missing (NA). Prints rows/s and peak heap.
 * {@code threads} is the reader's thread count (as repro.threads; 0 = one per core).
 *
 * Run from the repository root (bench/csv/README.md; bench/csv/run.sh compares with data.table::fread):
 *   mvn -B -o -q compile -Dinvoker.skip && java -Xmx2g -cp target/classes bench/csv/CsvBench.java [rows] [repeats] [threads]
 */
public final class CsvBench {
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path dir = Path.of("bench", "out");
        Files.createDirectories(dir);
        Path file = dir.resolve("bench-" + rows + ".csv");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            generate(file, rows);
            System.out.printf(Locale.ROOT, "generated %s (%.1f MB) in %.1f s%n", file, Files.size(file) / 1e6,
                    (System.nanoTime() - t0) / 1e9);
        }
        CsvOptions options = CsvOptions.builder("bench", "bench/out/" + file.getFileName())
                .id("unit").time("year")
                .column("x1", ColumnRule.any().withMin(0.0))
                .column("n", ColumnRule.of(ColumnRule.Type.INTEGER))
                .threads(threads)
                .build();
        double mb = Files.size(file) / 1e6;
        AtomicLong liveAfterGc = watchLiveHeap();
        for (int r = 0; r < repeats; r++) {
            System.gc();
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
            long baseline = 0;
            for (MemoryPoolMXBean p : pools) {
                if (p.getType() == MemoryType.HEAP) {
                    baseline += p.getUsage().getUsed();
                    p.resetPeakUsage();
                }
            }
            Problems problems = new Problems();
            liveAfterGc.set(0);
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            Dataset d = CsvReader.read(file, options, problems);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            long live = liveAfterGc.get();
            long peak = 0;
            for (MemoryPoolMXBean p : pools) {
                if (p.getType() == MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            if (d == null) {
                System.out.println("problems: " + problems.list().subList(0, Math.min(5, problems.list().size())));
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "java threads %d run %d: %d rows x %d columns in %.2f s (CPU %.2f s) = %.0f rows/s, %.0f MB/s;"
                            + " peak heap %.0f MB (before read %.0f MB, max %d MB)%n",
                    threads, r + 1, d.rows(), d.columnNames().size(), s, cpu, d.rows() / s, mb / s, peak / 1e6, baseline / 1e6,
                    Runtime.getRuntime().maxMemory() >> 20);
            long columns = finalBytes(d);
            int chunks = Math.max(1, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            long bound = (long) (1.2 * columns) + (long) chunks * (8 << 20);
            System.out.printf(Locale.ROOT, "  memory: final columns %.1f MB; bound 1.2 x columns + %d chunk(s) of 8 MB = %.1f MB;"
                            + " live heap after GC during the read: max %.1f MB (above the heap before the read: %.1f MB)%n",
                    columns / 1e6, chunks, bound / 1e6, live / 1e6, (live - baseline) / 1e6);
            d = null;
        }
    }

    /**
     * Bytes of the dataset a read returns: 8 per value of a numeric column, 4 per code of a text column, 4 per
     * row for the lines, and each text level as a compact Latin-1 String (16-byte header + 4-byte hash field
     * rounded: 24 bytes, its byte[] 16 + length rounded up to 8) plus its reference (4 bytes).
     */
    static long finalBytes(Dataset d) {
        long bytes = 16 + 4L * d.rows();
        for (Column c : d.columns()) {
            if (c instanceof NumericColumn n) {
                bytes += 16 + 8L * n.values().length;
            } else if (c instanceof TextColumn t) {
                bytes += 16 + 4L * t.codes().length + 16 + 4L * t.levels().length;
                for (String level : t.levels()) {
                    bytes += 24 + 16 + ((level.length() + 7) / 8) * 8L;
                }
            }
        }
        return bytes;
    }

    /**
     * The largest heap in use right after a collection (the live data then, garbage gone) since the last reset:
     * a lower bound of the peak live heap, as close as the collections are frequent.
     */
    static AtomicLong watchLiveHeap() {
        AtomicLong max = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    used += u.getUsed();
                }
                max.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return max;
    }

    /** CPU time of the whole process (all threads, GC included): less sensitive than wall time to other load. */
    private static long cpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Deterministic panel: units x years, with numbers formatted without String.format (fast). */
    static void generate(Path file, int rows) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        int years = 1000;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("unit,year,x1,x2,n,share\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                sb.append("unit").append(i / years).append(',').append(1900 + i % years).append(',');
                fixed(sb, rnd.nextLong(0, 100_000_000L), 4);                 // 1234.5678
                sb.append(',');
                if (rnd.nextInt(50) == 0) {
                    sb.append("NA");
                } else {
                    if (rnd.nextBoolean()) {
                        sb.append('-');
                    }
                    fixed(sb, rnd.nextLong(100_000_000_000_000L, 1_000_000_000_000_000L), 15); // 15 digits like R
                }
                sb.append(',').append(rnd.nextInt(0, 100_000)).append(',');
                fixed(sb, rnd.nextLong(0, 1000), 3);
                sb.append('\n');
                w.append(sb);
            }
        }
        Files.move(tmp, file);
    }

    private static void fixed(StringBuilder sb, long v, int decimals) {
        long p = 1;
        for (int i = 0; i < decimals; i++) {
            p *= 10;
        }
        sb.append(v / p).append('.');
        String frac = Long.toString(v % p);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }
}
