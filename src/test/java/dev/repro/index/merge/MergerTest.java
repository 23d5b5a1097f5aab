package dev.repro.index.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merges with Stata's merge 1:1 / m:1 + assert(match) semantics; every key mistake with its exact message. */
class MergerTest {
    static final Dataset PANEL = Fixtures.csv("data/panel.csv", "panel", "province", "year", """
            province,year,power
            Anhui,2015,10
            Beijing,2015,20
            Anhui,2016,11
            """);
    static final Dataset GRID = Fixtures.csv("data/grid.csv", "grid", null, null, """
            province,grid,factor
            Beijing,North,0.94
            Anhui,East,0.79
            Gansu,Northwest,0.89
            """);

    static MergeSpec spec(MergeSpec.Relation relation, List<String> on, List<String> columns, MergeSpec.Unmatched unmatched) {
        return new MergeSpec(Fixtures.at("index[6]"), "panel", "grid", "panel_grid", on, on, relation, columns, unmatched);
    }

    @Test
    void manyToOneBringsTheRightColumns() {
        Problems p = new Problems();
        StepResult r = Merger.build(spec(MergeSpec.Relation.MANY_TO_ONE, List.of("province"), List.of(), MergeSpec.Unmatched.ERROR), PANEL, GRID, p);
        assertEquals(List.of(), Fixtures.messages(p));
        Dataset d = r.dataset();
        assertEquals(List.of("province", "year", "power", "grid", "factor"), d.columnNames());
        assertEquals(0.79, d.numeric("factor").get(0));
        assertEquals(0.94, d.numeric("factor").get(1));
        assertEquals("East", d.column("grid").display(2));
        assertEquals(PANEL.line(2), d.line(2));
        assertEquals("province", d.idColumn());
    }

    @Test
    void numericAndTextKeysMatchByTheirText() {
        Dataset years = Fixtures.csv("data/deflator.csv", "deflator", null, null, """
                year,deflator
                "2015",100
                "2016",102
                """, "year");
        MergeSpec s = new MergeSpec(Fixtures.at("index[6]"), "panel", "deflator", "panel_p", List.of("year"), List.of("year"),
                MergeSpec.Relation.MANY_TO_ONE, List.of("deflator"), MergeSpec.Unmatched.ERROR);
        Problems p = new Problems();
        StepResult r = Merger.build(s, PANEL, years, p);
        assertEquals(List.of(), Fixtures.messages(p));
        assertEquals(102.0, r.dataset().numeric("deflator").get(2));
    }

    @Test
    void unmatchedAndDuplicateKeys() {
        Dataset grid = Fixtures.csv("data/grid.csv", "grid", null, null, """
                province,factor
                Beijing,0.94
                Gansu,0.89
                Beijing,0.95
                """);
        Problems p = new Problems();
        assertNull(Merger.build(spec(MergeSpec.Relation.MANY_TO_ONE, List.of("province"), List.of(), MergeSpec.Unmatched.ERROR), PANEL, grid, p));
        assertEquals(List.of("data/grid.csv:4: index[6]: province = Beijing appears twice in 'grid' (data/grid.csv) (lines 2 and 4); "
                + "a many-to-one merge needs one row per key on the right"), Fixtures.messages(p));
        Dataset grid2 = grid.select(new boolean[] {true, true, false});
        p = new Problems();
        assertNull(Merger.build(spec(MergeSpec.Relation.MANY_TO_ONE, List.of("province"), List.of(), MergeSpec.Unmatched.ERROR), PANEL, grid2, p));
        assertEquals(List.of("data/panel.csv:2: index[6]: no row of 'grid' (data/grid.csv) has province = Anhui (lines 2 and 4 of data/panel.csv); "
                + "add it to data/grid.csv or set unmatched: keep"), Fixtures.messages(p));
        p = new Problems();
        StepResult kept = Merger.build(spec(MergeSpec.Relation.MANY_TO_ONE, List.of("province"), List.of(), MergeSpec.Unmatched.KEEP), PANEL, grid2, p);
        assertEquals(Double.NaN, kept.dataset().numeric("factor").get(0));
    }

    @Test
    void oneToOne() {
        Dataset other = Fixtures.csv("data/other.csv", "other", null, null, """
                province,year,gdp
                Anhui,2015,1
                Beijing,2015,2
                Anhui,2016,3
                Gansu,2016,4
                """);
        MergeSpec s = new MergeSpec(Fixtures.at("index[6]"), "panel", "other", "both", List.of("province", "year"), List.of("province", "year"),
                MergeSpec.Relation.ONE_TO_ONE, List.of(), MergeSpec.Unmatched.ERROR);
        Problems p = new Problems();
        assertNull(Merger.build(s, PANEL, other, p));
        assertEquals(List.of("data/other.csv:5: index[6]: no row of 'panel' (data/panel.csv) has province = Gansu, year = 2016; "
                + "a one-to-one merge needs every row of both datasets matched"), Fixtures.messages(p));
        Dataset dup = Fixtures.csv("data/panel.csv", "panel", null, null, """
                province,year,power
                Anhui,2015,10
                Anhui,2015,11
                ,2016,3
                """);
        p = new Problems();
        assertNull(Merger.build(s, dup, other, p));
        assertEquals(List.of("data/panel.csv:4: index[6]: the key 'province' is missing; every row needs its key to be merged"), Fixtures.messages(p));
        Dataset dup2 = dup.select(new boolean[] {true, true, false});
        p = new Problems();
        assertNull(Merger.build(s, dup2, other, p));
        assertEquals(List.of("data/panel.csv:3: index[6]: province = Anhui, year = 2015 appears twice in 'panel' (data/panel.csv) (lines 2 and 3); "
                + "a one-to-one merge needs one row per key on the left"), Fixtures.messages(p));
    }

    @Test
    void columnInBothDatasets() {
        Dataset grid = Fixtures.csv("data/grid.csv", "grid", null, null, """
                province,power
                Beijing,1
                Anhui,2
                """);
        Problems p = new Problems();
        assertNull(Merger.build(spec(MergeSpec.Relation.MANY_TO_ONE, List.of("province"), List.of(), MergeSpec.Unmatched.ERROR), PANEL, grid, p));
        assertEquals(List.of("study.yaml:12:5: index[6]: column 'power' is in both 'panel' (data/panel.csv) and 'grid' (data/grid.csv); "
                + "list the right-hand columns to bring with columns: [...] or rename one"), Fixtures.messages(p));
    }
}
