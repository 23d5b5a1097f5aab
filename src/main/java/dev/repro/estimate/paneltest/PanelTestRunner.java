package dev.repro.estimate.paneltest;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.estimate.linear.Coefficient;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.study.Problem;
import dev.repro.study.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the study file's panel tests ({@code type: unitroot | granger | hausman}) from their options (the plain
 * values of the study keys) and returns the results.json map of each. Every mistake, in the options or in the
 * data, becomes a {@link Problem} at the test's key ({@code tests.<id>.<key>}, line and column 0: the study
 * parser relocates them); the methods then return null.
 *
 * <p>Options (see docs/paneltest.md): unitroot: method (llc | ips | fisher-adf | fisher-pp), variable, lags
 * (a number; aic | sic | hall with pmax; for fisher-pp also "default"), pmax, deterministic (none | intercept |
 * trend), convention (plm | stata), dfCorrection, bandwidth (plm | stata | a number; llc), demean.
 * granger: cause, effect, lags, bootstrap (true or {reps, seed, blockLength, level}). hausman: method (chisq |
 * generalized | regression), vcov (regression: iid | cluster | cluster-stata).
 */
public final class PanelTestRunner {
    private PanelTestRunner() {
    }

    /** Where problems go: the study file and the test's key path, e.g. {@code tests.llc}. */
    public record Where(String source, String key) {
        Problem at(String sub, String message) {
            return Problem.atKey(source, 0, 0, sub == null ? key : key + "." + sub, message);
        }
    }

    private static final Set<String> UNITROOT_KEYS = Set.of("type", "dataset", "sample", "method", "variable", "lags",
            "pmax", "deterministic", "convention", "dfCorrection", "bandwidth", "demean");
    private static final Set<String> GRANGER_KEYS = Set.of("type", "dataset", "sample", "cause", "effect", "lags", "bootstrap");
    private static final Set<String> HAUSMAN_KEYS = Set.of("type", "dataset", "sample", "formula", "method", "vcov");

    /**
     * A unit-root test on one variable of a panel dataset (after the test's sample filter).
     *
     * @return the result map, or null after adding problems
     */
    public static Map<String, Object> unitRoot(Dataset data, Map<String, ?> options, Where where, Problems problems) {
        int before = problems.size();
        unknownKeys(options, UNITROOT_KEYS, where, problems);
        String method = choice(options, "method", null, where, problems, "llc", "ips", "fisher-adf", "fisher-pp");
        String variable = string(options, "variable", where, problems);
        String det = choice(options, "deterministic", "intercept", where, problems, "none", "intercept", "trend");
        boolean fisher = method != null && method.startsWith("fisher");
        String convention = choice(options, "convention", fisher ? "stata" : "plm", where, problems, "plm", "stata");
        Boolean dfCorrection = bool(options, "dfCorrection", false, where, problems);
        Boolean demean = bool(options, "demean", false, where, problems);
        Integer pmax = integer(options, "pmax", Lags.DEFAULT_PMAX, 0, where, problems);
        Object lagsRaw = options.get("lags");
        Lags lags = null;
        int ppLags = -1;
        if ("fisher-pp".equals(method)) {
            if (lagsRaw instanceof String str && !str.equalsIgnoreCase("default")) {
                problems.add(where.at("lags", "expected the number of Newey-West lags (a whole number >= 0) or default, found '" + str + "'"));
            } else if (lagsRaw != null && !(lagsRaw instanceof String)) {
                Integer q = integer(options, "lags", null, 0, where, problems);
                ppLags = q == null ? -1 : q;
            }
        } else if (lagsRaw == null) {
            problems.add(where.at("lags", "missing required key 'lags'; give a number of lags or aic, sic or hall (with pmax)"));
        } else if (lagsRaw instanceof String s) {
            Lags.Rule rule = Lags.Rule.parse(s);
            if (rule == null) {
                problems.add(where.at("lags", "expected a whole number >= 0 or aic, sic or hall, found '" + s + "'"));
            } else if (pmax != null) {
                lags = Lags.select(rule, pmax);
            }
        } else {
            Integer p = integer(options, "lags", null, 0, where, problems);
            if (p != null) {
                lags = Lags.fixedOrder(p);
            }
        }
        LevinLinChu.Bandwidth bandwidth = LevinLinChu.Bandwidth.PLM;
        int fixedBandwidth = -1;
        Object bw = options.get("bandwidth");
        if (bw != null) {
            if (!"llc".equals(method)) {
                problems.add(where.at("bandwidth", "bandwidth applies to method: llc only; remove it"));
            } else if (bw instanceof String s && (s.equalsIgnoreCase("plm") || s.equalsIgnoreCase("stata"))) {
                bandwidth = s.equalsIgnoreCase("plm") ? LevinLinChu.Bandwidth.PLM : LevinLinChu.Bandwidth.STATA;
            } else if (bw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0) {
                fixedBandwidth = n.intValue();
            } else {
                problems.add(where.at("bandwidth", "expected plm, stata or a whole number >= 0, found '" + bw + "'"));
            }
        }
        if ("stata".equals(convention) && ("llc".equals(method) || "ips".equals(method))) {
            problems.add(where.at("convention", "method " + method + " follows R plm only; remove convention or use plm"));
        }
        if ("ips".equals(method) && "none".equals(det)) {
            problems.add(where.at("deterministic", "the Im-Pesaran-Shin test needs intercept or trend (its moments are tabulated only for those)"));
        }
        if (problems.size() > before || method == null) {
            return null;
        }
        PanelSeries s = series(data, new String[] {variable}, where, problems);
        if (s == null) {
            return null;
        }
        Deterministic d = Deterministic.parse(det);
        Map<String, Object> result;
        try {
            switch (method) {
                case "llc" -> result = LevinLinChu.test(s, new LevinLinChu.Options(d, lags, dfCorrection,
                        bandwidth, fixedBandwidth, demean)).toMap();
                case "ips" -> result = ImPesaranShin.test(s, new ImPesaranShin.Options(d, lags, dfCorrection, demean)).toMap();
                case "fisher-adf" -> result = FisherUnitRoot.test(s, new FisherUnitRoot.Options(FisherUnitRoot.Method.ADF, d,
                        lags, -1, convention.equals("plm") ? FisherUnitRoot.Convention.PLM : FisherUnitRoot.Convention.STATA,
                        dfCorrection, demean)).toMap();
                default -> result = FisherUnitRoot.test(s, new FisherUnitRoot.Options(FisherUnitRoot.Method.PP, d, null, ppLags,
                        FisherUnitRoot.Convention.STATA, true, demean)).toMap();
            }
        } catch (PanelTestException e) {
            problems.add(where.at(null, e.getMessage()));
            return null;
        }
        return with(result, "dataset", data.name(), "variable", variable);
    }

    /**
     * The Dumitrescu-Hurlin test of {@code cause -> effect}.
     *
     * @param studySeed the study's top-level seed, used when the bootstrap gives none (may be null)
     */
    public static Map<String, Object> granger(Dataset data, Map<String, ?> options, Long studySeed, Where where,
                                              Problems problems) {
        int before = problems.size();
        unknownKeys(options, GRANGER_KEYS, where, problems);
        String cause = string(options, "cause", where, problems);
        String effect = string(options, "effect", where, problems);
        Integer lags = integer(options, "lags", 1, 1, where, problems);
        DumitrescuHurlin.Bootstrap boot = bootstrap(options.get("bootstrap"), studySeed, where, problems);
        if (problems.size() > before) {
            return null;
        }
        PanelSeries s = series(data, new String[] {effect, cause}, where, problems);
        if (s == null) {
            return null;
        }
        try {
            DhResult r = DumitrescuHurlin.test(s, lags, boot).named(cause, effect, data.idColumn());
            if (r.zbarTildeProblem() != null) {
                problems.add(where.at("lags", r.zbarTildeProblem()));
                return null;
            }
            return with(r.toMap(), "dataset", data.name(), "variable", cause + " -> " + effect);
        } catch (PanelTestException e) {
            problems.add(where.at(null, e.getMessage()));
            return null;
        }
    }

    private static DumitrescuHurlin.Bootstrap bootstrap(Object raw, Long studySeed, Where where, Problems problems) {
        if (raw == null || Boolean.FALSE.equals(raw)) {
            return null;
        }
        Map<?, ?> m;
        if (Boolean.TRUE.equals(raw)) {
            m = Map.of();
        } else if (raw instanceof Map<?, ?> mm) {
            m = mm;
        } else {
            problems.add(where.at("bootstrap", "expected true or a mapping with reps, seed, blockLength and level, found '" + raw + "'"));
            return null;
        }
        Where w = new Where(where.source(), where.key() + ".bootstrap");
        @SuppressWarnings("unchecked")
        Map<String, ?> opts = (Map<String, ?>) m;
        int before = problems.size();
        unknownKeys(opts, Set.of("reps", "seed", "blockLength", "level"), w, problems);
        Integer reps = integer(opts, "reps", 1000, 1, w, problems);
        Integer block = integer(opts, "blockLength", 1, 1, w, problems);
        Object lv = opts.get("level");
        double level = 95;
        if (lv != null) {
            if (lv instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < 100) {
                level = n.doubleValue();
            } else {
                problems.add(w.at("level", "expected a percentage strictly between 0 and 100, found '" + lv + "'"));
            }
        }
        Object sd = opts.get("seed");
        Long seed = studySeed;
        if (sd != null) {
            if (sd instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                seed = n.longValue();
            } else {
                problems.add(w.at("seed", "expected a whole number, found '" + sd + "'"));
            }
        } else if (seed == null) {
            problems.add(w.at(null, "the bootstrap needs an explicit seed: set bootstrap.seed or the study's top-level seed"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new DumitrescuHurlin.Bootstrap(reps, seed, block, level, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Inputs of the regression-based Hausman test: the rows of the random-effects fit. */
    public record HausmanData(double[] y, List<String> names, double[][] x, int[] unit) {
    }

    /**
     * The Hausman test of a fixed-effects fit against a Swamy-Arora random-effects fit of the same formula
     * (from {@code dev.repro.estimate.linear}, iid covariance).
     *
     * @param aux y, regressors and unit codes of the RE fit's rows (needed for method: regression, else may be null)
     */
    public static Map<String, Object> hausman(LinearFit fe, LinearFit re, HausmanData aux, Map<String, ?> options,
                                              Where where, Problems problems) {
        int before = problems.size();
        unknownKeys(options, HAUSMAN_KEYS, where, problems);
        String method = choice(options, "method", "chisq", where, problems, "chisq", "generalized", "regression", "stata", "aux");
        Object vc = options.get("vcov");
        Hausman.AuxVcov vcov = Hausman.AuxVcov.CLUSTER;
        boolean regression = "regression".equals(method) || "aux".equals(method);
        if (vc != null) {
            String v = vc.toString().trim().toLowerCase(Locale.ROOT);
            if (!regression) {
                problems.add(where.at("vcov", "vcov applies to method: regression only (the contrast test uses the models' "
                        + "iid covariances); remove it or use method: regression"));
            } else if (v.equals("iid")) {
                vcov = Hausman.AuxVcov.IID;
            } else if (v.equals("cluster") || v.startsWith("cluster(")) {
                vcov = Hausman.AuxVcov.CLUSTER;
            } else if (v.equals("cluster-stata")) {
                vcov = Hausman.AuxVcov.CLUSTER_STATA;
            } else {
                problems.add(where.at("vcov", "expected iid, cluster or cluster-stata, found '" + vc + "'"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            HausmanResult r;
            if (regression) {
                if (aux == null || re.randomEffects() == null) {
                    throw new IllegalArgumentException("method regression needs the random-effects fit and its data");
                }
                int[] unit = compact(aux.unit());
                double[] theta = re.randomEffects().theta();
                if (Arrays.stream(unit).max().orElse(-1) + 1 != theta.length) {
                    throw new IllegalArgumentException("the unit codes do not match the random-effects fit's panel units");
                }
                r = Hausman.auxiliary(aux.y(), aux.names(), aux.x(), unit, theta, vcov);
            } else {
                if (!"iid".equals(fe.vcovType()) || !"iid".equals(re.vcovType())) {
                    problems.add(where.at(null, "the contrast Hausman test needs both models with the iid covariance (found "
                            + fe.vcovType() + " and " + re.vcovType() + "); for a robust test use method: regression"));
                    return null;
                }
                List<String> feNames = fe.slopeNames();
                List<String> reNames = new ArrayList<>();
                for (Coefficient c : re.coefficients()) {
                    reNames.add(c.term());
                }
                r = Hausman.test(feNames, fe.estimates(feNames), fe.vcov(feNames), reNames, re.estimates(reNames),
                        re.vcov(reNames), "chisq".equals(method) ? Hausman.Method.CHISQ : Hausman.Method.STATA);
            }
            return r.toMap();
        } catch (PanelTestException e) {
            problems.add(where.at(null, e.getMessage()));
            return null;
        }
    }

    /** Codes renumbered 0.. in code order, dropping absent ones (as the linear package compacts its panel). */
    static int[] compact(int[] codes) {
        int max = -1;
        for (int c : codes) {
            max = Math.max(max, c);
        }
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        for (int c : codes) {
            map[c] = 0;
        }
        int next = 0;
        for (int g = 0; g <= max; g++) {
            if (map[g] == 0) {
                map[g] = next++;
            }
        }
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = map[codes[i]];
        }
        return out;
    }

    /** The panel series of the named numeric columns; rows with a missing id or period are left out. */
    static PanelSeries series(Dataset data, String[] columns, Where where, Problems problems) {
        if (!data.isPanel()) {
            problems.add(where.at("dataset", "dataset " + data.name() + " is not a panel: give it an id and a time column "
                    + "(datasets." + data.name() + ".id and .time)"));
            return null;
        }
        int n = data.rows();
        double[][] cols = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            Column col = data.column(columns[c]);
            if (col == null) {
                problems.add(where.at(null, "dataset " + data.name() + " has no column " + columns[c]));
            } else if (!(col instanceof NumericColumn nc)) {
                problems.add(where.at(null, "column " + columns[c] + " of dataset " + data.name() + " is text; the test needs numbers"));
            } else {
                cols[c] = nc.values();
            }
        }
        if (Arrays.asList(cols).contains(null)) {
            return null;
        }
        Dataset.Codes ids = data.codes(data.idColumn());
        double[] tv = data.numeric(data.timeColumn()).values();
        int[] unit = new int[n];
        int[] time = new int[n];
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (ids.codes()[i] < 0 || Double.isNaN(tv[i])) {
                continue;
            }
            if (tv[i] != Math.rint(tv[i]) || Math.abs(tv[i]) > Integer.MAX_VALUE) {
                problems.add(Problem.at(data.source(), data.line(i), 0, "time column " + data.timeColumn() + " has the value "
                        + data.column(data.timeColumn()).display(i) + "; panel tests need whole-number periods"));
                return null;
            }
            unit[kept] = ids.codes()[i];
            time[kept] = (int) tv[i];
            keep[i] = true;
            kept++;
        }
        double[][] sel = new double[cols.length][kept];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                for (int c = 0; c < cols.length; c++) {
                    sel[c][j] = cols[c][i];
                }
                j++;
            }
        }
        try {
            return PanelSeries.of(Arrays.copyOf(unit, kept), Arrays.copyOf(time, kept), ids.levels(), sel);
        } catch (IllegalArgumentException e) {
            problems.add(where.at("dataset", "dataset " + data.name() + ": " + e.getMessage()
                    + "; panel tests need one row per " + data.idColumn() + " and " + data.timeColumn()));
            return null;
        }
    }

    private static Map<String, Object> with(Map<String, Object> m, String k1, Object v1, String k2, Object v2) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(m);
        out.put(k1, v1);
        out.put(k2, v2);
        return out;
    }

    private static void unknownKeys(Map<String, ?> options, Set<String> allowed, Where where, Problems problems) {
        List<String> sorted = new ArrayList<>(allowed);
        sorted.sort(null);
        for (String k : options.keySet()) {
            if (!allowed.contains(k)) {
                problems.add(where.at(k, "unknown key '" + k + "'; expected one of " + String.join(", ", sorted)));
            }
        }
    }

    private static String string(Map<String, ?> o, String key, Where where, Problems problems) {
        Object v = o.get(key);
        if (v == null) {
            problems.add(where.at(key, "missing required key '" + key + "'"));
            return null;
        }
        return v.toString();
    }

    private static String choice(Map<String, ?> o, String key, String dflt, Where where, Problems problems, String... allowed) {
        Object v = o.get(key);
        if (v == null) {
            if (dflt == null) {
                problems.add(where.at(key, "missing required key '" + key + "'; expected one of " + String.join(", ", allowed)));
            }
            return dflt;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(s)) {
            problems.add(where.at(key, "expected one of " + String.join(", ", allowed) + ", found '" + v + "'"));
            return null;
        }
        return s;
    }

    private static Integer integer(Map<String, ?> o, String key, Integer dflt, int min, Where where, Problems problems) {
        Object v = o.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min
                && n.doubleValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        problems.add(where.at(key, "expected a whole number >= " + min + ", found '" + v + "'"));
        return null;
    }

    private static Boolean bool(Map<String, ?> o, String key, boolean dflt, Where where, Problems problems) {
        Object v = o.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problems.add(where.at(key, "expected true or false, found '" + v + "'"));
        return dflt;
    }
}
