package dev.repro.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The frame, axes and ticks every figure shares; coordinates are formatted with {@link Fmt#coord}. */
final class Plot {
    private Plot() {
    }

    static Map<String, Object> frame(double w, double h, double ml, double mt, double pw, double ph) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", Fmt.coord(w));
        m.put("height", Fmt.coord(h));
        m.put("x0", Fmt.coord(ml));
        m.put("x1", Fmt.coord(ml + pw));
        m.put("y0", Fmt.coord(mt));
        m.put("y1", Fmt.coord(mt + ph));
        m.put("xmid", Fmt.coord(ml + pw / 2));
        m.put("ymid", Fmt.coord(mt + ph / 2));
        m.put("xlabelY", Fmt.coord(mt + ph + 40));
        m.put("tickY", Fmt.coord(mt + ph + 18));
        m.put("ylabelX", Fmt.coord(18));
        return m;
    }

    /** The y ticks at the given values (as results.json holds them). */
    static List<Map<String, Object>> yticks(Axis a, List<Double> ticks, double mt, double ph) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (double t : ticks) {
            out.add(Map.of("y", Fmt.coord(mt + ph * (1 - a.frac(t))), "label", Fmt.fixed(t, a.decimals(), true)));
        }
        return out;
    }

    static List<Map<String, Object>> xticks(Axis a, double ml, double pw) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (double t : a.ticks()) {
            out.add(Map.of("x", Fmt.coord(ml + pw * a.frac(t)), "label", Fmt.fixed(t, a.decimals(), true)));
        }
        return out;
    }

    /**
     * An axis with "nice" tick steps of 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for graph
     * labels", Graphics Gems 1990), its domain widened to whole steps.
     */
    record Axis(double lo, double hi, double step, int decimals) {
        static Axis of(double min, double max, int target) {
            if (!(max > min)) {
                double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
                min -= pad;
                max += pad;
            }
            double step = nice((max - min) / Math.max(1, target - 1));
            double lo = Math.floor(min / step) * step;
            double hi = Math.ceil(max / step) * step;
            int dec = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            return new Axis(lo, hi, step, dec);
        }

        static double nice(double x) {
            double e = Math.floor(Math.log10(x));
            double f = x / Math.pow(10, e);
            double n = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
            return n * Math.pow(10, e);
        }

        double frac(double v) {
            return (v - lo) / (hi - lo);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            int n = (int) Math.round((hi - lo) / step);
            for (int i = 0; i <= n; i++) {
                double v = lo + i * step;
                t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
            }
            return t;
        }
    }
}
