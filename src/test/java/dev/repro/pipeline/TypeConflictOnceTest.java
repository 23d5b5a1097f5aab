package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A numeric column made text by one cell is reported once, at that cell, however many models use it. */
class TypeConflictOnceTest {
    @Test
    void threeModelsUsingTheColumnGiveOneProblemAtTheCell(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/gas.csv"), "country,year,lgaspcar,lrpmg\nA,1,1.5,0.2\nA,2,1.6,n/a\nA,3,1.7,0.4\n"
                + "B,1,2.5,0.3\nB,2,2.4,0.1\nB,3,2.6,0.5\n");
        Files.writeString(dir.resolve("study.yaml"), """
                datasets:
                  gas:
                    file: data/gas.csv
                    id: country
                    time: year
                models:
                  fe:
                    dataset: gas
                    formula: "lgaspcar ~ lrpmg | country"
                  pooled:
                    dataset: gas
                    formula: "lgaspcar ~ lrpmg"
                  lagged:
                    dataset: gas
                    formula: "lgaspcar ~ L(lrpmg, 1) | country"
                    sample: "lrpmg > 0"
                """);
        Workspace ws = new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).validate());
        assertEquals(List.of("data/gas.csv:3:4: column 'lrpmg' is numeric except for 'n/a' here;"
                        + " declare the text as missing (missing: [\"\", \"NA\", \".\", \"n/a\"]) or fix the cell"),
                e.problems().stream().map(Problem::format).toList());
    }
}
