package dev.repro.index.carbon;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Physical units of energy statistics as written in the study: an optional multiplier ({@code 1e4},
 * {@code 10^4}, {@code 10000}) and a base unit, e.g. {@code "1e4 t"} (the yearbooks' 10^4 tons),
 * {@code "1e8 m3"}, {@code "1e8 kWh"}, {@code "1e4 GJ"}. Each unit converts to the base of its dimension:
 * tons, cubic metres, MWh or GJ.
 */
public final class Units {
    private Units() {
    }

    public enum Dimension {
        MASS("t"), VOLUME("m3"), ELECTRICITY("MWh"), ENERGY("GJ");

        private final String base;

        Dimension(String base) {
            this.base = base;
        }

        /** The unit factors refer to. */
        public String base() {
            return base;
        }
    }

    /** A parsed unit: {@code toBase} of its dimension's base per one unit. */
    public record Unit(String text, Dimension dimension, double toBase) {
    }

    private static final Map<String, Unit> BASE = Map.ofEntries(
            Map.entry("kg", new Unit("kg", Dimension.MASS, 1e-3)),
            Map.entry("t", new Unit("t", Dimension.MASS, 1)),
            Map.entry("kt", new Unit("kt", Dimension.MASS, 1e3)),
            Map.entry("Mt", new Unit("Mt", Dimension.MASS, 1e6)),
            Map.entry("m3", new Unit("m3", Dimension.VOLUME, 1)),
            Map.entry("kWh", new Unit("kWh", Dimension.ELECTRICITY, 1e-3)),
            Map.entry("MWh", new Unit("MWh", Dimension.ELECTRICITY, 1)),
            Map.entry("GWh", new Unit("GWh", Dimension.ELECTRICITY, 1e3)),
            Map.entry("TWh", new Unit("TWh", Dimension.ELECTRICITY, 1e6)),
            Map.entry("MJ", new Unit("MJ", Dimension.ENERGY, 1e-3)),
            Map.entry("GJ", new Unit("GJ", Dimension.ENERGY, 1)),
            Map.entry("TJ", new Unit("TJ", Dimension.ENERGY, 1e3)),
            Map.entry("PJ", new Unit("PJ", Dimension.ENERGY, 1e6)));

    /** The base units accepted after the multiplier, for messages. */
    public static final List<String> NAMES = List.of("kg", "t", "kt", "Mt", "m3", "kWh", "MWh", "GWh", "TWh", "MJ", "GJ", "TJ", "PJ");

    /** The unit, or null when the text is not a multiplier and a known unit. */
    public static Unit parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        int space = s.lastIndexOf(' ');
        double multiplier = 1;
        String unit = s;
        if (space > 0) {
            Double m = multiplier(s.substring(0, space).trim());
            if (m == null) {
                return null;
            }
            multiplier = m;
            unit = s.substring(space + 1);
        }
        Unit base = BASE.get(unit);
        if (base == null) {
            return null;
        }
        return new Unit(s, base.dimension(), multiplier * base.toBase());
    }

    private static Double multiplier(String m) {
        String s = m.toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            if (s.startsWith("10^")) {
                int e = Integer.parseInt(s.substring(3));
                return e >= -12 && e <= 18 ? Math.pow(10, e) : null;
            }
            double d = Double.parseDouble(s);
            return d > 0 && !Double.isInfinite(d) && !s.endsWith("d") && !s.endsWith("f") ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
