package dev.repro.estimate.gmm;

import java.util.List;
import java.util.Objects;

/**
 * A dynamic panel model on a rectangular grid of units x periods (R plm::pgmm fills an unbalanced panel
 * to this grid with missing values; so do we). Every series is unit-major, {@code s[i * T + t]}, with
 * NaN where a row is absent or a lag unavailable.
 *
 * @param dependent the dependent variable's label
 * @param y dependent variable, in levels
 * @param names regressor labels (the coefficient keys), formula order
 * @param x regressors in levels, {@code x[j]} a series
 * @param xLags the lag of each regressor ({@code L(x, 2)} has 2; plain terms 0): fixes the first usable period
 * @param gmm GMM-style instruments
 * @param ivNames labels of the ordinary ("IV-style") instruments, used differenced (and in levels under LD)
 * @param iv the ordinary instruments in levels
 * @param times the period of each grid column, ascending (the names of the time dummies)
 * @param units number of panel units
 */
public record GmmProblem(String dependent, double[] y, List<String> names, double[][] x, int[] xLags,
                         List<GmmVariable> gmm, List<String> ivNames, double[][] iv, long[] times, int units,
                         GmmOptions options) {
    public GmmProblem {
        Objects.requireNonNull(dependent, "dependent");
        names = List.copyOf(names);
        gmm = List.copyOf(gmm);
        ivNames = List.copyOf(ivNames);
        Objects.requireNonNull(options, "options");
        int cells = units * times.length;
        if (y.length != cells) {
            throw new IllegalArgumentException("y has " + y.length + " cells for " + units + " x " + times.length);
        }
        if (x.length != names.size() || xLags.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + x.length + " regressors and " + xLags.length + " lags");
        }
        if (iv.length != ivNames.size()) {
            throw new IllegalArgumentException(ivNames.size() + " instrument names for " + iv.length + " series");
        }
        for (double[] s : x) {
            check(s, cells);
        }
        for (double[] s : iv) {
            check(s, cells);
        }
        for (GmmVariable g : gmm) {
            check(g.series(), cells);
        }
        if (gmm.isEmpty()) {
            throw new IllegalArgumentException("GMM needs at least one GMM-style instrument");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("GMM needs at least one regressor");
        }
    }

    private static void check(double[] s, int cells) {
        if (s.length != cells) {
            throw new IllegalArgumentException("a series has " + s.length + " cells, expected " + cells);
        }
    }

    public int periods() {
        return times.length;
    }
}
