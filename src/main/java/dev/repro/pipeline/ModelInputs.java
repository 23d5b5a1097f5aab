package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.formula.Formula;
import dev.repro.formula.FormulaException;
import dev.repro.formula.ModelFrame;
import dev.repro.formula.SampleFilter;
import dev.repro.study.Located;
import dev.repro.study.ModelSpec;
import dev.repro.study.Problem;
import dev.repro.study.Problems;
import java.util.ArrayList;
import java.util.List;

/** Parses a model's formula and sample and builds its estimation frame, reporting problems at their study keys. */
final class ModelInputs {
    private ModelInputs() {
    }

    static Formula formula(String text, Located at, Problems problems) {
        try {
            return Formula.parse(text);
        } catch (FormulaException e) {
            problems.add(syntax(at, "formula", text, e));
            return null;
        }
    }

    static SampleFilter sample(String text, Located at, Problems problems) {
        if (text == null) {
            return null;
        }
        try {
            return SampleFilter.parse(text);
        } catch (FormulaException e) {
            problems.add(syntax(at, "sample", text, e));
            return null;
        }
    }

    static Problem syntax(Located at, String what, String text, FormulaException e) {
        return at.problem(what + " \"" + text + "\": " + e.getMessage() + System.lineSeparator() + e.caret());
    }

    /** The frame of a linear model: formula, sample, clusters and the panel id; null after problems. */
    static ModelFrame frame(ModelSpec m, Dataset d, Problems problems) {
        int before = problems.size();
        Formula f = formula(m.formula(), m.where("formula"), problems);
        SampleFilter s = sample(m.sample(), m.where("sample"), problems);
        if (problems.size() > before || f == null) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        boolean clustersOk = true;
        for (String c : m.vcov().clusters()) {
            if (d.column(c) == null) {
                String hint = dev.repro.study.Suggest.didYouMean(c, d.columnNames());
                problems.add(m.where("vcov").problem("unknown cluster variable '" + c + "' in dataset " + d.name()
                        + (hint.isEmpty() ? "; its columns are: " + String.join(", ", d.columnNames()) : hint)));
                clustersOk = false;
            } else {
                groups.add(c);
            }
        }
        if (d.idColumn() != null && !groups.contains(d.idColumn())) {
            groups.add(d.idColumn());
        }
        ModelFrame frame = ModelFrame.build(f, d, m.where("formula"), s, m.where("sample"), groups, problems);
        return clustersOk ? frame : null;
    }
}
