package dev.repro.index.entropy;

import dev.repro.index.api.TableRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One indicator's row of the weights table (seed paper Table 1): within its scope (all rows, or one year),
 * the range used for min-max normalisation, the entropy e_j, the divergence d_j = 1 - e_j and the weight
 * w_j = d_j / sum d.
 *
 * @param scope "all" for pooled weighting, else the year
 * @param constant true when the indicator does not vary in the scope (normalised to 0, weight 0)
 */
public record EntropyWeight(String indicator, String group, String direction, String scope, int n,
                            double min, double max, double entropy, double divergence, double weight,
                            boolean constant) implements TableRow {

    public static final List<String> COLUMNS = List.of("indicator", "group", "direction", "scope", "n", "min", "max",
            "entropy", "divergence", "weight", "constant");

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indicator", indicator);
        m.put("group", group);
        m.put("direction", direction);
        m.put("scope", scope);
        m.put("n", n);
        m.put("min", min);
        m.put("max", max);
        m.put("entropy", entropy);
        m.put("divergence", divergence);
        m.put("weight", weight);
        m.put("constant", constant);
        return m;
    }
}
