package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import dev.repro.study.VcovSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vcov: hac(lag)} on a linear model over one time series: the time order from the dataset, and its mistakes. */
class HacKindTest {
    static final Path USMACRO = Path.of("src/test/golden/linear/usmacro.csv");

    @TempDir
    Path dir;

    static Dataset read(Path file, String id, String time) {
        Problems p = new Problems();
        CsvOptions.Builder b = CsvOptions.builder("usmacro", "usmacro.csv");
        if (id != null) {
            b = b.id(id);
        }
        if (time != null) {
            b = b.time(time);
        }
        Dataset d = CsvReader.read(file, b.build(), p);
        assertTrue(p.list().isEmpty(), p.list().toString());
        return d;
    }

    /** usmacro.csv with its lines changed by {@code edit} (line 0 is the header). */
    Path edited(UnaryOperator<List<String>> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(USMACRO, StandardCharsets.UTF_8));
        Path out = dir.resolve("usmacro.csv");
        Files.write(out, edit.apply(lines), StandardCharsets.UTF_8);
        return out;
    }

    static ModelSpec model(String vcov) {
        Located at = new Located("study.yaml", "models.m", 3, 3);
        Located vcovAt = new Located("study.yaml", "models.m.vcov", 6, 11);
        return new ModelSpec("m", "usmacro", "log(consumption) ~ log(dpi) + tbill", VcovSpec.parse(vcov), null, "linear",
                Map.of(), at, Map.of("vcov", vcovAt));
    }

    static List<String> estimateProblems(ModelSpec m, Dataset d) {
        Problems problems = new Problems();
        ModelResult r = LinearKind.POOLED_OR_WITHIN.estimate(m, d, problems, new ArrayList<>());
        assertNull(r);
        return problems.list().stream().map(Problem::format).toList();
    }

    @Test
    void theDefaultLagIsResolvedAndTheStandardErrorIsSandwichs() {
        Problems problems = new Problems();
        ModelResult r = LinearKind.POOLED_OR_WITHIN.estimate(model("hac"), read(USMACRO, null, "t"), problems, new ArrayList<>());
        assertEquals(List.of(), problems.list());
        assertEquals("hac(4)", r.vcov()); // 204 quarters: floor(4 (2.04)^(2/9)) = 4
        // golden_hac.csv usmacro/full/ols/hac/stata: sandwich::NeweyWest(fit, lag = 4, prewhite = FALSE, adjust = TRUE)
        double se = r.coefficients().get("log(dpi)").stdError();
        assertEquals(0.0072787461668681747, se, 1e-8 * se);
    }

    @Test
    void aPanelPointsToNwAndDk() {
        Located at = new Located("study.yaml", "models.m", 3, 3);
        ModelSpec m = new ModelSpec("m", "grunfeld", "inv ~ value + capital", VcovSpec.parse("hac(2)"), null, "linear", Map.of(),
                at, Map.of("vcov", new Located("study.yaml", "models.m.vcov", 6, 11)));
        assertEquals(List.of("study.yaml:6:11: models.m.vcov: vcov hac(2) is for a single time series, but dataset grunfeld is a "
                + "panel (id: firm); use nw(<lag>) for Newey-West within each unit or dk(<lag>) for Driscoll-Kraay"),
            estimateProblems(m, SerialCovarianceKindTest.grunfeld(true)));
    }

    @Test
    void nwOnATimeSeriesPointsToHac() {
        assertEquals(List.of("study.yaml:6:11: models.m.vcov: vcov nw(2) needs the panel unit and time: declare 'id' and 'time' "
                + "for dataset usmacro, or use hc1 or cluster(<column>); for a single time series use hac(<lag>)"),
            estimateProblems(model("nw(2)"), read(USMACRO, null, "t")));
    }

    @Test
    void withoutTimeTheTimeColumnIsAskedFor() {
        assertEquals(List.of("study.yaml:6:11: models.m.vcov: vcov hac needs the time order: declare a numeric 'time' column for "
                + "dataset usmacro, or use hc1"), estimateProblems(model("hac"), read(USMACRO, null, null)));
    }

    @Test
    void aMissingValueLeavesAGapThatIsRefused() throws IOException {
        // line 41 is t = 40 (1959 Q4); its dpi missing drops the row from the estimation sample
        Path gapped = edited(lines -> {
            String[] f = lines.get(40).split(",", -1);
            f[3] = "";
            lines.set(40, String.join(",", f));
            return lines;
        });
        assertEquals(List.of("study.yaml:6:11: models.m.vcov: vcov hac(2) needs an evenly spaced time series, but in the "
                + "estimation sample t 39 is followed by 41 (a step of 2 where the first is 1); a missing value "
                + "or a sample restriction leaves a gap: fill it, or restrict the sample to consecutive periods with sample:"),
            estimateProblems(model("hac(2)"), read(gapped, null, "t")));
    }

    @Test
    void aRepeatedPeriodIsRefused() throws IOException {
        Path doubled = edited(lines -> {
            lines.add(lines.get(1));
            return lines;
        });
        assertEquals(List.of("study.yaml:6:11: models.m.vcov: vcov hac needs one row per period, but t 1 occurs more "
                + "than once in the estimation sample of dataset usmacro; for a panel declare 'id' and use nw(<lag>) or dk(<lag>)"),
            estimateProblems(model("hac"), read(doubled, null, "t")));
    }

    @Test
    void aLagBeyondThePeriodsIsLocatedAtTheModel() {
        assertEquals(List.of("study.yaml:3:3: models.m: vcov hac(204): the lag 204 must be below the 204 time periods of the "
                + "estimation sample; use a smaller lag"), estimateProblems(model("hac(204)"), read(USMACRO, null, "t")));
    }
}
