package dev.repro.estimate.gmm;

import dev.repro.data.Dataset;
import dev.repro.data.PanelOrder;
import dev.repro.formula.Evaluator;
import dev.repro.formula.Formula;
import dev.repro.formula.PanelLags;
import dev.repro.diag.Located;
import dev.repro.formula.Term;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link GmmProblem} from a panel dataset and the model's texts, as R plm::pgmm reads
 * {@code y ~ regressors | gmm instruments | iv instruments}: every term is evaluated on every row of the
 * dataset (lags follow time values within the unit), then the sample's rows are placed on the grid of
 * units x periods (the periods of the sample's rows, ascending).
 *
 * <p>GMM instruments {@code L(x, a:b)} are grouped by their variable x with the lag range min:max over the
 * terms of x (plm's dynterms); a term without L is lag 0. Without explicit ordinary instruments, as plm, every
 * regressor whose variable is not a GMM variable instruments itself.
 */
public final class GmmFrame {
    private GmmFrame() {
    }

    /** The texts of a GMM model and where the user wrote them. */
    public record Spec(Formula formula, List<Term> gmm, List<Term> iv, Located formulaSite, Located gmmSite, Located ivSite) {
        public Spec {
            gmm = List.copyOf(gmm);
            iv = iv == null ? null : List.copyOf(iv);
        }
    }

    /** A term as plm's getvar sees it: variable and lag. */
    record VarLag(Term variable, int lag) {
        static VarLag of(Term t) {
            if (t instanceof Term.Lag l) {
                return new VarLag(l.operand(), l.lag());
            }
            return new VarLag(t, 0);
        }
    }

    /**
     * The problem, or empty after reporting problems.
     *
     * @param sample rows of the dataset in the estimation sample, null for all
     */
    public static Optional<GmmProblem> build(Dataset d, Spec spec, boolean[] sample, GmmOptions options, Problems problems) {
        int before = problems.size();
        Formula f = spec.formula();
        if (!d.isPanel()) {
            problems.add(spec.formulaSite().problem("dynamic panel GMM needs a panel: declare 'id' and 'time' for dataset " + d.name()));
            return Optional.empty();
        }
        if (!f.absorbed().isEmpty()) {
            problems.add(spec.formulaSite().problem("GMM removes the unit effects by differencing: remove the part after '|' "
                    + "(time dummies come with effect: twoways)"));
            return Optional.empty();
        }
        f.check(d, spec.formulaSite(), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        Evaluator main = new Evaluator(d, spec.formulaSite(), problems);
        Evaluator gmmEval = new Evaluator(d, spec.gmmSite(), problems);
        Evaluator ivEval = new Evaluator(d, spec.ivSite() == null ? spec.formulaSite() : spec.ivSite(), problems);
        double[] yRows = main.values(f.dependent(), sample);
        List<Term> regs = f.regressors();
        double[][] xRows = new double[regs.size()][];
        int[] xLags = new int[regs.size()];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < regs.size(); j++) {
            xRows[j] = main.values(regs.get(j), sample);
            xLags[j] = VarLag.of(regs.get(j)).lag();
            names.add(regs.get(j).label());
        }
        // GMM variables: grouped by label, lag range min:max
        Map<String, int[]> ranges = new LinkedHashMap<>();
        Map<String, Term> vars = new LinkedHashMap<>();
        for (Term t : spec.gmm()) {
            VarLag vl = VarLag.of(t);
            String key = vl.variable().label();
            vars.putIfAbsent(key, vl.variable());
            ranges.merge(key, new int[] {vl.lag(), vl.lag()}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<String, double[]> gmmRows = new LinkedHashMap<>();
        for (var e : vars.entrySet()) {
            gmmRows.put(e.getKey(), gmmEval.values(e.getValue(), null));
        }
        List<Term> ivTerms = spec.iv();
        if (ivTerms == null) {
            ivTerms = new ArrayList<>();
            for (Term t : regs) {
                if (!ranges.containsKey(VarLag.of(t).variable().label())) {
                    ivTerms.add(t);
                }
            }
        }
        List<String> ivNames = new ArrayList<>();
        double[][] ivRows = new double[ivTerms.size()][];
        for (int j = 0; j < ivTerms.size(); j++) {
            ivRows[j] = ivEval.values(ivTerms.get(j), sample);
            ivNames.add(ivTerms.get(j).label());
        }
        if (main.failed() || gmmEval.failed() || ivEval.failed() || problems.size() > before) {
            return Optional.empty();
        }
        // the grid: units and periods of the sample's rows
        PanelOrder px = PanelLags.of(d).order();
        int rows = d.rows();
        int[] unitPos = new int[Math.max(px.units(), 0)];
        Arrays.fill(unitPos, -1);
        List<Long> timeList = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if ((sample == null || sample[r]) && px.unit(r) >= 0) {
                unitPos[px.unit(r)] = 0;
                timeList.add(px.time(r));
            }
        }
        long[] times = timeList.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        int n = 0;
        for (int u = 0; u < unitPos.length; u++) {
            if (unitPos[u] == 0) {
                unitPos[u] = n++;
            }
        }
        if (n == 0) {
            problems.add(spec.formulaSite().problem("the sample has no rows with a panel id and time in dataset " + d.name()));
            return Optional.empty();
        }
        int T = times.length;
        int[] cell = new int[rows];
        boolean[] taken = new boolean[n * T];
        for (int r = 0; r < rows; r++) {
            cell[r] = -1;
            if ((sample == null || sample[r]) && px.unit(r) >= 0) {
                int c = unitPos[px.unit(r)] * T + Arrays.binarySearch(times, px.time(r));
                if (!taken[c]) { // a duplicate (unit, time) keeps its first row, as the panel index does
                    taken[c] = true;
                    cell[r] = c;
                }
            }
        }
        double[] y = grid(yRows, cell, n * T);
        double[][] x = new double[xRows.length][];
        for (int j = 0; j < x.length; j++) {
            x[j] = grid(xRows[j], cell, n * T);
        }
        List<GmmVariable> gmm = new ArrayList<>();
        for (var e : ranges.entrySet()) {
            gmm.add(new GmmVariable(e.getKey(), grid(gmmRows.get(e.getKey()), cell, n * T), e.getValue()[0], e.getValue()[1]));
        }
        double[][] iv = new double[ivRows.length][];
        for (int j = 0; j < iv.length; j++) {
            iv[j] = grid(ivRows[j], cell, n * T);
        }
        return Optional.of(new GmmProblem(f.dependent().label(), y, names, x, xLags, gmm, ivNames, iv, times, n, options));
    }

    private static double[] grid(double[] values, int[] cell, int cells) {
        double[] out = new double[cells];
        Arrays.fill(out, Double.NaN);
        for (int r = 0; r < values.length; r++) {
            if (cell[r] >= 0) {
                out[cell[r]] = values[r];
            }
        }
        return out;
    }
}
