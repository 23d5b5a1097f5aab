package dev.repro.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of a valid CSV file (bytes, cells, quotes, line ends, encodings, huge and odd numbers),
 * read under several dataset declarations for a bounded time with a fixed seed: every outcome is a dataset
 * without problems or no dataset with problems that each name a line or a study key; never an exception,
 * never a hang.
 */
class CsvFuzzTest {
    /** How long the mutations run; the sequence is fixed by the seed, the count by the machine's speed. */
    private static final Duration BUDGET = Duration.ofSeconds(3);
    /** Mutations tried even on a slow or busy machine, where the budget alone would allow only a few. */
    private static final int AT_LEAST = 100;
    private static final Path GRUNFELD = Path.of("src/test/resources/projects/basic/data/grunfeld.csv");
    private static final String[] CELLS = {
        "", "NA", ".", "1e400", "-1e400", "9007199254740993", "-9007199254740992", "01", "1.0", "=1+1", "\"a\"\"b\"", "#DIV/0!",
        "\"1,5\"", " 3 ", "nan", "Infinity", "0x1F", "1_000", "\u00A0", "\u78B3", "\"\n\"", "\"", "a\"b", "1e-400", "-0", "+7",
    };
    private static final byte[][] BYTES = {
        {'"'}, {','}, {'\n'}, {'\r'}, {'\r', '\n'}, {0}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xFE, (byte) 0xFF}, {' '}, {'.'}, {'-'}, {'e'}, {'9'}, {'\t'}, {(byte) 0xE2, (byte) 0x80}, {'a'},
    };

    @TempDir
    Path dir;

    @Test
    void mutatedFilesGiveADatasetOrLocatedProblems() throws Exception {
        byte[] valid = Files.readAllBytes(GRUNFELD);
        Random rnd = new Random(20261206);
        int[] counts = new int[2];
        assertTimeoutPreemptively(BUDGET.multipliedBy(20), () -> {
            long end = System.nanoTime() + BUDGET.toNanos();
            Path file = dir.resolve("x.csv");
            for (int round = 0; round < AT_LEAST || System.nanoTime() < end; round++) {
                byte[] mutated = mutate(valid, rnd);
                Files.write(file, mutated);
                int plan = rnd.nextInt(4);
                Problems problems = new Problems();
                CsvReader reader = rnd.nextInt(4) == 0 ? new CsvReader(7, 5, 1 << 12)
                        : new CsvReader(CsvReader.DEFAULT_BYTE_BUFFER, CsvReader.DEFAULT_CHAR_BUFFER, CsvReader.DEFAULT_MAX_RECORD);
                CsvResult r;
                try {
                    r = reader.run(file, options(plan), problems);
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("plan " + plan + " threw on:\n" + show(mutated), e);
                }
                assertNotNull(r);
                if (r.dataset() != null) {
                    assertEquals(List.of(), problems.list(), () -> show(mutated));
                    counts[0]++;
                } else {
                    assertFalse(problems.list().isEmpty(), () -> "no dataset and no problem for:\n" + show(mutated));
                    for (Problem p : problems.list()) {
                        assertLocated(p, mutated);
                    }
                    counts[1]++;
                }
            }
        });
        assertTrue(counts[0] > 0 && counts[1] > 0, "both outcomes occur: " + Arrays.toString(counts));
    }

    static void assertLocated(Problem p, byte[] input) {
        String m = p.format();
        assertTrue(p.line() > 0 || (p.key() != null && !p.key().isEmpty()), () -> "no position: " + m + "\nfor:\n" + show(input));
        assertFalse(m.contains("Exception") || m.contains("internal error") || m.contains("\tat "), () -> m);
    }

    private static CsvOptions options(int plan) {
        CsvOptions.Builder b = CsvOptions.builder("x", "data/x.csv");
        return switch (plan) {
            case 0 -> b.id("firm").time("year").build();
            case 1 -> b.build();
            case 2 -> b.id("firm").time("year").column("inv", ColumnRule.any().withMin(0.0))
                    .column("value", ColumnRule.of(ColumnRule.Type.NUMBER).withMax(1e6))
                    .column("firm", ColumnRule.of(ColumnRule.Type.INTEGER)).build();
            default -> b.id("firm").time("year").column("firm", ColumnRule.of(ColumnRule.Type.TEXT)).missing(List.of("", "NA")).build();
        };
    }

    private static byte[] mutate(byte[] valid, Random rnd) {
        byte[] cur = valid;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            cur = switch (rnd.nextInt(7)) {
                case 0 -> splice(cur, rnd.nextInt(cur.length + 1), 0, BYTES[rnd.nextInt(BYTES.length)]);
                case 1 -> cur.length == 0 ? cur : splice(cur, rnd.nextInt(cur.length), 1 + rnd.nextInt(Math.min(40, cur.length)), new byte[0]);
                case 2 -> replaceCell(cur, rnd);
                case 3 -> lines(cur, rnd);
                case 4 -> cur.length == 0 ? cur : Arrays.copyOf(cur, rnd.nextInt(cur.length));
                case 5 -> flip(cur, rnd);
                default -> header(cur, rnd);
            };
        }
        return cur;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        int cut = Math.min(b.length, at + remove);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(insert);
        out.write(b, cut, b.length - cut);
        return out.toByteArray();
    }

    private static byte[] flip(byte[] b, Random rnd) {
        if (b.length == 0) {
            return b;
        }
        byte[] c = b.clone();
        c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
        return c;
    }

    private static byte[] replaceCell(byte[] b, Random rnd) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i - 1) == ',' || s.charAt(i - 1) == '\n') {
                starts.add(i);
            }
        }
        int from = starts.get(rnd.nextInt(starts.size()));
        int to = from;
        while (to < s.length() && s.charAt(to) != ',' && s.charAt(to) != '\n') {
            to++;
        }
        return splice(b, from, to - from, CELLS[rnd.nextInt(CELLS.length)].getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] lines(byte[] b, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
        int i = rnd.nextInt(lines.size());
        switch (rnd.nextInt(3)) {
            case 0 -> lines.add(rnd.nextInt(lines.size() + 1), lines.get(i));
            case 1 -> lines.remove(i);
            default -> lines.set(i, lines.get(i) + "," + lines.get(i));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] header(byte[] b, Random rnd) {
        String[] headers = {"firm,year,inv,value,capital", "firm,firm,inv,value,capital", ",year,inv,value,capital",
            "firm,year,inv,value", "firm,year,inv,value,capital,extra", "\"firm\",\"year\",inv,value,capital", "Firm,Year,inv,value,capital"};
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int nl = s.indexOf('\n');
        String rest = nl < 0 ? "" : s.substring(nl);
        return (headers[rnd.nextInt(headers.length)] + rest).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String show(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
