package dev.repro.index.stock;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.diag.Located;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stock built from flows by the perpetual inventory method (seed paper eq. 6-7): real flow
 * E_t = nominal_t / price level_t, initial stock by {@link Initial}, then K_t = E_t + (1 - delta) K_{t-1}
 * along each panel unit's consecutive years.
 *
 * @param column name of the stock column to add
 * @param flow the nominal (or, without a deflator, real) flow column
 * @param id panel unit column; null = the dataset's id column
 * @param time year column; null = the dataset's time column
 * @param deflator the price index, or null when the flow is already real
 * @param delta depreciation rate, {@code 0 <= delta <= 1} (the paper: 0.15)
 * @param growth g of the initial stock: a fixed rate (the paper: 0.05) or each unit's average growth of real flows
 * @param initial the rule for the first year's stock
 * @param realFlow name of a column to receive the real flow, or null
 */
public record PerpetualInventorySpec(Located at, String dataset, String output, String column, String flow, String id,
                                     String time, Deflator deflator, double delta, Growth growth, Initial initial,
                                     String realFlow) implements IndexStepSpec {
    public static final String KIND = "perpetual-inventory";

    /** The price index that turns nominal flows into real ones. */
    public record Deflator(String column, Kind kind, Integer base, double scale) {
        public enum Kind {
            /**
             * An index level on any base: real = nominal * P(base) / P(t) with P(base) the unit's own value in the base
             * year; without a base year, real = nominal * scale / P(t) (the index already equals scale in the base year).
             */
            LEVEL("level"),
            /** Previous year = scale (e.g. 100, the yearbooks' "preceding year = 100"), chained to the base year. */
            CHAINED("chained");

            private final String keyword;

            Kind(String keyword) {
                this.keyword = keyword;
            }

            public String keyword() {
                return keyword;
            }
        }

        public Deflator {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(kind, "kind");
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("deflator scale must be positive, was " + scale);
            }
            if (kind == Kind.CHAINED && base == null) {
                throw new IllegalArgumentException("a chained index needs a base year");
            }
        }
    }

    /** The g of the initial stock. */
    public record Growth(Method method, double rate) {
        public enum Method {
            /** The given rate for every unit. */
            FIXED("fixed"),
            /** (E_last / E_first)^(1 / (T - 1)) - 1 of the unit's real flows. */
            GEOMETRIC("geometric"),
            /** The mean of E_t / E_{t-1} - 1 over the unit's years. */
            ARITHMETIC("arithmetic");

            private final String keyword;

            Method(String keyword) {
                this.keyword = keyword;
            }

            public String keyword() {
                return keyword;
            }
        }

        public Growth {
            Objects.requireNonNull(method, "method");
            if (method == Method.FIXED && !(rate > -1) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("growth rate must be > -1, was " + rate);
            }
        }

        public static Growth fixed(double g) {
            return new Growth(Method.FIXED, g);
        }
    }

    public enum Initial {
        /** K_1 = E_1 (1 + g) / (1 + delta): the seed paper's equation 6 as printed. */
        PAPER("paper"),
        /** K_1 = E_1 / (g + delta): the steady-state rule (Griliches 1980; Hall and Mairesse 1995). */
        STEADY_STATE("steady-state");

        private final String keyword;

        Initial(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public PerpetualInventorySpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(growth, "growth");
        Objects.requireNonNull(initial, "initial");
        if (!(delta >= 0 && delta <= 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1], was " + delta);
        }
        if (initial == Initial.STEADY_STATE && growth.method() == Growth.Method.FIXED && !(growth.rate() + delta > 0)) {
            throw new IllegalArgumentException("the steady-state rule needs g + delta > 0");
        }
        if (column.equals(realFlow)) {
            throw new IllegalArgumentException("stock and real flow columns must differ");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> inputs() {
        return List.of(dataset);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("column", column);
        m.put("flow", flow);
        m.put("id", id);
        m.put("time", time);
        if (deflator != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("column", deflator.column());
            d.put("kind", deflator.kind().keyword());
            d.put("base", deflator.base());
            d.put("scale", deflator.scale());
            m.put("deflator", d);
        } else {
            m.put("deflator", null);
        }
        m.put("delta", delta);
        m.put("growth", growth.method() == Growth.Method.FIXED ? (Object) growth.rate() : growth.method().keyword());
        m.put("initial", initial.keyword());
        m.put("realFlow", realFlow);
        return m;
    }
}
