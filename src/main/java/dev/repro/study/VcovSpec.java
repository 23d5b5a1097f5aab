package dev.repro.study;

import java.util.List;
import java.util.Locale;

/** The covariance choice of a model: {@code iid}, {@code hc1} or {@code cluster(g)} / {@code cluster(g1, g2)}. */
public record VcovSpec(Kind kind, List<String> clusters) {
    public enum Kind { IID, HC1, CLUSTER }

    public VcovSpec {
        clusters = List.copyOf(clusters);
        if ((kind == Kind.CLUSTER) == clusters.isEmpty()) {
            throw new IllegalArgumentException("cluster variables go with cluster covariance only");
        }
    }

    public static final VcovSpec IID = new VcovSpec(Kind.IID, List.of());

    /** Parses the study's text, or returns null when it is not one of the accepted forms. */
    public static VcovSpec parse(String text) {
        String s = text.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("iid")) {
            return IID;
        }
        if (lower.equals("hc1") || lower.equals("robust")) {
            return new VcovSpec(Kind.HC1, List.of());
        }
        if (lower.startsWith("cluster(") && s.endsWith(")")) {
            String inner = s.substring("cluster(".length(), s.length() - 1);
            List<String> names = new java.util.ArrayList<>();
            for (String part : inner.split(",", -1)) {
                String name = part.trim();
                if (name.isEmpty() || !name.matches("[A-Za-z_.][A-Za-z0-9_.]*")) {
                    return null;
                }
                names.add(name);
            }
            if (names.isEmpty() || names.size() > 2 || names.get(0).equals(names.get(names.size() - 1)) && names.size() == 2) {
                return null;
            }
            return new VcovSpec(Kind.CLUSTER, names);
        }
        return null;
    }

    /** The canonical text, as results.json reports it. */
    public String text() {
        return switch (kind) {
            case IID -> "iid";
            case HC1 -> "hc1";
            case CLUSTER -> "cluster(" + String.join(", ", clusters) + ")";
        };
    }
}
