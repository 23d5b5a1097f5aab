package dev.repro.pipeline;

import dev.repro.estimate.paneltest.DhResult;
import dev.repro.estimate.paneltest.Deterministic;
import dev.repro.estimate.paneltest.DumitrescuHurlin;
import dev.repro.estimate.paneltest.FisherResult;
import dev.repro.estimate.paneltest.FisherUnitRoot;
import dev.repro.estimate.paneltest.Hausman;
import dev.repro.estimate.paneltest.HausmanResult;
import dev.repro.estimate.paneltest.ImPesaranShin;
import dev.repro.estimate.paneltest.IpsResult;
import dev.repro.estimate.paneltest.Lags;
import dev.repro.estimate.paneltest.LevinLinChu;
import dev.repro.estimate.paneltest.LlcResult;
import dev.repro.estimate.paneltest.PanelSeries;
import java.util.List;

/**
 * Small synthetic panels (integer hashing, no random generator) and one run of each panel test on them, with the
 * variants that change which results.json keys appear: the golden input of {@link TestResultsTest}.
 */
final class TestKindPanels {
    private TestKindPanels() {
    }

    /** y_it = 0.5 y_i,t-1 + e_it + 0.1 i and x_it = 0.3 x_i,t-1 + 0.4 y_i,t-1 + u_it, for units x periods rows. */
    record Panel(int[] unit, int[] time, String[] labels, double[] y, double[] x) {
        static Panel of(int units, int periods) {
            int n = units * periods;
            int[] unit = new int[n];
            int[] time = new int[n];
            double[] y = new double[n];
            double[] x = new double[n];
            String[] labels = new String[units];
            for (int i = 0; i < units; i++) {
                labels[i] = "u" + i;
                for (int t = 0; t < periods; t++) {
                    int r = i * periods + t;
                    unit[r] = i;
                    time[r] = 2000 + t;
                    double yLag = t == 0 ? 0 : y[r - 1];
                    double xLag = t == 0 ? 0 : x[r - 1];
                    y[r] = 0.5 * yLag + shock(i, t, 1) + 0.1 * i;
                    x[r] = 0.3 * xLag + 0.4 * yLag + shock(i, t, 2);
                }
            }
            return new Panel(unit, time, labels, y, x);
        }

        PanelSeries series(double[]... columns) {
            return PanelSeries.of(unit, time, labels, columns);
        }
    }

    /** A number in [-0.5, 0.5) from a SplitMix64-style hash of (unit, period, stream). */
    static double shock(int unit, int period, int stream) {
        long z = unit * 1_000_003L + period * 7_919L + stream * 104_729L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 - 0.5;
    }

    static final Panel LONG = Panel.of(6, 30);
    static final Panel SHORT = Panel.of(5, 8);

    static HausmanResult hausman(Hausman.Variant variant) {
        return Hausman.panel("y", LONG.y(), List.of("x"), new double[][] {LONG.x()}, LONG.unit(), LONG.labels().length, variant,
                Hausman.AuxVcov.CLUSTER, 1);
    }

    static LlcResult llcSelected() {
        return LevinLinChu.test(LONG.series(LONG.y()), LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.select(Lags.Rule.AIC, 3)));
    }

    /** T = 8 is below the range of LLC's Table 2, which the result's notes say. */
    static LlcResult llcShort() {
        return LevinLinChu.test(SHORT.series(SHORT.y()), LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.fixedOrder(1)));
    }

    static IpsResult ips() {
        return ImPesaranShin.test(LONG.series(LONG.y()), new ImPesaranShin.Options(Deterministic.TREND, Lags.fixedOrder(1), false, false));
    }

    static FisherResult fisherAdf() {
        return FisherUnitRoot.test(LONG.series(LONG.x()), new FisherUnitRoot.Options(FisherUnitRoot.Method.ADF, Deterministic.INTERCEPT,
                Lags.fixedOrder(1), -1, FisherUnitRoot.Convention.STATA, true, false));
    }

    static FisherResult fisherPp() {
        return FisherUnitRoot.test(LONG.series(LONG.x()), FisherUnitRoot.Options.pp(Deterministic.INTERCEPT, -1));
    }

    static DhResult grangerBootstrap() {
        return DumitrescuHurlin.test(LONG.series(LONG.y(), LONG.x()), 1, DumitrescuHurlin.Bootstrap.of(49, 20250521L))
                .named("x", "y", "unit");
    }

    /** T = 8 with K = 1: Z-bar tilde cannot be computed (T_i must exceed 5 + 3K). */
    static DhResult grangerShort() {
        return DumitrescuHurlin.test(SHORT.series(SHORT.y(), SHORT.x()), 1, null).named("x", "y", "unit");
    }
}
