package dev.repro.index.quality;

import dev.repro.numeric.Effect;
import dev.repro.estimate.linear.FixedEffectsProjector;
import java.util.Arrays;
import java.util.List;

/**
 * The demand-inversion quality measure on aggregated cells (Khandelwal, Schott and Wei 2013; the seed
 * paper's eq. 1-5):
 * <ol>
 * <li>y = ln x + sigma_h ln p with x the quantity and p = value / quantity of region f, product h, year t;</li>
 * <li>y = phi_h + phi_ft + v: the residual v after projecting out product and region-year fixed effects
 *     ({@link FixedEffectsProjector}, the estimator package's high-dimensional projector);</li>
 * <li>quality = v / (sigma_h - 1) (eq. 3);</li>
 * <li>min-max within each product-year (or product): (q - min) / (max - min) (eq. 4); a group whose
 *     qualities do not vary (a single exporting region, say) carries no ranking and is left out;</li>
 * <li>region-year quality = sum_h s_fth q_std with s the export-value share of h among the region-year's
 *     included products (eq. 5).</li>
 * </ol>
 */
public final class QualityEstimate {
    /** Groups whose range is below this fraction of their largest |quality| (or of 1) count as not varying. */
    static final double FLAT = 1e-12;
    /**
     * Stopping rule of the projection, ||x - Tx|| <= TOLERANCE ||y||: tighter than the estimator's default
     * (1e-12) because the residual itself is the product here, and cheap on aggregated cells.
     */
    static final double TOLERANCE = 1e-14;

    private QualityEstimate() {
    }

    public enum Normalization {
        /** Min and max of each product in each year: the paper's "for an HS code product h every year" (default). */
        PRODUCT_YEAR("product-year"),
        /** Min and max of each product over all years. */
        PRODUCT("product");

        private final String keyword;

        Normalization(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /**
     * Per cell: y, the residual, quality and standardised quality (NaN when left out); per region-year (codes
     * in order of first appearance among the cells): its region and year, the value-share weighted
     * quality (NaN when no product is left), the number of products and their export value.
     */
    public record Result(double[] y, double[] residual, double[] quality, double[] standardized, int[] regionYearOfCell,
                         int[] ryRegion, int[] ryYear, double[] ryQuality, int[] ryProducts, double[] ryValue,
                         int flatCells, int flatGroups, int iterations, boolean converged) {
    }

    /**
     * @param cells the aggregated cells, every value and quantity positive
     * @param sigma sigma of each cell (> 1)
     * @param products number of product codes (codes in 0..products-1)
     */
    public static Result estimate(QualityCells cells, double[] sigma, int products, Normalization normalization) {
        int n = cells.size();
        if (sigma.length != n) {
            throw new IllegalArgumentException(sigma.length + " sigmas for " + n + " cells");
        }
        double[] y = new double[n];
        for (int c = 0; c < n; c++) {
            double q = cells.quantity(c);
            double p = cells.value(c) / q;
            if (!(q > 0) || !(p > 0) || !(sigma[c] > 1)) {
                throw new IllegalArgumentException("cell " + c + " has quantity " + q + ", price " + p + ", sigma " + sigma[c]);
            }
            y[c] = Math.log(q) + sigma[c] * Math.log(p);
        }
        int[] productCode = new int[n];
        int[] ry = new int[n];
        int[] ryRegion;
        int[] ryYear;
        {
            long[] keys = new long[n];
            for (int c = 0; c < n; c++) {
                productCode[c] = cells.product(c);
                keys[c] = ((long) cells.region(c) << 32) | (cells.year(c) & 0xFFFFFFFFL);
            }
            Dense d = Dense.of(keys);
            ry = d.code;
            ryRegion = new int[d.count];
            ryYear = new int[d.count];
            for (int c = 0; c < n; c++) {
                ryRegion[ry[c]] = cells.region(c);
                ryYear[ry[c]] = cells.year(c);
            }
        }
        double[] residual = y.clone();
        int iterations = 0;
        boolean converged = true;
        if (n > 0) {
            FixedEffectsProjector fe = new FixedEffectsProjector(List.of(new Effect("product", productCode, Math.max(1, products)),
                    new Effect("region-year", ry, Math.max(1, ryRegion.length))), TOLERANCE, FixedEffectsProjector.DEFAULT_MAX_ITERATIONS);
            FixedEffectsProjector.Outcome o = fe.project(residual);
            iterations = o.iterations();
            converged = o.converged();
        }
        double[] quality = new double[n];
        for (int c = 0; c < n; c++) {
            quality[c] = residual[c] / (sigma[c] - 1);
        }
        // normalisation groups
        long[] gk = new long[n];
        for (int c = 0; c < n; c++) {
            gk[c] = normalization == Normalization.PRODUCT_YEAR ? ((long) productCode[c] << 32) | (cells.year(c) & 0xFFFFFFFFL) : productCode[c];
        }
        Dense groups = Dense.of(gk);
        double[] lo = new double[groups.count];
        double[] hi = new double[groups.count];
        double[] big = new double[groups.count];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < n; c++) {
            int g = groups.code[c];
            lo[g] = Math.min(lo[g], quality[c]);
            hi[g] = Math.max(hi[g], quality[c]);
            big[g] = Math.max(big[g], Math.abs(quality[c]));
        }
        double[] std = new double[n];
        int flatCells = 0;
        boolean[] flat = new boolean[groups.count];
        int flatGroups = 0;
        for (int g = 0; g < groups.count; g++) {
            flat[g] = !(hi[g] - lo[g] > FLAT * Math.max(1, big[g]));
            if (flat[g]) {
                flatGroups++;
            }
        }
        for (int c = 0; c < n; c++) {
            int g = groups.code[c];
            if (flat[g]) {
                std[c] = Double.NaN;
                flatCells++;
            } else {
                std[c] = (quality[c] - lo[g]) / (hi[g] - lo[g]);
            }
        }
        int r = ryRegion.length;
        double[] num = new double[r];
        double[] den = new double[r];
        int[] count = new int[r];
        for (int c = 0; c < n; c++) {
            if (!Double.isNaN(std[c])) {
                double v = cells.value(c);
                num[ry[c]] += v * std[c];
                den[ry[c]] += v;
                count[ry[c]]++;
            }
        }
        double[] ryQuality = new double[r];
        for (int k = 0; k < r; k++) {
            ryQuality[k] = count[k] == 0 ? Double.NaN : num[k] / den[k];
        }
        return new Result(y, residual, quality, std, ry, ryRegion, ryYear, ryQuality, count, den, flatCells, flatGroups,
                iterations, converged);
    }

    /** Dense codes 0..count-1 of long keys in order of first appearance (primitive open addressing). */
    static final class Dense {
        final int[] code;
        final int count;

        private Dense(int[] code, int count) {
            this.code = code;
            this.count = count;
        }

        static Dense of(long[] keys) {
            int n = keys.length;
            int cap = Math.max(16, Integer.highestOneBit(Math.max(1, n)) << 2);
            long[] tk = new long[cap];
            int[] tv = new int[cap];
            Arrays.fill(tv, -1);
            int mask = cap - 1;
            int[] code = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                long k = keys[i];
                long h = k * 0x9E3779B97F4A7C15L;
                int s = (int) (h ^ (h >>> 32)) & mask;
                while (tv[s] >= 0 && tk[s] != k) {
                    s = (s + 1) & mask;
                }
                if (tv[s] < 0) {
                    tk[s] = k;
                    tv[s] = count++;
                }
                code[i] = tv[s];
            }
            return new Dense(code, count);
        }
    }
}
