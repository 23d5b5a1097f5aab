package dev.repro.index.quality;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.diag.Located;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Export quality by demand inversion (seed paper section 4.1.3, eq. 1-5), from export flows with value and
 * quantity at region x product x year level or finer (firm-level rows are summed to cells first).
 *
 * @param dataset the flows
 * @param output the region-year dataset this step creates
 * @param column name of the quality column (also the prefix of {@code <column>_products} and {@code <column>_value})
 * @param region, product, year, value, quantity columns of the flows
 * @param elasticities where sigma comes from
 * @param normalization min-max groups; the paper's "for an HS code product h every year" is PRODUCT_YEAR (default)
 * @param detail name of an extra dataset with one row per region-product-year cell, or null
 */
public record ExportQualitySpec(Located at, String dataset, String output, String column, String region, String product,
                                String year, String value, String quantity, Elasticities elasticities,
                                QualityEstimate.Normalization normalization, String detail) implements IndexStepSpec {
    public static final String KIND = "export-quality";

    /**
     * Elasticities of substitution by product code (e.g. Broda and Weinstein 2006), joined on the product code
     * as text; with {@code digits > 0}, on the first {@code digits} characters of the product code (HS6 flows,
     * HS3 elasticities). Keep codes as text (declare {type: text}) so that leading zeros survive.
     */
    public record Elasticities(String dataset, String code, String sigma, int digits) {
        public Elasticities {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(sigma, "sigma");
            if (digits < 0) {
                throw new IllegalArgumentException("digits must be >= 0");
            }
        }
    }

    public ExportQualitySpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(elasticities, "elasticities");
        Objects.requireNonNull(normalization, "normalization");
        if (column.equals(region) || column.equals(year)) {
            throw new IllegalArgumentException("the quality column must differ from the region and year columns");
        }
        if (output.equals(detail)) {
            throw new IllegalArgumentException("output and detail must be different datasets");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> extraOutputs() {
        return detail == null ? List.of() : List.of(detail);
    }

    @Override
    public List<String> inputs() {
        List<String> in = new ArrayList<>(List.of(dataset));
        if (!elasticities.dataset().equals(dataset)) {
            in.add(elasticities.dataset());
        }
        return in;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("column", column);
        m.put("region", region);
        m.put("product", product);
        m.put("year", year);
        m.put("value", value);
        m.put("quantity", quantity);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("dataset", elasticities.dataset());
        e.put("code", elasticities.code());
        e.put("sigma", elasticities.sigma());
        e.put("digits", elasticities.digits());
        m.put("elasticities", e);
        m.put("normalization", normalization.keyword());
        m.put("detail", detail);
        m.put("fixedEffects", List.of("product", "region-year"));
        return m;
    }
}
