package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problems;
import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import dev.repro.study.ModelSpec;
import java.util.Arrays;

/**
 * The {@code vcov: hac(lag)} covariance of a linear model on one time series: the dataset declares {@code time} and no
 * {@code id}, the estimation sample has one row per period and no gap (the lags of a Newey-West covariance count rows
 * as consecutive periods, as {@code sandwich::NeweyWest} on an {@code lm} fit does, so a gap is refused rather than
 * silently bridged).
 */
final class TimeSeriesCovariance {
    private TimeSeriesCovariance() {
    }

    /** The HAC covariance over the model's rows, or null after a problem. */
    static Covariance of(ModelSpec m, Dataset d, ModelInputs.Frame f, Problems problems) {
        String label = m.vcov().text();
        if (d.idColumn() != null) {
            problems.add(m.where("vcov").problem("vcov " + label + " is for a single time series, but dataset " + d.name()
                    + " is a panel (id: " + d.idColumn() + "); use nw(<lag>) for Newey-West within each unit or dk(<lag>) for "
                    + "Driscoll-Kraay"));
            return null;
        }
        if (d.timeColumn() == null || !(d.column(d.timeColumn()) instanceof NumericColumn)) {
            problems.add(m.where("vcov").problem("vcov " + label + " needs the time order: declare a numeric 'time' column for "
                    + "dataset " + d.name() + ", or use hc1"));
            return null;
        }
        double[] time = d.numeric(d.timeColumn()).values();
        int[] rows = f.rows();
        double[] sorted = sortedTimes(time, rows);
        for (int r = 1; r < sorted.length; r++) {
            if (sorted[r] == sorted[r - 1]) {
                problems.add(m.where("vcov").problem("vcov " + label + " needs one row per period, but " + d.timeColumn() + " "
                        + number(sorted[r]) + " occurs more than once in the estimation sample of dataset " + d.name()
                        + "; for a panel declare 'id' and use nw(<lag>) or dk(<lag>)"));
                return null;
            }
        }
        if (sorted.length > 2) {
            // time columns hold whole numbers (the reader checks), so equal steps compare exactly
            double step = sorted[1] - sorted[0];
            for (int r = 2; r < sorted.length; r++) {
                double gap = sorted[r] - sorted[r - 1];
                if (gap != step) {
                    problems.add(m.where("vcov").problem("vcov " + label + " needs an evenly spaced time series, but in the "
                            + "estimation sample " + d.timeColumn() + " " + number(sorted[r - 1]) + " is followed by "
                            + number(sorted[r]) + " (a step of " + number(gap) + " where the first is " + number(step)
                            + "); a missing value or a sample restriction leaves a gap: fill it, or restrict the sample to "
                            + "consecutive periods with sample:"));
                    return null;
                }
            }
        }
        return Covariance.hac(timeEffect(d.timeColumn(), sorted, time, rows), m.vcov().lag());
    }

    /** The times of the estimation rows, sorted (repeats kept: a panel has one per unit). */
    static double[] sortedTimes(double[] time, int[] rows) {
        double[] sorted = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            sorted[r] = time[rows[r]];
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** Time as an effect over the estimation rows: each row's code is its time's rank among the distinct {@code levels}. */
    static Effect timeEffect(String name, double[] levels, double[] time, int[] rows) {
        int[] codes = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            codes[r] = Arrays.binarySearch(levels, time[rows[r]]);
        }
        return new Effect(name, codes, levels.length);
    }

    /** A time as the data writes it: whole numbers without ".0". */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
