package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import dev.repro.study.VcovSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame a model's check built is handed to its estimation only for the same dataset object and spec, then released. */
class ModelFramesTest {
    private static final Dataset USMACRO = HacKindTest.read(HacKindTest.USMACRO, null, "t");

    private static ModelSpec model(String formula, String sample, String vcov) {
        Located at = new Located("study.yaml", "models.m", 3, 3);
        return new ModelSpec("m", "usmacro", formula, VcovSpec.parse(vcov), sample, "linear", Map.of(), at,
                Map.of("formula", new Located("study.yaml", "models.m.formula", 4, 14)));
    }

    private static final ModelSpec M = model("log(consumption) ~ log(dpi) + tbill", null, "hc1");

    @Test
    void estimateTakesTheFrameTheCheckKeptAndReleasesIt() {
        ModelFrames frames = new ModelFrames();
        Problems problems = new Problems();
        ModelInputs.Frame checked = frames.forCheck(M, USMACRO, problems);
        assertNotNull(checked);
        assertEquals(1, frames.size());
        assertSame(checked, frames.forCheck(M, USMACRO, problems), "a second check (of the constructed datasets) reuses it");
        assertSame(checked, frames.forEstimate(M, USMACRO, problems));
        assertEquals(0, frames.size(), "estimation takes the frame out of the store");
        assertNotSame(checked, frames.forEstimate(M, USMACRO, problems), "a second estimation builds its own");
        assertEquals(List.of(), problems.list());
    }

    /** Frames are kept within a memory budget: one that does not fit is built again by estimate, with the same values. */
    @Test
    void aFrameBeyondTheBudgetIsNotKept() {
        Problems problems = new Problems();
        ModelInputs.Frame alone = new ModelFrames().forCheck(M, USMACRO, problems);
        ModelFrames small = new ModelFrames(alone.bytes() - 1);
        ModelInputs.Frame checked = small.forCheck(M, USMACRO, problems);
        assertEquals(0, small.size(), "the frame is larger than the budget");
        ModelInputs.Frame estimated = small.forEstimate(M, USMACRO, problems);
        assertNotSame(checked, estimated);
        assertArrayEquals(checked.y(), estimated.y(), 0.0);
        ModelFrames exact = new ModelFrames(alone.bytes());
        assertSame(exact.forCheck(M, USMACRO, problems), exact.forEstimate(M, USMACRO, problems), "a frame of the budget's size is kept");
        assertEquals(List.of(), problems.list());
    }

    @Test
    void anotherDatasetObjectWithTheSameContentBuildsItsOwnFrame() {
        ModelFrames frames = new ModelFrames();
        Problems problems = new Problems();
        ModelInputs.Frame checked = frames.forCheck(M, USMACRO, problems);
        Dataset readAgain = HacKindTest.read(HacKindTest.USMACRO, null, "t");
        assertNotSame(checked, frames.forEstimate(M, readAgain, problems));
        assertEquals(1, frames.size(), "the frame of the first dataset is not the one of the second");
    }

    @Test
    void aModelEditedAfterItsCheckNeverSeesTheOldFrame() {
        for (ModelSpec edited : List.of(model("log(consumption) ~ log(dpi)", null, "hc1"),
                model("log(consumption) ~ log(dpi) + tbill", "t > 10", "hc1"),
                model("log(consumption) ~ log(dpi) + tbill", null, "cluster(t)"))) {
            ModelFrames frames = new ModelFrames();
            Problems problems = new Problems();
            ModelInputs.Frame old = frames.forCheck(M, USMACRO, problems);
            ModelInputs.Frame now = frames.forEstimate(edited, USMACRO, problems);
            assertNotSame(old, now, edited.formula() + " " + edited.sample() + " " + edited.vcov().text());
            ModelInputs.Frame fresh = ModelInputs.frame(edited, USMACRO, new Problems());
            assertEquals(fresh.names(), now.names());
            assertArrayEquals(fresh.y(), now.y());
            assertEquals(fresh.clusters().size(), now.clusters().size());
            assertEquals(List.of(), problems.list());
        }
    }

    @Test
    void aModelWithAProblemKeepsNoFrameAndReportsTheSameMessage() {
        ModelSpec bad = model("log(consumption) ~ log(dpy)", null, "hc1");
        ModelFrames frames = new ModelFrames();
        Problems kept = new Problems();
        assertNull(frames.forCheck(bad, USMACRO, kept));
        assertEquals(0, frames.size());
        Problems direct = new Problems();
        ModelInputs.frame(bad, USMACRO, direct);
        assertEquals(direct.list().stream().map(Problem::format).toList(), kept.list().stream().map(Problem::format).toList());
        assertEquals(1, kept.list().size());
    }

    @Test
    void theStoreOutsideABuildKeepsNothing() {
        ModelFrames none = ModelFrames.none();
        assertNotNull(none.forCheck(M, USMACRO, new Problems()));
        assertEquals(0, none.size());
    }

    @Test
    void aModelEstimatedOnTheKeptFrameGivesTheSameResult() {
        ModelFrames frames = new ModelFrames();
        Problems problems = new Problems();
        LinearKind.POOLED_OR_WITHIN.check(M, USMACRO, frames, problems);
        assertEquals(1, frames.size());
        ModelResult reused = LinearKind.POOLED_OR_WITHIN.estimate(M, USMACRO, frames, problems, new ArrayList<>());
        ModelResult fresh = LinearKind.POOLED_OR_WITHIN.estimate(M, USMACRO, problems, new ArrayList<>());
        assertEquals(List.of(), problems.list());
        assertEquals(fresh, reused);
        assertEquals(0, frames.size());
    }

    /** A formula edited between validate and estimate of one build (one cache): results as from a build of the edited study. */
    @Test
    void aStudyEditedBetweenTheGoalsIsEstimatedAsEdited(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir.resolve("a"));
        StudyCache cache = new StudyCache();
        new Pipeline(ws, Reporter.SILENT, 1, cache).validate();
        assertEquals(4, cache.frames().size(), "the check keeps the frame of each of the four models");
        Path study = ws.studyFile();
        String edited = Files.readString(study).replace("\"inv ~ value + capital | firm\"", "\"inv ~ value | firm\"");
        Files.writeString(study, edited);
        new Pipeline(ws, Reporter.SILENT, 1, cache).estimate(true);
        assertEquals(0, cache.frames().size(), "no frame outlives the estimation");

        Workspace full = BasicProject.copy(dir.resolve("b"));
        Files.writeString(full.studyFile(), edited);
        new Pipeline(full, Reporter.SILENT, 1, new StudyCache()).estimate(true);
        assertArrayEquals(Files.readAllBytes(full.resultsFile()), Files.readAllBytes(ws.resultsFile()));
        String results = Files.readString(ws.resultsFile());
        assertEquals(-1, results.substring(results.indexOf("\"fe\""), results.indexOf("\"pooled\"")).indexOf("\"capital\""));
    }

    /** The frames validate kept are the ones estimate uses: the same results as a build that checks and estimates apart. */
    @Test
    void validateThenEstimateInOneBuildWritesTheSameResults(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir.resolve("a"));
        StudyCache cache = new StudyCache();
        new Pipeline(ws, Reporter.SILENT, 1, cache).validate();
        new Pipeline(ws, Reporter.SILENT, 1, cache).estimate(true);
        Workspace apart = BasicProject.copy(dir.resolve("b"));
        new Pipeline(apart, Reporter.SILENT, 1, new StudyCache()).validate();
        new Pipeline(apart, Reporter.SILENT, 1, new StudyCache()).estimate(true);
        assertArrayEquals(Files.readAllBytes(apart.resultsFile()), Files.readAllBytes(ws.resultsFile()));
    }
}
