package dev.repro.study;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code published:} section: the cells of a published table as printed, checked against the results. */
final class PublishedParser extends SectionParser {
    PublishedParser(String source, Problems problems) {
        super(source, problems);
    }

    PublishedTable published(String name, Node node, Map<String, ModelSpec> models, Map<String, TestSpec> tests) {
        Fields f = Fields.of(node, source, problems, "a published table with 'models' and/or 'tests'",
                "source", "mode", "stat", "stars", "enforce", "models", "tests", "results");
        if (f == null) {
            return null;
        }
        String src = f.string("source", false, null);
        String stat = f.choice("stat", "t", "t", "se");
        String modeWord = f.choice("mode", PublishedTable.Mode.GATE.word(), PublishedTable.Mode.GATE.word(), PublishedTable.Mode.COMPARE.word());
        Boolean enforce = f.bool("enforce", true);
        if (PublishedTable.Mode.COMPARE.word().equals(modeWord) && f.raw("enforce") != null && !f.raw("enforce").isNull()) {
            f.problem(f.raw("enforce"), "'enforce' applies to 'mode: gate' only; a table with 'mode: compare' is graded and never"
                    + " fails the build: remove 'enforce', or remove 'mode: compare' to make the table a gate");
        }
        List<Double> stars = new ArrayList<>(Tolerance.DEFAULT_STARS);
        Node starsNode = f.raw("stars");
        if (starsNode != null && !starsNode.isNull()) {
            stars.clear();
            for (Node item : starsNode.isList() ? starsNode.items() : List.of(starsNode)) {
                if (item.isScalar() && item.scalarType() == Node.ScalarType.NUMBER && Double.parseDouble(item.text()) > 0
                        && Double.parseDouble(item.text()) < 1) {
                    stars.add(Double.parseDouble(item.text()));
                } else {
                    f.problem(item, "expected a significance level between 0 and 1 such as 0.05, found " + item.describe());
                }
            }
        }
        List<PublishedTable.Cell> cells = new ArrayList<>();
        Node ms = f.raw("models");
        if (ms != null && !ms.isNull()) {
            if (!ms.isMap()) {
                f.problem(ms, "expected model ids mapped to their printed cells, found " + ms.describe());
            } else {
                for (var me : ms.entries().entrySet()) {
                    String model = me.getKey();
                    if (!models.containsKey(model)) {
                        f.problem(me.getValue(), "unknown model '" + model + "'" + orList(Suggest.didYouMean(model, models.keySet()), "models", models.keySet()));
                        continue;
                    }
                    publishedModel(model, me.getValue(), stat, cells);
                }
            }
        }
        Node ts = f.raw("tests");
        if (ts != null && !ts.isNull()) {
            if (!ts.isMap()) {
                f.problem(ts, "expected test ids mapped to their printed statistics, found " + ts.describe());
            } else {
                for (var te : ts.entries().entrySet()) {
                    if (!tests.containsKey(te.getKey())) {
                        f.problem(te.getValue(), "unknown test '" + te.getKey() + "'" + orList(Suggest.didYouMean(te.getKey(), tests.keySet()), "tests", tests.keySet()));
                        continue;
                    }
                    if (!te.getValue().isMap()) {
                        f.problem(te.getValue(), "expected statistics mapped to printed values such as {wbar: \"5.0576\"}, found " + te.getValue().describe());
                        continue;
                    }
                    for (var se : te.getValue().entries().entrySet()) {
                        String printed = printedCell(f, se.getValue());
                        if (printed != null) {
                            cells.add(new PublishedTable.Cell("tests." + te.getKey() + "." + se.getKey(), printed, null,
                                    se.getValue().at(source)));
                        }
                    }
                }
            }
        }
        Node rs = f.raw("results");
        if (rs != null && !rs.isNull()) {
            if (!rs.isMap()) {
                f.problem(rs, "expected results.json paths mapped to printed values, such as {\"summaries.table3.rows.ce.mean\": \"25,824\"},"
                        + " found " + rs.describe());
            } else {
                for (var re : rs.entries().entrySet()) {
                    String key = re.getKey();
                    String section = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
                    if (!RESULT_PATH.matcher(key).matches() || !RESULT_SECTIONS.contains(section)) {
                        String hint = Suggest.didYouMean(section, RESULT_SECTIONS);
                        f.problem(re.getValue(), "'" + key + "' is not a path into results.json" + hint + (hint.isEmpty() ? "; " : " ") + "expected a section ("
                                + String.join(", ", RESULT_SECTIONS) + ") and keys joined by dots, such as summaries.table3.rows.ce.mean");
                        continue;
                    }
                    String printed = printedCell(f, re.getValue());
                    if (printed != null) {
                        cells.add(new PublishedTable.Cell(key, printed, null, re.getValue().at(source)));
                    }
                }
            }
        }
        f.finish();
        if (stat == null || enforce == null || modeWord == null) {
            return null;
        }
        PublishedTable.Mode mode = modeWord.equals(PublishedTable.Mode.COMPARE.word()) ? PublishedTable.Mode.COMPARE : PublishedTable.Mode.GATE;
        return new PublishedTable(name, src, stars, enforce, mode, cells, node.at(source));
    }

    /** The top-level sections of results.json a {@code results:} cell may name. */
    private static final List<String> RESULT_SECTIONS = List.of("models", "tests", "mediation", "index", "summaries", "figures");
    private static final Pattern RESULT_PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)+");

    private void publishedModel(String model, Node node, String stat, List<PublishedTable.Cell> cells) {
        Fields f = Fields.of(node, source, problems, "printed cells such as {coefficients: {x: [\"0.12**\", \"(2.31)\"]}, nobs: \"270\"}",
                "coefficients", "constant", "nobs", "groups", "clusters", "r2", "r2Within", "adjR2", "F");
        if (f == null) {
            return;
        }
        String base = "models." + model + ".";
        Node coefs = f.raw("coefficients");
        if (coefs != null && coefs.isMap()) {
            for (var c : coefs.entries().entrySet()) {
                estimateAndStatistic(f, c.getValue(), base + "coefficients." + c.getKey() + ".", stat, cells);
            }
        } else if (coefs != null && !coefs.isNull()) {
            f.problem(coefs, "expected terms mapped to printed cells, found " + coefs.describe());
        }
        Node constant = f.raw("constant");
        if (constant != null && !constant.isNull()) {
            // a within model's constant (Stata's _cons) is results.json's models.<id>.constant
            estimateAndStatistic(f, constant, base + "constant.", stat, cells);
        }
        for (String k : List.of("nobs", "groups", "clusters", "r2", "r2Within", "adjR2", "F")) {
            Node v = f.raw(k);
            if (v != null && !v.isNull()) {
                String printed = printedCell(f, v);
                if (printed != null) {
                    cells.add(new PublishedTable.Cell(base + k, printed, null, v.at(source)));
                }
            }
        }
        f.finish();
    }

    /** A printed estimate, or [estimate, statistic], of the result at {@code term} ("models.m5.coefficients.open."). */
    private void estimateAndStatistic(Fields f, Node v, String term, String stat, List<PublishedTable.Cell> cells) {
        List<Node> parts = v.isList() ? v.items() : List.of(v);
        if (parts.isEmpty() || parts.size() > 2) {
            f.problem(v, "expected the printed estimate, or [estimate, statistic] such as [\"-4,937.897**\", \"(-2.43)\"]");
            return;
        }
        String est = printedCell(f, parts.get(0));
        if (est != null) {
            cells.add(new PublishedTable.Cell(term + "estimate", est, term + "p", parts.get(0).at(source)));
        }
        if (parts.size() == 2) {
            String st = printedCell(f, parts.get(1));
            if (st != null) {
                cells.add(new PublishedTable.Cell(term + ("se".equals(stat) ? "stdError" : "t"), st, null, parts.get(1).at(source)));
            }
        }
    }

    private static String printedCell(Fields f, Node v) {
        if (!v.isScalar() || Printed.parse(v.text()) == null) {
            f.problem(v, "expected a number as printed, such as \"-4,937.897**\", \"(-2.43)\" or \"270\", found " + v.describe());
            return null;
        }
        return v.text();
    }
}
