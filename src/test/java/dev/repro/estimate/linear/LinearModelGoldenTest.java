package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden values from R plm 2.6.2 with the Stata small-sample factors applied explicitly
 * (src/test/golden/linear/golden.R): Grunfeld (inv ~ value + capital) and Produc
 * (log(gsp) ~ log(pc) + log(emp) + unemp), each full, unbalanced (every 7th row dropped) and short (3 years);
 * pooled OLS, one-way FE, two-way FE, Swamy-Arora RE; iid, hc1, cluster(id), cluster(year), cluster(id, year);
 * conventions stata, fixest, plm and none.
 */
class LinearModelGoldenTest {
    /** Relative tolerances: every golden value is observed to agree within 1e-11; 1e-10 leaves room. */
    static final double TOL_COEF = 1e-10;
    static final double TOL_SE = 1e-10;
    static final double TOL_STAT = 1e-10;

    record Key(String dataset, String sample, String model, String vcov, String dof) {
        @Override
        public String toString() {
            return dataset + "/" + sample + "/" + model + "/" + vcov + "/" + dof;
        }
    }

    record Expected(String quantity, String term, double value) {
    }

    static Map<Key, List<Expected>> golden() {
        TestData g = TestData.read("/linear/golden.csv");
        Map<Key, List<Expected>> out = new LinkedHashMap<>();
        for (String[] r : g.rows) {
            Key k = new Key(r[0], r[1], r[2], r[3], r[4]);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(new Expected(r[5], r[6], Double.parseDouble(r[7])));
        }
        return out;
    }

    static Stream<Key> keys() {
        return golden().keySet().stream();
    }

    /** The data of a golden case: y, regressors and the id/year effects, after the sample rule of golden.R. */
    record Case(String dependent, double[] y, List<String> names, double[][] x, Effect id, Effect year) {
    }

    static Case data(String dataset, String sample) {
        TestData d = TestData.read("/datasets/" + dataset + ".csv");
        double[] years = d.numbers("year");
        double minYear = Double.POSITIVE_INFINITY;
        for (double v : years) {
            minYear = Math.min(minYear, v);
        }
        double first = minYear;
        TestData s = switch (sample) {
            case "full" -> d;
            case "unbal" -> d.filter(i -> (i + 1) % 7 != 0);
            case "short" -> d.filter(i -> years[i] <= first + 2);
            default -> throw new IllegalArgumentException(sample);
        };
        if (dataset.equals("grunfeld")) {
            return new Case("inv", s.numbers("inv"), List.of("value", "capital"),
                new double[][] {s.numbers("value"), s.numbers("capital")}, rename(s.effect("firm"), "id"), s.effect("year"));
        }
        return new Case("log(gsp)", log(s.numbers("gsp")), List.of("log(pc)", "log(emp)", "unemp"),
            new double[][] {log(s.numbers("pc")), log(s.numbers("emp")), s.numbers("unemp")},
            rename(s.effect("state"), "id"), s.effect("year"));
    }

    static Effect rename(Effect e, String name) {
        return new Effect(name, e.codes(), e.levels());
    }

    static double[] log(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.log(v[i]);
        }
        return o;
    }

    static LinearFit fit(Case c, String model, String vcov, String dof) {
        List<String> errors = new ArrayList<>();
        Covariance.Spec spec = Covariance.parse(vcov, errors::add);
        assertNotNull(spec, errors.toString());
        List<Effect> cl = new ArrayList<>();
        for (String name : spec.clusterColumns()) {
            cl.add(name.equals("id") ? c.id() : c.year());
        }
        Covariance cov = new Covariance(spec.kind(), cl);
        LinearOptions o = LinearOptions.defaults().withSmallSample(SmallSample.parse(dof)).withPanel(c.id());
        List<Effect> absorb = switch (model) {
            case "ols", "re" -> List.of();
            case "fe1" -> List.of(c.id());
            case "fe2" -> List.of(c.id(), c.year());
            default -> throw new IllegalArgumentException(model);
        };
        if (model.equals("re")) {
            o = o.withEstimator(Estimator.RANDOM);
        }
        return LinearModel.fit(new LinearProblem(c.dependent(), c.y(), c.names(), c.x(), absorb, cov, o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void matchesR(Key key) {
        Case c = data(key.dataset(), key.sample());
        LinearFit f = fit(c, key.model(), key.vcov(), key.dof());
        assertTrue(f.dropped().isEmpty(), "nothing collinear");
        for (Expected e : golden().get(key)) {
            String what = key + " " + e.quantity() + " " + e.term();
            switch (e.quantity()) {
                case "estimate" -> close(e.value(), f.coefficient(e.term()).estimate(), TOL_COEF, what);
                case "stdError" -> close(e.value(), f.coefficient(e.term()).stdError(), TOL_SE, what);
                case "dfTest" -> assertEquals((int) e.value(), f.dfTest(), what);
                case "dfResid" -> assertEquals((int) e.value(), f.dfResid(), what);
                case "nobs" -> assertEquals((int) e.value(), f.nobs(), what);
                case "F" -> {
                    if (Double.isNaN(e.value())) {
                        assertTrue(Double.isNaN(f.fStat()), what + ": F should be missing, got " + f.fStat());
                    } else {
                        close(e.value(), f.fStat(), TOL_STAT, what);
                    }
                }
                case "r2" -> close(e.value(), f.r2(), TOL_STAT, what);
                case "r2Within" -> close(e.value(), f.r2Within(), TOL_STAT, what);
                case "adjR2" -> close(e.value(), f.adjR2(), TOL_STAT, what);
                case "sigma2Idiosyncratic" -> close(e.value(), f.randomEffects().sigma2Idiosyncratic(), TOL_STAT, what);
                case "sigma2Individual" -> close(e.value(), f.randomEffects().sigma2Individual(), TOL_STAT, what);
                case "thetaMin" -> close(e.value(), f.randomEffects().thetaMin(), TOL_STAT, what);
                case "thetaMax" -> close(e.value(), f.randomEffects().thetaMax(), TOL_STAT, what);
                case "hausman" -> close(e.value(), hausman(c, f), 1e-8, what);
                default -> throw new IllegalArgumentException("unknown golden quantity " + e.quantity());
            }
        }
    }

    /** (b - B)'(V_b - V_B)^-1 (b - B) from the exposed pieces (plm::phtest), b = FE with iid vcov, B = RE. */
    static double hausman(Case c, LinearFit re) {
        LinearFit fe = fit(c, "fe1", "iid", "stata");
        List<String> terms = fe.slopeNames();
        double[] b = fe.estimates(terms);
        double[] bb = re.estimates(terms);
        double[][] vb = fe.vcov(terms);
        double[][] vB = re.vcov(terms);
        int k = terms.size();
        double[][] d = new double[k][k];
        double[] q = new double[k];
        for (int i = 0; i < k; i++) {
            q[i] = b[i] - bb[i];
            for (int j = 0; j < k; j++) {
                d[i][j] = vb[i][j] - vB[i][j];
            }
        }
        double[] sol = new LUDecomposition(
            new Array2DRowRealMatrix(d)).getSolver().solve(
            new ArrayRealVector(q)).toArray();
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += q[i] * sol[i];
        }
        return s;
    }

    static void close(double expected, double actual, double rel, String what) {
        double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
        assertTrue(err <= rel, what + ": expected " + expected + ", got " + actual + " (relative error " + err + ")");
    }
}
