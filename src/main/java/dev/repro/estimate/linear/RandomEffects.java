package dev.repro.estimate.linear;

/**
 * Swamy-Arora variance components of a one-way random-effects fit (R plm ercomp, method "swamy").
 *
 * @param sigma2Idiosyncratic variance of the idiosyncratic error, from the within residuals
 * @param sigma2Individual variance of the individual effect, from the between residuals (0 when the estimate is negative)
 * @param theta per panel unit (code order of the panel effect after compaction), 1 - sqrt(s2e / (T_i s2u + s2e));
 *        all equal in a balanced panel
 */
public record RandomEffects(double sigma2Idiosyncratic, double sigma2Individual, double[] theta) {
    public double thetaMin() {
        double m = Double.POSITIVE_INFINITY;
        for (double t : theta) {
            m = Math.min(m, t);
        }
        return m;
    }

    public double thetaMax() {
        double m = Double.NEGATIVE_INFINITY;
        for (double t : theta) {
            m = Math.max(m, t);
        }
        return m;
    }

    public double thetaMean() {
        double s = 0;
        for (double t : theta) {
            s += t;
        }
        return s / theta.length;
    }

    /** The single theta of a balanced panel, otherwise the mean over panel units (as plm prints its summary). */
    public double theta0() {
        return thetaMin() == thetaMax() ? theta[0] : thetaMean();
    }
}
