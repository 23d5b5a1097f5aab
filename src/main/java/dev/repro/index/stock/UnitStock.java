package dev.repro.index.stock;

import dev.repro.index.api.TableRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One panel unit's start of the perpetual inventory: its years, the g used and the initial stock. */
public record UnitStock(String unit, long firstYear, long lastYear, int years, double growth, double initialStock)
        implements TableRow {
    public static final List<String> COLUMNS = List.of("unit", "firstYear", "lastYear", "years", "growth", "initialStock");

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit);
        m.put("firstYear", firstYear);
        m.put("lastYear", lastYear);
        m.put("years", years);
        m.put("growth", growth);
        m.put("initialStock", initialStock);
        return m;
    }
}
