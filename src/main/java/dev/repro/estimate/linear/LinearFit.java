package dev.repro.estimate.linear;

import java.util.ArrayList;
import java.util.List;

/**
 * The estimated model. {@code coefficients} lists the kept slopes in formula order, then "(Intercept)" for
 * pooled OLS and random effects (a within model reports no intercept); regressors dropped for
 * collinearity (with earlier regressors or with the absorbed effects) are named in {@code dropped}.
 *
 * @param dependent name of y
 * @param estimator "ols", "within" or "re"
 * @param vcovType the covariance as the study writes it, e.g. "cluster(firm)"
 * @param coefficients estimate, standard error, t and p (t distribution on {@code dfTest})
 * @param dropped regressors omitted because of collinearity, in formula order
 * @param nobs observations used (after dropping singletons)
 * @param groups levels of the panel unit when given, else of the first absorbed effect; 0 for pooled OLS without panel
 * @param clusters number of clusters of each cluster variable (empty unless clustered)
 * @param r2 R^2 of the full model: 1 - SSR/TSS with the absorbed effects as regressors (reghdfe e(r2));
 *        for random effects 1 - SSR/TSS of the quasi-demeaned regression (plm)
 * @param r2Within R^2 after every absorbed effect is projected out (reghdfe, fixest, plm within r.squared);
 *        pooled OLS: equal to r2; random effects: Stata xtreg, re's within R^2 (squared correlation of
 *        the within-demeaned y and fitted values)
 * @param adjR2 1 - (1 - r2)(N - 1)/dfResid
 * @param dfResid residual degrees of freedom N - kept slopes - absorbed parameters (or - 1 for the intercept)
 * @param dfTest degrees of freedom of the t and F tests (G-1 for clustered covariance under STATA/FIXEST)
 * @param fStat Wald F on all slopes with the chosen covariance, on (fDf1, fDf2 = dfTest); NaN when no slope
 *        is kept or the covariance of the slopes is singular (Stata then shows a missing F)
 * @param fDf1 numerator df (kept slopes)
 * @param fP p-value of fStat
 * @param vcov covariance of the coefficients, in the order of {@code coefficients}
 * @param residuals residuals of the used observations (y minus fitted values including the absorbed effects;
 *        for random effects the quasi-demeaned residuals)
 * @param rows indices into the input rows of the used observations, in order (all rows unless singletons were dropped)
 * @param singletonsDropped observations dropped as singletons
 * @param absorbedDf absorbed fixed-effect parameters counted in dfResid (all levels less redundant ones)
 * @param absorbedLevels levels of each absorbed effect in the estimation sample
 * @param nestedInCluster names of absorbed effects nested in a cluster variable
 * @param iterations largest number of projection iterations over the columns (0 for one effect)
 * @param randomEffects variance components and theta for random effects, else null
 * @param withinRegressors the regressors of the problem (by their index in its x) centred and with the absorbed
 *        effects projected out, over the used rows, for {@link WithinIntercept}; null unless an unweighted within fit
 */
public record LinearFit(String dependent, String estimator, String vcovType, List<Coefficient> coefficients,
                        List<String> dropped, int nobs, int groups, int[] clusters, double r2, double r2Within,
                        double adjR2, int dfResid, int dfTest, double fStat, int fDf1, double fP,
                        double[][] vcov, double[] residuals, int[] rows, int singletonsDropped, int absorbedDf,
                        int[] absorbedLevels, List<String> nestedInCluster, int iterations,
                        RandomEffects randomEffects, double[][] withinRegressors) {
    public static final String INTERCEPT = "(Intercept)";

    public LinearFit {
        coefficients = List.copyOf(coefficients);
        dropped = List.copyOf(dropped);
        nestedInCluster = List.copyOf(nestedInCluster);
    }

    /** This fit with the projected regressors {@link WithinIntercept} reuses instead of projecting them again. */
    LinearFit withWithinRegressors(double[][] projected) {
        return new LinearFit(dependent, estimator, vcovType, coefficients, dropped, nobs, groups, clusters, r2, r2Within, adjR2,
            dfResid, dfTest, fStat, fDf1, fP, vcov, residuals, rows, singletonsDropped, absorbedDf, absorbedLevels, nestedInCluster,
            iterations, randomEffects, projected);
    }

    /** Smallest number of clusters over the cluster variables, or 0 when not clustered. */
    public int minClusters() {
        int m = 0;
        for (int g : clusters) {
            m = m == 0 ? g : Math.min(m, g);
        }
        return m;
    }

    /** The coefficient of a term, or null. */
    public Coefficient coefficient(String term) {
        for (Coefficient c : coefficients) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        return null;
    }

    /** Names of the kept slopes (every coefficient but the intercept), for a Hausman test. */
    public List<String> slopeNames() {
        List<String> out = new ArrayList<>();
        for (Coefficient c : coefficients) {
            if (!c.term().equals(INTERCEPT)) {
                out.add(c.term());
            }
        }
        return out;
    }

    /** Estimates of the named coefficients, in the order given. */
    public double[] estimates(List<String> terms) {
        double[] b = new double[terms.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = coefficients.get(indexOf(terms.get(i))).estimate();
        }
        return b;
    }

    /** Covariance block of the named coefficients, in the order given. */
    public double[][] vcov(List<String> terms) {
        int[] idx = new int[terms.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = indexOf(terms.get(i));
        }
        double[][] v = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                v[i][j] = vcov[idx[i]][idx[j]];
            }
        }
        return v;
    }

    private int indexOf(String term) {
        for (int i = 0; i < coefficients.size(); i++) {
            if (coefficients.get(i).term().equals(term)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no coefficient " + term);
    }
}
