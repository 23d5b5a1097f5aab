package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.study.StudyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of valid study files (keys, numbers, YAML structure, long and odd texts) for a bounded
 * time with a fixed seed: every outcome is a valid study or a failure whose problems each name a line or a
 * study key; never another exception (a user must never see a stack trace), never a hang. The small study
 * is validated against its data; the example project's study (index steps, tests, figures) is parsed.
 */
class StudyFuzzTest {
    private static final Duration BUDGET = Duration.ofSeconds(3);
    /** Mutations tried even on a slow or busy machine, where the budget alone would allow only a few. */
    private static final int AT_LEAST = 60;
    private static final Path BASIC = Path.of("src/test/resources/projects/basic").toAbsolutePath();
    private static final Path EXAMPLE = Path.of("example-project/study.yaml").toAbsolutePath();
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_])\\d+(\\.\\d+)?");
    private static final Pattern KEY = Pattern.compile("^(\\s*-?\\s*)([A-Za-z_][A-Za-z0-9_]*):", Pattern.MULTILINE);
    private static final String[] NUMBERS = {
        ".nan", ".inf", "-.inf", "0x1F", "1_000", "0b11", "0o17", "-1", "0", "1e400", "9007199254740993", "99999999999999999999",
        "1.5", "\"3\"", "~", "[]", "{}", "true", "1:30", "-0.0", "2147483648", "1e-400",
    };
    private static final String[] STRUCTURE = {
        "&a ", "*a", "[", "]", "{", "}", ": ", "- ", "|\n", ">\n", "? ", "!!binary ", "!!python/object:os.system ", "%YAML 1.2\n",
        "---\n", "...\n", "'", "\"", "#", "\t", "<<: *a\n", "\n", "  ", ",", "@", "`", "\u00A0", "\uFEFF", "\u0000",
    };
    private static final String[] VALUES = {
        "\"L(value, 0:100000)\"", "\"" + "value > 0 and ".repeat(600) + "value > 0\"", "\"" + "(".repeat(300) + "x" + ")".repeat(300) + "\"",
        "../../../etc/passwd", "/etc/passwd", "\"inv ~ valeu\"", "\"\"", "null", "[a, b, a]", "{a: 1}", "\"x\" ", "\u78B3",
    };

    @TempDir
    Path dir;

    @Test
    void mutatedStudiesAreValidOrLocatedProblems() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(BASIC.resolve("data/grunfeld.csv"), dir.resolve("data/grunfeld.csv"));
        String basic = Files.readString(BASIC.resolve("study.yaml"));
        String example = Files.readString(EXAMPLE);
        Random rnd = new Random(20261206);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(BUDGET.multipliedBy(20), () -> {
            long end = System.nanoTime() + BUDGET.toNanos();
            int i = 0;
            for (int round = 0; round < AT_LEAST || System.nanoTime() < end; round++) {
                boolean full = i++ % 2 == 0;
                String text = mutate(full ? basic : example, rnd);
                Path study = dir.resolve("study.yaml");
                Files.writeString(study, text);
                try {
                    if (full) {
                        Workspace ws = new Workspace(dir, study, dir.resolve("target/repro"), dir.resolve("baseline.json"), null);
                        new Pipeline(ws, Reporter.SILENT, 1).validate();
                    } else {
                        StudyParser.parse(study, "study.yaml", new Problems());
                    }
                    outcomes[0]++;
                } catch (ReproException e) {
                    assertFalse(e.problems().isEmpty(), () -> "a failure without problems for:\n" + text);
                    for (Problem p : e.problems()) {
                        String m = p.format();
                        assertTrue(p.line() > 0 || (p.key() != null && !p.key().isEmpty()), () -> "no position: " + m + "\nfor:\n" + text);
                        assertFalse(m.contains("Exception") || m.contains("internal error") || m.contains("\tat "), () -> m + "\nfor:\n" + text);
                    }
                    outcomes[1]++;
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("threw on:\n" + text, e);
                }
            }
        });
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes occur: " + Arrays.toString(outcomes));
    }

    private static String mutate(String valid, Random rnd) {
        String cur = valid;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            cur = switch (rnd.nextInt(8)) {
                case 0 -> replaceMatch(cur, NUMBER, rnd, NUMBERS[rnd.nextInt(NUMBERS.length)]);
                case 1 -> replaceKey(cur, rnd);
                case 2 -> insert(cur, rnd, STRUCTURE[rnd.nextInt(STRUCTURE.length)]);
                case 3 -> lines(cur, rnd);
                case 4 -> cur.isEmpty() ? cur : cur.substring(0, rnd.nextInt(cur.length()));
                case 5 -> replaceValue(cur, rnd);
                case 6 -> indent(cur, rnd);
                default -> cur; // some studies stay valid
            };
        }
        return cur;
    }

    private static String replaceMatch(String s, Pattern p, Random rnd, String with) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(rnd.nextInt(spans.size()));
        return s.substring(0, span[0]) + with + s.substring(span[1]);
    }

    private static String replaceKey(String s, Random rnd) {
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(s);
        while (m.find()) {
            keys.add(m.group(2));
        }
        if (keys.isEmpty()) {
            return s;
        }
        String other = keys.get(rnd.nextInt(keys.size()));
        String misspelt = other.length() > 1 ? other.substring(0, other.length() - 1) : other + other;
        String with = switch (rnd.nextInt(3)) {
            case 0 -> other;
            case 1 -> misspelt;
            default -> other.toUpperCase(Locale.ROOT);
        };
        List<int[]> spans = new ArrayList<>();
        m = KEY.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        int[] span = spans.get(rnd.nextInt(spans.size()));
        return s.substring(0, span[0]) + with + s.substring(span[1]);
    }

    private static String replaceValue(String s, Random rnd) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = Pattern.compile(":[ ]+([^\\n#]+)").matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(rnd.nextInt(spans.size()));
        return s.substring(0, span[0]) + VALUES[rnd.nextInt(VALUES.length)] + s.substring(span[1]);
    }

    private static String insert(String s, Random rnd, String what) {
        int at = rnd.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String lines(String s, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int i = rnd.nextInt(lines.size());
        switch (rnd.nextInt(3)) {
            case 0 -> lines.add(rnd.nextInt(lines.size() + 1), lines.get(i));
            case 1 -> lines.remove(i);
            default -> {
                int j = rnd.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
        }
        return String.join("\n", lines);
    }

    private static String indent(String s, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int i = rnd.nextInt(lines.size());
        String l = lines.get(i);
        lines.set(i, rnd.nextBoolean() ? "  " + l : l.startsWith("  ") ? l.substring(2) : l.stripLeading());
        return String.join("\n", lines);
    }
}
