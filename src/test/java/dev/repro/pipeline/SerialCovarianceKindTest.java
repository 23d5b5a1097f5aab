package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code vcov: dk(lag)} / {@code nw(lag)} on a linear model: the panel index from the dataset, and its mistakes. */
class SerialCovarianceKindTest {
    static final Path GRUNFELD = Path.of("src/test/golden/datasets/grunfeld.csv");

    static Dataset grunfeld(boolean withTime) {
        Problems p = new Problems();
        CsvOptions.Builder b = CsvOptions.builder("grunfeld", "grunfeld.csv").id("firm");
        Dataset d = CsvReader.read(GRUNFELD, (withTime ? b.time("year") : b).build(), p);
        assertTrue(p.list().isEmpty(), p.list().toString());
        return d;
    }

    static ModelSpec model(String vcov) {
        Located at = new Located("study.yaml", "models.m", 3, 3);
        Located vcovAt = new Located("study.yaml", "models.m.vcov", 6, 11);
        return new ModelSpec("m", "grunfeld", "inv ~ value + capital | firm + year", VcovSpec.parse(vcov), null, "linear",
                Map.of(), at, Map.of("vcov", vcovAt));
    }

    @Test
    void dkWithoutPanelTimeIsLocatedAtVcov() {
        Problems problems = new Problems();
        LinearKind.POOLED_OR_WITHIN.check(model("dk(2)"), grunfeld(false), problems);
        assertEquals(List.of("study.yaml:6:11: models.m.vcov: vcov dk(2) needs the panel unit and time: declare 'id' and 'time' "
                + "for dataset grunfeld, or use hc1 or cluster(<column>)"), problems.list().stream().map(Problem::format).toList());
    }

    @Test
    void lagBeyondThePeriodsIsLocatedAtTheModel() {
        Problems problems = new Problems();
        ModelResult r = LinearKind.POOLED_OR_WITHIN.estimate(model("nw(20)"), grunfeld(true), problems, new ArrayList<>());
        assertEquals(null, r);
        assertEquals(List.of("study.yaml:3:3: models.m: vcov nw(20): the lag 20 must be below the 20 time periods of the "
                + "estimation sample; use a smaller lag"), problems.list().stream().map(Problem::format).toList());
    }

    @Test
    void theResolvedLagIsReported() {
        Problems problems = new Problems();
        ModelResult r = LinearKind.POOLED_OR_WITHIN.estimate(model("dk"), grunfeld(true), problems, new ArrayList<>());
        assertEquals(List.of(), problems.list());
        assertEquals("dk(2)", r.vcov()); // 20 years: floor(20^(1/4)) = 2
    }
}
