package dev.repro.index.carbon;

import dev.repro.index.api.TableRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The factor one source was multiplied by: for a fuel, the energy per table unit (GJ), carbon content
 * (kg C/GJ), oxidation and the resulting t CO2 per table unit; for electricity and heat the emission factor
 * (NaN when it comes from a column, row by row). {@code perInputUnit} is t CO2 per unit of the data column.
 */
public record EmissionFactor(String source, String column, String inputUnit, String tableUnit, double energy,
                             double carbonContent, double oxidation, double co2PerTableUnit, double co2PerInputUnit,
                             String references) implements TableRow {
    public static final List<String> COLUMNS = List.of("source", "column", "inputUnit", "tableUnit", "energy", "carbonContent",
            "oxidation", "co2PerTableUnit", "co2PerInputUnit", "references");

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("column", column);
        m.put("inputUnit", inputUnit);
        m.put("tableUnit", tableUnit);
        m.put("energy", energy);
        m.put("carbonContent", carbonContent);
        m.put("oxidation", oxidation);
        m.put("co2PerTableUnit", co2PerTableUnit);
        m.put("co2PerInputUnit", co2PerInputUnit);
        m.put("references", references);
        return m;
    }
}
