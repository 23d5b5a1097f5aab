package dev.repro.report;

import static dev.repro.report.TableCells.interval;
import static dev.repro.report.TableCells.label;
import static dev.repro.report.TableCells.numCell;
import static dev.repro.report.TableCells.starNote;
import static dev.repro.report.TableCells.stars;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.CoefficientResult;
import dev.repro.results.MediationEffect;
import dev.repro.results.MediationResult;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Mediation analyses, one column per path and one row per effect: a, b, the indirect effect with its bootstrap SE
 * and interval, the direct and total effects and the share mediated (effects as rows keep the table narrow).
 */
final class MediationTable implements TableKind<TableSpec.Mediation> {
    @Override
    public List<String> names() {
        return List.of("mediation");
    }

    @Override
    public TableSpec.Mediation parse(SpecFields e, TableKind.Head h) {
        e.known("paths", "stars", "decimals");
        List<String> paths = e.strList("paths", true);
        List<Double> stars = e.stars();
        int dec = e.integer("decimals", 3, 0, 10);
        e.refs("paths", e.mediation(), "mediation analysis", "mediation analyses");
        if (e.failed() || paths.isEmpty()) {
            return null;
        }
        return new TableSpec.Mediation(h.id(), h.title(), paths, stars, dec, h.labels(), h.notes(), h.siunitx());
    }

    @Override
    public Class<TableSpec.Mediation> spec() {
        return TableSpec.Mediation.class;
    }

    @Override
    public TableModel build(TableSpec.Mediation s, TableInputs in, Problems problems) {
        String key = "tables." + s.id() + ".paths";
        int before = problems.size();
        List<MediationResult> ms = new ArrayList<>();
        for (String id : s.paths()) {
            MediationResult m = in.results().mediation().get(id);
            if (m == null) {
                problems.addKey(in.source(), 0, 0, key, "no mediation result named '" + id + "'; the results hold: "
                        + (in.results().mediation().isEmpty() ? "none" : String.join(", ", in.results().mediation().keySet())));
            } else if (effect(m.indirect()) == null) {
                problems.addKey(in.source(), 0, 0, key, "mediation result '" + id + "' has no 'indirect' effect "
                        + "(a number or {estimate, se, ciLower, ciUpper, p})");
            }
            ms.add(m);
        }
        if (problems.size() > before) {
            return null;
        }
        // which effects (rows) have data in at least one path
        List<Function<MediationResult, double[]>> effects = List.of(m -> effect(m.a()), m -> effect(m.b()),
                m -> effect(m.indirect()), m -> effect(m.cPrime()), m -> effect(m.c()));
        int indirect = 2;
        String[] heads = {"a", "b", "Indirect (a \u00d7 b)", "Direct (c')", "Total (c)"};
        boolean[] has = new boolean[effects.size()];
        boolean se = false;
        boolean ci = false;
        boolean share = false;
        for (MediationResult m : ms) {
            for (int i = 0; i < effects.size(); i++) {
                has[i] |= effects.get(i).apply(m) != null;
            }
            se |= m.indirect() != null && m.indirect().se() != null;
            ci |= ci(m) != null;
            share |= effect(m.c()) != null;
        }
        // one column per path and one row per effect: eight effect columns would not fit a page (issue 15)
        List<Cell> h = new ArrayList<>();
        h.add(Cell.EMPTY);
        for (int r = 0; r < ms.size(); r++) {
            h.add(Cell.text(pathLabel(s.paths().get(r), ms.get(r), s.labels(), in)));
        }
        List<Row> body = new ArrayList<>();
        for (int i = 0; i < effects.size(); i++) {
            Function<MediationResult, double[]> effect = effects.get(i);
            if (has[i]) {
                body.add(row(heads[i], ms, m -> {
                    double[] e = effect.apply(m);
                    return e == null ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(e[0], s.decimals(), true), stars(e[1], s.starLevels()), "", ""));
                }));
            }
            if (i == indirect && se) {
                body.add(row("Bootstrap SE", ms, m -> numCell(m.indirect() == null ? null : m.indirect().se(), s.decimals(), "")));
            }
            if (i == indirect && ci) {
                body.add(row(ciHeader(ms), ms, m -> {
                    double[] c = ci(m);
                    return c == null ? Cell.EMPTY
                            : !Double.isFinite(c[0]) || !Double.isFinite(c[1]) ? Cell.MISSING : Cell.text(interval(c[0], c[1], s.decimals()));
                }));
            }
        }
        if (share) {
            body.add(row("Share mediated", ms, m -> {
                double[] ind = effect(m.indirect());
                double[] c = effect(m.c());
                return ind == null || c == null || c[0] == 0 ? Cell.EMPTY
                        : Cell.num(Num.of(Fmt.fixed(ind[0] / c[0], s.decimals(), true), "", "", ""));
            }));
        }
        List<Label> notes = new ArrayList<>();
        StringBuilder n = new StringBuilder("a: treatment on mediator; b: mediator on outcome given the treatment; "
                + "indirect effect a \u00d7 b; direct effect c'; total effect c.");
        MediationResult first = ms.get(0);
        if (first.replications() != null || first.ciMethod() != null || first.seed() != null) {
            n.append(" Bootstrap");
            if (first.replications() != null) {
                n.append(" with ").append(Fmt.integer(first.replications(), true)).append(" replications");
            }
            if (first.ciMethod() != null) {
                n.append(", ").append(first.ciMethod()).append(" confidence interval");
            }
            if (first.seed() != null) {
                n.append(", seed ").append(Fmt.integer(first.seed(), false));
            }
            n.append('.');
        }
        notes.add(Label.plain(n.toString()));
        if (!s.starLevels().isEmpty()) {
            notes.add(starNote(s.starLevels()));
        }
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), h.size() - 1, List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    /** One effect's row: its label, then its cell for each path. */
    private static Row row(String label, List<MediationResult> ms, Function<MediationResult, Cell> cell) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.text(label));
        for (MediationResult m : ms) {
            cells.add(cell.apply(m));
        }
        return Row.of(RowKind.SUMMARY, cells);
    }

    private static String ciHeader(List<MediationResult> ms) {
        Double level = ms.get(0).level();
        return (level == null ? "95" : Fmt.significant(level * 100, 4, false)) + "% CI";
    }



    /** The table's own label for the path id, else "treatment \u2192 mediator \u2192 outcome" from the result. */
    private static Label pathLabel(String id, MediationResult m, Map<String, Label> labels, TableInputs in) {
        if (labels.containsKey(id)) {
            return label(id, labels, in);
        }
        List<Label> parts = new ArrayList<>();
        for (String v : new String[] {m.treatment(), m.mediator(), m.outcome()}) {
            if (v != null) {
                parts.add(label(v, labels, in));
            }
        }
        if (parts.size() < 2) {
            return Label.plain(id);
        }
        StringBuilder text = new StringBuilder();
        StringBuilder tex = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                text.append(" \u2192 ");
                tex.append(" $\\rightarrow$ ");
            }
            text.append(parts.get(i).text());
            tex.append(Escape.tex(parts.get(i)));
        }
        return new Label(text.toString(), tex.toString());
    }

    /** {estimate, p} of a regression coefficient of the analysis; null when absent. */
    static double[] effect(CoefficientResult c) {
        // present but not computed: NaN, shown as n/a (never as 0)
        return c == null ? null : new double[] {c.estimate(), c.p()};
    }

    /** {estimate, p} of an effect (p NaN without a bootstrap); null when absent. */
    static double[] effect(MediationEffect e) {
        return e == null ? null
                : new double[] {e.estimate() == null ? Double.NaN : e.estimate(), e.p() == null ? Double.NaN : e.p()};
    }

    /** The bootstrap interval of the indirect effect, or null. */
    private static double[] ci(MediationResult m) {
        MediationEffect ind = m.indirect();
        return ind == null || ind.ciLower() == null || ind.ciUpper() == null ? null : new double[] {ind.ciLower(), ind.ciUpper()};
    }

    @Override
    public String describe(TableSpec.Mediation s) {
        return "mediation, paths " + String.join(", ", s.paths());
    }

    @Override
    public Reads inputs(TableSpec.Mediation s) {
        return new Reads("mediation", s.paths());
    }
}
