package dev.repro.data;

import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How each declared column of a CSV file is read (its mode, bounds and allowed values, the panel id and
 * time), decided from the study's schema before the file is opened; contradictions in the declarations
 * (min above max, a text time column, bounds on text) are reported against the study file and dropped.
 */
final class CsvColumnPlans {
    private final CsvOptions o;
    private final Problems problems;
    private final Map<String, Plan> plans = new HashMap<>();
    private String idColumn;
    private String timeColumn;

    private record Plan(CsvColumnBuilder.Mode mode, boolean required, Double min, Double max, List<String> allowed) {
    }

    CsvColumnPlans(CsvOptions options, Problems problems) {
        this.o = options;
        this.problems = problems;
        idColumn = o.idColumn();
        timeColumn = o.timeColumn();
        if (timeColumn != null && timeColumn.equals(idColumn)) {
            studyProblem(o.timeKey(), CsvMessages.idIsTime(timeColumn));
            timeColumn = null;
        }
        Set<String> names = new HashSet<>(o.schema().keySet());
        if (idColumn != null) {
            names.add(idColumn);
        }
        if (timeColumn != null) {
            names.add(timeColumn);
        }
        for (String name : names) {
            plans.put(name, plan(name, o.schema().get(name), role(name)));
        }
    }

    private CsvColumnBuilder.Role role(String name) {
        if (name.equals(idColumn)) {
            return CsvColumnBuilder.Role.ID;
        }
        return name.equals(timeColumn) ? CsvColumnBuilder.Role.TIME : CsvColumnBuilder.Role.PLAIN;
    }

    private Plan plan(String name, ColumnRule rule, CsvColumnBuilder.Role role) {
        String key = o.columnKey(name);
        ColumnRule r = rule == null ? ColumnRule.any() : rule;
        Double min = r.min();
        Double max = r.max();
        List<String> allowed = r.allowed();
        if (min != null && min.isNaN()) {
            studyProblem(key + ".min", CsvMessages.boundNotANumber("min"));
            min = null;
        }
        if (max != null && max.isNaN()) {
            studyProblem(key + ".max", CsvMessages.boundNotANumber("max"));
            max = null;
        }
        if (min != null && max != null && min > max) {
            studyProblem(key, CsvMessages.minAboveMax(min, max));
            min = null;
            max = null;
        }
        CsvColumnBuilder.Mode mode;
        if (r.type() != null) {
            mode = switch (r.type()) {
                case NUMBER -> CsvColumnBuilder.Mode.NUMBER;
                case INTEGER -> CsvColumnBuilder.Mode.INTEGER;
                case TEXT -> CsvColumnBuilder.Mode.TEXT;
            };
        } else if (min != null || max != null) {
            mode = CsvColumnBuilder.Mode.NUMBER;
        } else if (!allowed.isEmpty()) {
            boolean numeric = true;
            for (String a : allowed) {
                numeric &= Double.isFinite(DecimalParser.parse(a.strip()));
            }
            mode = numeric ? CsvColumnBuilder.Mode.NUMBER : CsvColumnBuilder.Mode.TEXT;
        } else {
            mode = CsvColumnBuilder.Mode.INFER;
        }
        if (role == CsvColumnBuilder.Role.TIME) {
            if (r.type() == ColumnRule.Type.TEXT) {
                studyProblem(key + ".type", CsvMessages.timeIsText(name));
            }
            mode = CsvColumnBuilder.Mode.INTEGER;
        } else if (role == CsvColumnBuilder.Role.ID) {
            if (r.type() == ColumnRule.Type.NUMBER) {
                studyProblem(key + ".type", CsvMessages.idIsNumber(name));
            }
            if (mode == CsvColumnBuilder.Mode.NUMBER) {
                mode = CsvColumnBuilder.Mode.INTEGER;
            }
        }
        if (mode == CsvColumnBuilder.Mode.TEXT) {
            if (min != null) {
                studyProblem(key + ".min", CsvMessages.boundOnText("min"));
                min = null;
            }
            if (max != null) {
                studyProblem(key + ".max", CsvMessages.boundOnText("max"));
                max = null;
            }
        } else if (!allowed.isEmpty()) {
            boolean integer = mode == CsvColumnBuilder.Mode.INTEGER;
            List<String> ok = new ArrayList<>();
            for (String a : allowed) {
                double v = DecimalParser.parse(a.strip());
                if (!Double.isFinite(v) || (integer && v != Math.rint(v))) {
                    studyProblem(key + ".allowed", CsvMessages.allowedNotNumber(a, name, integer));
                } else {
                    ok.add(a);
                }
            }
            allowed = ok;
        }
        return new Plan(mode, r.required(), min, max, allowed);
    }

    /** The builder of header column {@code index}; a repeated name ({@code first} false) is read as an undeclared column. */
    CsvColumnBuilder builder(int index, String name, boolean first) {
        Plan p = first ? plans.get(name) : null;
        if (p == null) {
            return new CsvColumnBuilder(index, name, CsvColumnBuilder.Role.PLAIN, CsvColumnBuilder.Mode.INFER,
                    false, null, null, List.of(), o.columnKey(name), o.datasetKey());
        }
        return new CsvColumnBuilder(index, name, role(name), p.mode(), p.required(), p.min(), p.max(),
                p.allowed(), o.columnKey(name), o.datasetKey());
    }

    /** The panel id column, or null. */
    String idColumn() {
        return idColumn;
    }

    /** The panel time column, or null (also when it was declared equal to the id). */
    String timeColumn() {
        return timeColumn;
    }

    private void studyProblem(String key, String message) {
        problems.addKey(o.studyFile(), 0, 0, key, message);
    }
}
