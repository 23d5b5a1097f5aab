package dev.repro.index.quality;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.index.api.ParseContext;
import dev.repro.index.api.StepKind;
import dev.repro.index.api.StepResult;
import java.util.List;

/** The {@code export-quality} step: export quality by demand inversion ({@link ExportQuality}). */
public final class ExportQualityKind implements StepKind<ExportQualitySpec> {
    @Override
    public String name() {
        return ExportQualitySpec.KIND;
    }

    @Override
    public Class<ExportQualitySpec> specType() {
        return ExportQualitySpec.class;
    }

    @Override
    public ExportQualitySpec parse(ParseContext context, Fields f, Located at, String output) {
        f.allow("dataset", "column", "region", "product", "year", "value", "quantity", "elasticities", "normalization", "detail");
        String dataset = context.datasetRef(f, "dataset");
        String column = ParseContext.orDefault(f.string("column", false, null), "quality");
        String region = f.string("region", true, "name the region column, e.g. region: province");
        String product = f.string("product", true, "name the product code column, e.g. product: hs6");
        String year = f.string("year", true, "name the year column");
        String value = f.string("value", true, "name the export value column");
        String quantity = f.string("quantity", true, "name the export quantity column");
        String normalization = f.choice("normalization", "product-year", "product-year", "product");
        ExportQualitySpec.Elasticities el = elasticities(context, f);
        String detail = f.has("detail") ? context.newName(f, "detail", false) : null;
        if (dataset == null || region == null || product == null || year == null || value == null || quantity == null || normalization == null
                || el == null || (detail == null && f.has("detail"))) {
            return null;
        }
        if (column.equals(region) || column.equals(year)) {
            f.problem(f.raw("column"), "the quality column must not be named like the region or year column");
            return null;
        }
        return new ExportQualitySpec(at, dataset, output, column, region, product, year, value, quantity, el,
                normalization.equals("product") ? QualityEstimate.Normalization.PRODUCT : QualityEstimate.Normalization.PRODUCT_YEAR, detail);
    }

    private static ExportQualitySpec.Elasticities elasticities(ParseContext context, Fields parent) {
        Node n = parent.raw("elasticities");
        if (n == null || n.isNull()) {
            parent.missing("elasticities", "name the dataset of sigma by product code, e.g. elasticities: {dataset: sigma, code: hs, sigma: sigma}");
            return null;
        }
        Fields f = context.fields(n, "elasticities such as {dataset: sigma, code: hs, sigma: sigma}", "dataset", "code", "sigma", "digits");
        if (f == null) {
            return null;
        }
        String dataset = context.datasetRef(f, "dataset");
        String code = f.string("code", true, "name the product code column of the elasticities");
        String sigma = f.string("sigma", true, "name the elasticity column");
        Integer digits = f.integer("digits", 0, 0, 20);
        f.finish();
        if (dataset == null || code == null || sigma == null || digits == null) {
            return null;
        }
        return new ExportQualitySpec.Elasticities(dataset, code, sigma, digits);
    }

    @Override
    public StepResult build(ExportQualitySpec spec, List<Dataset> inputs, Problems problems) {
        // the elasticities are a second input unless they are columns of the flows' own dataset
        Dataset elasticities = inputs.size() > 1 ? inputs.get(1) : inputs.get(0);
        ExportQuality.QualityResult r = ExportQuality.build(spec, inputs.get(0), elasticities, problems);
        return r == null ? null : r.step();
    }
}
