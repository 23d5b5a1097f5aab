package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds of one project take turns on target/repro/.lock: across threads of one JVM and across processes. */
class OutputLockTest {
    @TempDir
    Path dir;

    private Workspace ws() {
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("target/repro"), dir.resolve("baseline.json"), null);
    }

    private static Reporter recording(List<String> lines) {
        return new Reporter() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add("WARN " + message);
            }
        };
    }

    @Test
    void secondThreadWaitsAndSaysSo() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        AtomicLong released = new AtomicLong();
        AtomicLong acquired = new AtomicLong();
        Thread first = new Thread(() -> {
            try (OutputLock lock = OutputLock.acquire(ws(), Reporter.SILENT)) {
                held.countDown();
                Thread.sleep(500);
                released.set(System.nanoTime());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertTrue(held.await(10, TimeUnit.SECONDS));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (OutputLock lock = OutputLock.acquire(ws(), recording(lines))) {
                acquired.set(System.nanoTime());
            }
        });
        first.join();
        assertEquals(List.of("waiting for another build of this project (lock target/repro/.lock)"), lines);
        assertTrue(acquired.get() >= released.get(), "the second build runs only after the first released the lock");
        assertTrue(Files.isRegularFile(dir.resolve("target/repro/.lock")));
    }

    @Test
    void freeLockIsTakenSilently() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (OutputLock lock = OutputLock.acquire(ws(), recording(lines))) {
            assertEquals(List.of(), lines);
        }
        try (OutputLock again = OutputLock.acquire(ws(), recording(lines))) {
            assertEquals(List.of(), lines, "a released lock is free again");
        }
    }

    /** Another process holds the lock (this class's main): this one waits until that process releases it. */
    @Test
    void anotherProcessHoldsTheLock() throws Exception {
        Path ready = dir.resolve("ready");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutputLockTest.class.getName(),
                dir.toString(), ready.toString()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(ready) && other.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(ready), () -> "the other process took the lock: " + output(other));
            List<String> lines = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (OutputLock lock = OutputLock.acquire(ws(), recording(lines))) {
                    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300), "waited for the other process");
                }
            });
            assertEquals(List.of("waiting for another build of this project (lock target/repro/.lock)"), lines);
            assertEquals(0, other.waitFor());
        } finally {
            other.destroy();
        }
    }

    private static String output(Process p) {
        try {
            return p.isAlive() ? "(running)" : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The other process: takes the lock of the project at args[0], marks args[1], holds it for 800 ms. */
    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        Workspace ws = new Workspace(base, base.resolve("study.yaml"), base.resolve("target/repro"), base.resolve("b.json"), null);
        try (OutputLock lock = OutputLock.acquire(ws, Reporter.SILENT)) {
            Files.writeString(Path.of(args[1]), "held");
            Thread.sleep(800);
        }
    }
}
