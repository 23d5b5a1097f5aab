package dev.repro.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens a results tree into dotted paths to leaves ({@code models.twfe.coefficients.price.estimate}),
 * so that a baseline and new results compare key by key. List items get {@code [i]}.
 */
public final class Flat {
    private Flat() {
    }

    /** Path to leaf: numbers as Double (null JSON as NaN), everything else as its text. */
    public static Map<String, Object> flatten(JsonNode root) {
        Map<String, Object> out = new LinkedHashMap<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(JsonNode n, String path, Map<String, Object> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "[" + i + "]", out);
            }
        } else if (n.isNumber()) {
            out.put(path, n.doubleValue());
        } else if (n.isNull()) {
            out.put(path, Double.NaN);
        } else {
            out.put(path, n.asText());
        }
    }
}
