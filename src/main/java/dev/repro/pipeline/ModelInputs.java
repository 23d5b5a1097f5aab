package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.numeric.Effect;
import dev.repro.formula.Formula;
import dev.repro.formula.ModelFrame;
import dev.repro.formula.SampleFilter;
import dev.repro.diag.Located;
import dev.repro.study.ModelSpec;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses a model's formula and sample and builds its estimation sample, reporting problems at their study keys. */
final class ModelInputs {
    private ModelInputs() {
    }

    /**
     * The complete rows of a model, ready for an estimator. The arrays may be the dataset's own columns (see
     * {@link ModelFrame}): read only.
     */
    static final class Frame {
        private final String dependent;
        private final double[] y;
        private final List<String> names;
        private final double[][] x;
        private final List<Effect> absorb;
        private final List<Effect> clusters;
        private final Effect panel;
        private final List<String> notes;
        /** Null until asked for when the frame has every dataset row in order (the row numbers are then 0..n-1). */
        private int[] rows;

        /**
         * @param clusters the cluster variables of the covariance, in the order written
         * @param panel the dataset's panel unit over the rows, or null when the dataset has no id
         * @param rows the dataset row of each observation, or null when observation i is dataset row i
         * @param notes factor levels left out because a fixed effect absorbs them (for the build log)
         */
        Frame(String dependent, double[] y, List<String> names, double[][] x, List<Effect> absorb, List<Effect> clusters, Effect panel,
              int[] rows, List<String> notes) {
            this.dependent = dependent;
            this.y = y;
            this.names = names;
            this.x = x;
            this.absorb = absorb;
            this.clusters = clusters;
            this.panel = panel;
            this.rows = rows;
            this.notes = notes;
        }

        String dependent() {
            return dependent;
        }

        /** At most the bytes its arrays take (columns shared with the dataset counted too, each effect once). */
        long bytes() {
            long b = 8L * y.length;
            for (double[] c : x) {
                b += 8L * c.length;
            }
            Set<Effect> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (List<Effect> list : List.of(absorb, clusters, panel == null ? List.<Effect>of() : List.of(panel))) {
                for (Effect e : list) {
                    if (seen.add(e)) {
                        b += 4L * e.codes().length;
                    }
                }
            }
            return b + (rows == null ? 0 : 4L * rows.length);
        }

        double[] y() {
            return y;
        }

        List<String> names() {
            return names;
        }

        double[][] x() {
            return x;
        }

        List<Effect> absorb() {
            return absorb;
        }

        List<Effect> clusters() {
            return clusters;
        }

        Effect panel() {
            return panel;
        }

        List<String> notes() {
            return notes;
        }

        /** The dataset row of each observation; made on first use when they are 0..n-1 (most models never ask). */
        synchronized int[] rows() {
            if (rows == null) {
                rows = new int[y.length];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = i;
                }
            }
            return rows;
        }

        int nobs() {
            return y.length;
        }
    }

    /** The frame of a linear model: formula, sample, clusters and the panel id; null after problems. */
    static Frame frame(ModelSpec m, Dataset d, Problems problems) {
        return frame(m, d, false, problems);
    }

    /**
     * As {@link #frame(ModelSpec, Dataset, Problems)}; with {@code instruments} the formula may end with an instruments
     * part ({@code | endog ~ z}), whose endogenous regressors and instruments are the last columns of {@code x}.
     */
    static Frame frame(ModelSpec m, Dataset d, boolean instruments, Problems problems) {
        return frame(m.formula(), m.where("formula"), m.sample(), m.where("sample"), m.vcov().clusters(), m.where("vcov"), d, instruments,
                problems);
    }

    static Frame frame(String formula, Located formulaAt, String sample, Located sampleAt, List<String> clusters, Located clusterAt,
                       Dataset d, Problems problems) {
        return frame(formula, formulaAt, sample, sampleAt, clusters, clusterAt, d, false, problems);
    }

    private static Frame frame(String formula, Located formulaAt, String sample, Located sampleAt, List<String> clusters, Located clusterAt,
                               Dataset d, boolean instruments, Problems problems) {
        int before = problems.size();
        Optional<Formula> f = instruments ? Formula.parseWithInstruments(formula, formulaAt, problems) : Formula.parse(formula, formulaAt, problems);
        Optional<SampleFilter> s = sample == null ? Optional.empty() : SampleFilter.parse(sample, sampleAt, problems);
        if (s.isPresent()) {
            s.get().check(d, sampleAt, problems);
        }
        for (String c : clusters) {
            if (!d.has(c)) {
                String hint = Suggest.didYouMean(c, d.columnNames());
                problems.add(clusterAt.problem("unknown cluster variable '" + c + "' in dataset " + d.name()
                        + (hint.isEmpty() ? "; its columns are: " + String.join(", ", d.columnNames()) : hint)));
            }
        }
        if (problems.size() > before || f.isEmpty()) {
            if (f.isPresent()) {
                f.get().check(d, formulaAt, problems); // report the formula's own mistakes too
            }
            return null;
        }
        List<String> groups = new ArrayList<>(clusters);
        String id = d.idColumn();
        if (id != null && !groups.contains(id)) {
            groups.add(id);
        }
        Optional<ModelFrame> built = ModelFrame.build(f.get(), d, s.orElse(null), groups, formulaAt, sampleAt, problems);
        if (built.isEmpty()) {
            return null;
        }
        ModelFrame mf = built.get().completeCases();
        List<Effect> all = mf.clusterEffects();
        List<Effect> cl = new ArrayList<>(all.subList(0, clusters.size()));
        Effect panel = id == null ? null : all.get(groups.indexOf(id));
        return new Frame(mf.dependent(), mf.y(), mf.regressors(), mf.x(), mf.absorb(), cl, panel, mf.allDatasetRows() ? null : mf.rows(),
                mf.notes());
    }
}
