package dev.repro.pipeline;

import dev.repro.estimate.paneltest.DhResult;
import dev.repro.estimate.paneltest.DumitrescuHurlin;
import dev.repro.estimate.paneltest.FisherResult;
import dev.repro.estimate.paneltest.FisherUnitRoot;
import dev.repro.estimate.paneltest.HausmanResult;
import dev.repro.estimate.paneltest.IpsResult;
import dev.repro.estimate.paneltest.LlcResult;
import dev.repro.results.FisherTest;
import dev.repro.results.GrangerTest;
import dev.repro.results.HausmanTest;
import dev.repro.results.IpsTest;
import dev.repro.results.LlcTest;
import dev.repro.results.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The panel tests' results as results.json holds them (the estimators know no results types, so the mapping
 * lives here, as {@link GmmResults} for GMM). A number that is not finite becomes null in the record, and a null
 * is left out of the JSON: the result's notes or warnings say why it is missing.
 */
final class TestResults {
    private TestResults() {
    }

    /** What the log should warn about a test result (today the Hausman test's warnings); empty when nothing. */
    static List<String> warnings(TestResult t) {
        return t instanceof HausmanTest h && h.warnings() != null ? h.warnings() : List.of();
    }

    /**
     * test "hausman", statistic (signed), df, p (of |H|), method, terms, difference, sdDifference, minEigenvalue,
     * positiveDefinite (1 when V_b - V_B is, or for the regression variant), negative (1 when H &lt; 0), h0, h1,
     * warnings (when any).
     */
    static HausmanTest hausman(HausmanResult r) {
        return new HausmanTest(HausmanTest.KIND, r.statistic(), r.df(), r.p(), r.method(), r.terms(), list(r.difference()),
                list(r.sdDifference()), r.minEigenvalue(), r.positiveDefinite() ? 1 : 0, r.statistic() < 0 ? 1 : 0,
                HausmanResult.H0, HausmanResult.H1, r.warnings());
    }

    /**
     * The variable, test "llc", statistic (t*), p, delta, seDelta, tDelta, lags (the order, or the mean when it
     * differs by unit), lagSelection, bandwidth, sbar, sigmaEps2, tTilde, mu, sigma, units, periods, deterministic,
     * h0, h1, unitLags (when selected), notes (when any).
     */
    static LlcTest llc(String variable, LlcResult r) {
        return new LlcTest(variable, LlcTest.KIND, r.statistic(), r.p(), r.delta(), r.seDelta(), r.tDelta(), lagOrder(r.lags()),
                r.lagSpec().label(), r.bandwidth(), r.sbar(), r.sigmaEps2(), r.tTilde(), r.mu(), r.sigma(), r.units(),
                r.periods(), r.deterministic().key(), LlcResult.H0, LlcResult.H1,
                r.lagSpec().isFixed() ? null : list(r.lags()), r.notes());
    }

    /**
     * The variable, test "ips", statistic (W-tbar), p, tbar, expected, variance, lags, lagSelection, units,
     * deterministic, h0, h1, unitT, unitLags (when selected), notes.
     */
    static IpsTest ips(String variable, IpsResult r) {
        return new IpsTest(variable, IpsTest.KIND, r.statistic(), r.p(), r.tbar(), r.expected(), r.variance(),
                lagOrder(r.lags()), r.lagSpec().label(), r.units(), r.deterministic().key(), IpsResult.H0, IpsResult.H1,
                list(r.unitT()), r.lagSpec().isFixed() ? null : list(r.lags()), r.notes());
    }

    /**
     * The variable, test "fisher-adf" or "fisher-pp", statistic (P), p, df, z, pZ, lstar, pLstar, lstarDf, pm, pPm,
     * units, lags (the order, or the mean when it differs by unit), lagSelection (ADF), deterministic, convention,
     * h0, h1, unitStatistics, unitP, unitLags (when they differ), notes.
     */
    static FisherTest fisher(String variable, FisherResult r) {
        Number lags = lagOrder(r.lags());
        return new FisherTest(variable, r.method() == FisherUnitRoot.Method.ADF ? FisherTest.ADF : FisherTest.PP,
                r.statistic(), r.p(), r.df(), r.z(), r.pZ(), r.lstar(), r.pLstar(), r.lstarDf(), r.pm(), r.pPm(), r.units(),
                lags, r.lagSpec() == null ? null : r.lagSpec().label(), r.deterministic().key(),
                r.convention().name().toLowerCase(Locale.ROOT), FisherResult.H0, FisherResult.H1, list(r.unitStatistics()),
                list(r.unitP()), lags instanceof Integer ? null : list(r.lags()), r.notes());
    }

    /**
     * The cause and effect, test "dumitrescu-hurlin", lags, wbar, zbar, pZbar, zbarTilde, pZbarTilde (both null
     * when T is too short, with zbarTildeProblem saying why), units, periods (balanced panels), h0, h1, unitWald,
     * unitP, and with a bootstrap: bootReps, bootSeed (as text), bootBlockLength, bootLevel, pZbarBoot,
     * pZbarTildeBoot, critZbarBoot, critZbarTildeBoot; notes.
     */
    static GrangerTest granger(String cause, String effect, DhResult r) {
        DumitrescuHurlin.BootResult b = r.bootstrap();
        return new GrangerTest(cause, effect, GrangerTest.KIND, r.lags(), r.wbar(), r.zbar(), r.pZbar(), r.zbarTilde(),
                r.pZbarTilde(), r.zbarTildeProblem(), r.units(), r.periods() > 0 ? r.periods() : null, r.h0(), r.h1(),
                list(r.unitWald()), list(r.unitP()), b == null ? null : b.reps(), b == null ? null : Long.toString(b.seed()),
                b == null ? null : b.blockLength(), b == null ? null : b.level(), b == null ? null : b.pZbar(),
                b == null ? null : b.pZbarTilde(), b == null ? null : b.critZbar(), b == null ? null : b.critZbarTilde(),
                r.notes());
    }

    /** The lag order as a number: an Integer when every unit has the same (0 for no unit), else the mean as a Double. */
    static Number lagOrder(int[] lags) {
        if (lags.length == 0) {
            return 0;
        }
        boolean same = true;
        long sum = 0;
        for (int l : lags) {
            same &= l == lags[0];
            sum += l;
        }
        return same ? (Number) lags[0] : (Number) ((double) sum / lags.length);
    }

    private static List<Double> list(double[] values) {
        if (values == null) {
            return null;
        }
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static List<Integer> list(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) {
            out.add(v);
        }
        return out;
    }
}
