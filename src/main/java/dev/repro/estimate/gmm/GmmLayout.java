package dev.repro.estimate.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stacked per-unit matrices of dynamic panel GMM, laid out as plm::pgmm does: the panel is filled to
 * units x periods; TL1 = max(largest regressor lag + 1, smallest GMM lag) is the first differenced period
 * used, TL2 = TL1 - 1 the first level period; a row with any missing value in the dependent or a regressor
 * is zeroed (with its instruments); a missing instrument is 0. Per unit: y [row], X [row][column] and the
 * instruments Z [row][column], differenced rows first, then (system GMM) level rows.
 */
final class GmmLayout {
    final GmmProblem pr;
    final GmmOptions o;
    final boolean ld;
    final int n;
    final int T;
    final int tl1;
    final int tl2;
    final int nd;
    final int nl;
    final int rows;
    final int k;
    final int kt;
    final int kall;
    final List<String> timeNames = new ArrayList<>();
    int[] diffCols;     // per GMM variable: its differenced-equation instrument columns
    int[] levelCols;    // per GMM variable (LD): its level-equation instrument columns
    int ld0;            // first level GMM column
    int tdCol;          // first time-dummy instrument column
    int ivCol;          // first ordinary instrument column
    int ncol;
    double[][] y;       // [unit][row]
    double[][][] x;     // [unit][row][col]
    double[][][] w;     // [unit][row][col]
    final List<String> warnings = new ArrayList<>();

    GmmLayout(GmmProblem pr) throws GmmException {
        this.pr = pr;
        this.o = pr.options();
        this.ld = o.transformation() == GmmOptions.Transformation.LD;
        this.n = pr.units();
        this.T = pr.periods();
        int maxLag = 0;
        for (int l : pr.xLags()) {
            maxLag = Math.max(maxLag, l);
        }
        int gmmMin = Integer.MAX_VALUE;
        for (GmmVariable g : pr.gmm()) {
            gmmMin = Math.min(gmmMin, g.minLag());
        }
        // plm: TL1 = max(main.maxlag + 1, gmm.minlag), TL2 = max(main.maxlag, gmm.minlag - 1)
        tl1 = Math.max(maxLag + 1, gmmMin);
        tl2 = Math.max(maxLag, gmmMin - 1);
        nd = T - tl1;
        nl = ld ? T - tl2 : 0;
        if (nd < 1) {
            throw new GmmException("the sample has " + T + " periods (" + pr.times()[0] + " to " + pr.times()[T - 1]
                    + "), too few for the lags of the model: its first differenced equation needs period number " + (tl1 + 1)
                    + "; use fewer lags or more periods");
        }
        rows = nd + nl;
        k = pr.names().size();
        if (o.twoways()) {
            if (ld) {
                timeNames.add("(Intercept)");
                for (int t = tl2 + 1; t < T; t++) {
                    timeNames.add(Long.toString(pr.times()[t]));
                }
            } else {
                for (int t = tl1; t < T; t++) {
                    timeNames.add(Long.toString(pr.times()[t]));
                }
            }
        }
        kt = timeNames.size();
        kall = k + kt;
        columns();
        build();
    }

    private void columns() {
        int c = 0;
        int gv = pr.gmm().size();
        diffCols = new int[gv + 1];
        for (int g = 0; g < gv; g++) {
            diffCols[g] = c;
            c += diffWidth(pr.gmm().get(g));
        }
        diffCols[gv] = c;
        ld0 = c;
        levelCols = new int[gv + 1];
        if (ld) {
            for (int g = 0; g < gv; g++) {
                levelCols[g] = c;
                c += o.collapse() ? 1 : Math.max(0, T - levelStart() + 1);
            }
        }
        levelCols[gv] = c;
        tdCol = c;
        c += kt;
        ivCol = c;
        c += pr.iv().length * (ld ? 2 : 1);
        ncol = c;
    }

    /** 1-based first period with its own level instrument column (plm: periods 3..T when TL2 <= 2). */
    private int levelStart() {
        return Math.max(3, tl2 + 1);
    }

    /** The 1-based positions of the instruments of the differenced equation at 1-based period p (plm's makegmm). */
    private int lo(GmmVariable g, int p) {
        return Math.max(1, p - g.maxLag());
    }

    private int hi(GmmVariable g, int p) {
        return p - g.minLag();
    }

    private int diffWidth(GmmVariable g) {
        if (o.collapse()) {
            return Math.max(0, Math.min(T - g.minLag(), g.maxLag() + 1 - g.minLag()));
        }
        int w = 0;
        for (int t = tl1; t < T; t++) {
            w += Math.max(0, hi(g, t + 1) - lo(g, t + 1) + 1);
        }
        return w;
    }

    private void build() {
        y = new double[n][rows];
        x = new double[n][rows][kall];
        w = new double[n][rows][ncol];
        double[] ys = pr.y();
        double[][] xs = pr.x();
        double[][] zs = pr.iv();
        for (int i = 0; i < n; i++) {
            int base = i * T;
            double[] yi = y[i];
            double[][] xi = x[i];
            double[][] wi = w[i];
            // differenced rows: periods t = TL1..T-1 (0-based)
            for (int r = 0; r < nd; r++) {
                int t = tl1 + r;
                yi[r] = ys[base + t] - ys[base + t - 1];
                for (int j = 0; j < k; j++) {
                    xi[r][j] = xs[j][base + t] - xs[j][base + t - 1];
                }
                if (o.twoways()) {
                    if (ld) {
                        // diff of [1, dummies of periods TL2+1..T-1]: the constant differences out
                        xi[r][k + t - tl2] = 1;
                        if (t - 1 >= tl2 + 1) {
                            xi[r][k + t - 1 - tl2] = -1;
                        }
                    } else {
                        xi[r][k + t - tl1] = 1;
                        if (t - 1 >= tl1) {
                            xi[r][k + t - 1 - tl1] = -1;
                        }
                        wi[r][tdCol + t - tl1] = 1;
                        if (t - 1 >= tl1) {
                            wi[r][tdCol + t - 1 - tl1] = -1;
                        }
                    }
                }
                int p = t + 1;
                for (int g = 0; g < pr.gmm().size(); g++) {
                    GmmVariable gv = pr.gmm().get(g);
                    int lo = lo(gv, p);
                    int hi = hi(gv, p);
                    if (o.collapse()) {
                        for (int c = 0; hi - c >= lo; c++) {
                            wi[r][diffCols[g] + c] = zeroNaN(gv.series()[base + hi - c - 1]);
                        }
                    } else {
                        int off = diffCols[g];
                        for (int tt = tl1; tt < t; tt++) {
                            off += Math.max(0, hi(gv, tt + 1) - lo(gv, tt + 1) + 1);
                        }
                        for (int q = lo; q <= hi; q++) {
                            wi[r][off + q - lo] = zeroNaN(gv.series()[base + q - 1]);
                        }
                    }
                }
                for (int j = 0; j < zs.length; j++) {
                    wi[r][ivCol + j] = zeroNaN(zs[j][base + t] - zs[j][base + t - 1]);
                }
                finishRow(yi, xi, wi, r);
            }
            // level rows (LD): periods t = TL2..T-1
            for (int r = nd; r < rows; r++) {
                int t = tl2 + (r - nd);
                yi[r] = ys[base + t];
                for (int j = 0; j < k; j++) {
                    xi[r][j] = xs[j][base + t];
                }
                if (o.twoways()) {
                    xi[r][k] = 1;
                    wi[r][tdCol] = 1;
                    if (t >= tl2 + 1) {
                        xi[r][k + t - tl2] = 1;
                        wi[r][tdCol + t - tl2] = 1;
                    }
                }
                int p = t + 1;
                if (p >= 3) {
                    for (int g = 0; g < pr.gmm().size(); g++) {
                        double[] s = pr.gmm().get(g).series();
                        double d = zeroNaN(s[base + p - 2] - s[base + p - 3]);
                        if (o.collapse()) {
                            wi[r][levelCols[g]] = d;
                        } else if (p >= levelStart()) {
                            wi[r][levelCols[g] + p - levelStart()] = d;
                        }
                    }
                }
                for (int j = 0; j < zs.length; j++) {
                    wi[r][ivCol + zs.length + j] = zeroNaN(zs[j][base + t]);
                }
                finishRow(yi, xi, wi, r);
            }
        }
    }

    /** plm: a row with a missing dependent or regressor is zeroed, instruments included. */
    private static void finishRow(double[] yi, double[][] xi, double[][] wi, int r) {
        boolean na = Double.isNaN(yi[r]);
        for (double v : xi[r]) {
            na |= Double.isNaN(v);
        }
        if (na) {
            yi[r] = 0;
            Arrays.fill(xi[r], 0);
            Arrays.fill(wi[r], 0);
        }
    }

    private static double zeroNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** H W for the unit's instruments: H is plm's first-step weight structure. */
    double[][] hTimes(double[][] m) {
        int c = m[0].length;
        double[][] out = new double[rows][c];
        for (int r = 0; r < nd; r++) {
            for (int j = 0; j < c; j++) {
                double v = 2 * m[r][j];
                if (r > 0) {
                    v -= m[r - 1][j];
                }
                if (r + 1 < nd) {
                    v -= m[r + 1][j];
                }
                if (ld) {
                    // FD block: differenced row r pairs with level rows r (-1) and r + 1 (+1)
                    v += -m[nd + r][j] + m[nd + r + 1][j];
                }
                out[r][j] = v;
            }
        }
        for (int r = nd; r < rows; r++) {
            int q = r - nd;
            for (int j = 0; j < c; j++) {
                double v = m[r][j];
                if (q < nd) {
                    v -= m[q][j];
                }
                if (q >= 1) {
                    v += m[q - 1][j];
                }
                out[r][j] = v;
            }
        }
        return out;
    }

}
