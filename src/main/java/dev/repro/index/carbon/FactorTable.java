package dev.repro.index.carbon;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.index.api.Report;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emission factors by fuel: the table shipped with the plugin ({@code dev/repro/index/carbon-factors.csv},
 * every value with its source), or a user table with the same columns declared as a dataset.
 * Per fuel: the unit the factors refer to (t, m3, MWh or GJ), the net calorific value in GJ per unit
 * (China: GB/T 2589 / China Energy Statistical Yearbook), the IPCC 2006 default NCV in GJ per unit, the
 * standard-coal coefficient in tce per unit, the IPCC 2006 default carbon content in kg C per GJ, the
 * oxidation factor, and for electricity and heat the emission factor in t CO2 per unit.
 */
public final class FactorTable {
    public static final String RESOURCE = "/dev/repro/index/carbon-factors.csv";
    public static final List<String> COLUMNS = List.of("fuel", "label", "unit", "ncv", "ipcc_ncv", "coal_equivalent",
            "carbon_content", "oxidation", "emission_factor");

    /** One fuel's factors; NaN where the table gives none. */
    public record Factor(String fuel, String label, String unit, double ncv, double ipccNcv, double coalEquivalent,
                         double carbonContent, double oxidation, double emissionFactor, Map<String, String> sources) {
        public Factor {
            sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    private final String source;
    private final Map<String, Factor> factors;

    private FactorTable(String source, Map<String, Factor> factors) {
        this.source = source;
        this.factors = Collections.unmodifiableMap(factors);
    }

    /** Where the table came from: the resource name or the user's file. */
    public String source() {
        return source;
    }

    public Factor get(String fuel) {
        return factors.get(fuel);
    }

    public Map<String, Factor> factors() {
        return factors;
    }

    private static FactorTable shipped;

    /** The table shipped with the plugin. */
    public static synchronized FactorTable shipped() {
        if (shipped == null) {
            try (InputStream in = FactorTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                shipped = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shipped;
    }

    static FactorTable parse(String text) {
        List<List<String>> records = records(text);
        List<String> header = records.get(0);
        Map<String, Factor> out = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            Map<String, String> cell = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cell.put(header.get(c), c < rec.size() ? rec.get(c) : "");
            }
            Map<String, String> sources = new LinkedHashMap<>();
            for (var e : cell.entrySet()) {
                if (e.getKey().endsWith("_source") && !e.getValue().isEmpty()) {
                    sources.put(e.getKey().substring(0, e.getKey().length() - "_source".length()), e.getValue());
                }
            }
            String fuel = cell.get("fuel");
            out.put(fuel, new Factor(fuel, cell.get("label"), cell.get("unit"), num(cell.get("ncv")), num(cell.get("ipcc_ncv")),
                    num(cell.get("coal_equivalent")), num(cell.get("carbon_content")), num(cell.get("oxidation")),
                    num(cell.get("emission_factor")), sources));
        }
        return new FactorTable(RESOURCE, out);
    }

    private static double num(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** RFC 4180 records of the shipped file (quoted fields, no line breaks inside quotes). */
    private static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> rec = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        f.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    rec.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(ch);
                }
            }
            rec.add(f.toString());
            out.add(rec);
        }
        return out;
    }

    /**
     * A user table: a dataset with the columns fuel and unit and any of the factor columns (missing columns and
     * empty cells fall back to the shipped table's value for that fuel); reports problems and returns null.
     */
    public static FactorTable of(Dataset ds, Located at, Problems problems) {
        int before = problems.size();
        Column fuel = Report.column(problems, ds, "fuel", at, "factors");
        if (fuel == null) {
            return null;
        }
        Map<String, NumericColumn> num = new LinkedHashMap<>();
        for (String c : List.of("ncv", "ipcc_ncv", "coal_equivalent", "carbon_content", "oxidation", "emission_factor")) {
            if (ds.has(c)) {
                NumericColumn nc = Report.numeric(problems, ds, c, at, "factors");
                if (nc != null) {
                    num.put(c, nc);
                }
            }
        }
        Column unit = ds.column("unit");
        if (problems.size() > before) {
            return null;
        }
        FactorTable base = shipped();
        Map<String, Factor> out = new LinkedHashMap<>(base.factors);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int r = 0; r < ds.rows(); r++) {
            if (fuel.isMissing(r)) {
                Report.row(problems, ds, r, at, "the fuel name is missing");
                continue;
            }
            String f = fuel.display(r);
            Integer prev = seen.put(f, r);
            if (prev != null) {
                Report.row(problems, ds, r, at, "fuel '" + f + "' appears twice (lines " + ds.line(prev) + " and " + ds.line(r) + "); keep one row per fuel");
                continue;
            }
            Factor b = base.get(f);
            String u = unit != null && !unit.isMissing(r) ? unit.display(r) : b != null ? b.unit() : null;
            if (u == null || !List.of("t", "m3", "MWh", "GJ").contains(u)) {
                Report.row(problems, ds, r, at, "fuel '" + f + "' needs a unit, one of t, m3, MWh or GJ (the unit its factors refer to)"
                        + (u == null ? "" : ", found '" + u + "'"));
                continue;
            }
            Map<String, String> sources = new LinkedHashMap<>();
            double[] v = new double[6];
            String[] names = {"ncv", "ipcc_ncv", "coal_equivalent", "carbon_content", "oxidation", "emission_factor"};
            // the shipped values fill gaps only when they refer to the same unit
            double[] fallback = b == null || !u.equals(b.unit()) ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                    : new double[] {b.ncv(), b.ipccNcv(), b.coalEquivalent(), b.carbonContent(), b.oxidation(), b.emissionFactor()};
            for (int k = 0; k < names.length; k++) {
                NumericColumn c = num.get(names[k]);
                if (c != null && !c.isMissing(r)) {
                    v[k] = c.get(r);
                    sources.put(names[k], ds.source() + " line " + ds.line(r));
                    if (!(v[k] >= 0)) {
                        Report.row(problems, ds, r, at, names[k] + " of fuel '" + f + "' is " + Report.num(v[k]) + "; factors cannot be negative");
                    }
                } else {
                    v[k] = fallback[k];
                    if (b != null && u.equals(b.unit()) && b.sources().containsKey(names[k])) {
                        sources.put(names[k], b.sources().get(names[k]));
                    }
                }
            }
            out.put(f, new Factor(f, b == null ? f : b.label(), u, v[0], v[1], v[2], v[3], v[4], v[5], sources));
        }
        if (problems.size() > before) {
            return null;
        }
        return new FactorTable(ds.source(), out);
    }
}
