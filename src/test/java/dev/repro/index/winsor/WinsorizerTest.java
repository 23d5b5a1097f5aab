package dev.repro.index.winsor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.diag.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Winsorizing on ten values by hand, replace mode, and the step's mistakes. */
class WinsorizerTest {
    static final Dataset TEN = Fixtures.csv("data/ten.csv", "ten", null, null, """
            id,g,x,label
            1,a,10,p
            2,a,1,p
            3,a,2,p
            4,a,3,p
            5,a,4,p
            6,a,5,p
            7,a,6,p
            8,a,7,p
            9,a,8,p
            10,a,9,p
            11,a,,p
            """);

    @Test
    void tenPercentCutsByHand() {
        // 10 non-missing values 1..10; p = 10: P = 1 is whole, cut (x1 + x2) / 2 = 1.5; p = 90: P = 9, (x9 + x10) / 2 = 9.5
        WinsorSpec s = new WinsorSpec(Fixtures.at("index[1]"), "ten", "ten_w", List.of("x"), 10, 90, List.of("g"), WinsorSpec.Mode.WINSORIZE, "_w", true);
        Problems p = new Problems();
        Winsorizer.WinsorResult r = Winsorizer.build(s, TEN, p);
        assertEquals(List.of(), Fixtures.messages(p));
        assertEquals(new WinsorCut("x", "g=a", 10, 10, 90, 1.5, 9.5, 1, 1), r.cuts().get(0));
        double[] x = r.step().dataset().numeric("x").values();
        assertEquals(9.5, x[0]);
        assertEquals(1.5, x[1]);
        assertEquals(2, x[2]);
        assertEquals(Double.NaN, x[10]);
        assertEquals(List.of("id", "g", "x", "label"), r.step().dataset().columnNames());
    }

    @Test
    void trimDropsTheTails() {
        WinsorSpec s = new WinsorSpec(Fixtures.at("index[1]"), "ten", "ten_t", List.of("x"), 10, 90, List.of(), WinsorSpec.Mode.TRIM, "_tr", false);
        Problems p = new Problems();
        Winsorizer.WinsorResult r = Winsorizer.build(s, TEN, p);
        double[] x = r.step().dataset().numeric("x_tr").values();
        assertEquals(Double.NaN, x[0]);
        assertEquals(Double.NaN, x[1]);
        assertEquals(2, x[2]);
        assertEquals("all", r.cuts().get(0).group());
    }

    @Test
    void mistakes() {
        Dataset ds = Fixtures.csv("data/ten.csv", "ten", null, null, """
                id,x,x_w,label
                1,2,3,p
                """);
        WinsorSpec s = new WinsorSpec(Fixtures.at("index[1]"), "ten", "ten_w", List.of("x", "label", "y"), 1, 99, List.of("x", "grp"),
                WinsorSpec.Mode.WINSORIZE, "_w", false);
        Problems p = new Problems();
        assertNull(Winsorizer.build(s, ds, p));
        assertEquals(List.of(
                "study.yaml:12:5: index[1].columns[0]: column 'x_w' already exists in dataset 'ten' (data/ten.csv); choose another suffix or set replace: true",
                "study.yaml:12:5: index[1].columns[1]: column 'label' of dataset 'ten' (data/ten.csv) holds text, not numbers; "
                        + "declare it {type: number} under datasets or fix the cells that are not numbers",
                "study.yaml:12:5: index[1].columns[2]: no column 'y' in dataset 'ten' (data/ten.csv), did you mean 'x'?",
                "study.yaml:12:5: index[1].by[0]: 'x' cannot be both winsorized and a group",
                "study.yaml:12:5: index[1].by[1]: no column 'grp' in dataset 'ten' (data/ten.csv); its columns are: id, x, x_w, label"),
                Fixtures.messages(p));
    }
}
