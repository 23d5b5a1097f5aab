package dev.repro.index.winsor;

import dev.repro.index.api.TableRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cut points of one column in one group: how many non-missing values, the lower and upper percentile
 * values, and how many values were below and above them (and so were replaced or dropped).
 *
 * @param group "all", or the group's values as {@code year=2015} (several columns joined by ", ")
 */
public record WinsorCut(String column, String group, int n, double lowerPercent, double upperPercent,
                        double lowerCut, double upperCut, int below, int above) implements TableRow {
    public static final List<String> COLUMNS = List.of("column", "group", "n", "lowerPercent", "upperPercent",
            "lowerCut", "upperCut", "below", "above");

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", column);
        m.put("group", group);
        m.put("n", n);
        m.put("lowerPercent", lowerPercent);
        m.put("upperPercent", upperPercent);
        m.put("lowerCut", lowerCut);
        m.put("upperCut", upperCut);
        m.put("below", below);
        m.put("above", above);
        return m;
    }
}
