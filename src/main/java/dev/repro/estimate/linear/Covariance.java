package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which covariance estimator to use; see the contract's numerical conventions and {@link SmallSample}.
 * {@code CLUSTER} takes one cluster variable, or several for multiway clustering (Cameron, Gelbach and
 * Miller 2011: V = sum over non-empty subsets S of the cluster variables of (-1)^(|S|+1) V_S, V_S
 * clustered by the intersection of the variables in S).
 */
public record Covariance(Kind kind, List<Effect> clusters) {
    public enum Kind { IID, HC1, CLUSTER }

    /** A parsed study {@code vcov:} value: the kind and the cluster column names (empty unless CLUSTER). */
    public record Spec(Kind kind, List<String> clusterColumns) {
        public Spec {
            clusterColumns = List.copyOf(clusterColumns);
        }

        /** The canonical text, as results.json reports it. */
        public String text() {
            return label(kind, clusterColumns);
        }
    }

    private static final Pattern CLUSTER = Pattern.compile("cluster\\s*\\((.*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_.][A-Za-z0-9_.]*");

    public Covariance {
        Objects.requireNonNull(kind, "kind");
        clusters = List.copyOf(clusters);
        if (kind == Kind.CLUSTER && clusters.isEmpty()) {
            throw new IllegalArgumentException("cluster covariance needs at least one cluster variable");
        }
        if (kind != Kind.CLUSTER && !clusters.isEmpty()) {
            throw new IllegalArgumentException(kind + " covariance takes no cluster variable");
        }
    }

    public static Covariance iid() {
        return new Covariance(Kind.IID, List.of());
    }

    public static Covariance hc1() {
        return new Covariance(Kind.HC1, List.of());
    }

    public static Covariance cluster(Effect... clusters) {
        return new Covariance(Kind.CLUSTER, List.of(clusters));
    }

    /** As the study writes it: {@code iid}, {@code hc1}, {@code cluster(g)} or {@code cluster(g1, g2)}. */
    public String label() {
        List<String> names = new ArrayList<>();
        clusters.forEach(c -> names.add(c.name()));
        return label(kind, names);
    }

    /** The canonical text of a covariance choice. */
    public static String label(Kind kind, List<String> clusterNames) {
        return switch (kind) {
            case IID -> "iid";
            case HC1 -> "hc1";
            case CLUSTER -> "cluster(" + String.join(", ", clusterNames) + ")";
        };
    }

    /**
     * The one parser of a {@code vcov:} value (models, mediation and the Hausman test use it): {@code iid},
     * {@code hc1} (also {@code robust}), {@code cluster(g)} or {@code cluster(g1, g2)}, case-insensitive, spaces
     * allowed around names. On a mistake, reports the message to {@code onError} and returns null.
     */
    public static Spec parse(String text, Consumer<String> onError) {
        String t = text == null ? "" : text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("iid")) {
            return new Spec(Kind.IID, List.of());
        }
        if (lower.equals("hc1") || lower.equals("robust")) {
            return new Spec(Kind.HC1, List.of());
        }
        Matcher m = CLUSTER.matcher(t);
        if (m.matches()) {
            List<String> names = new ArrayList<>();
            for (String part : m.group(1).split(",", -1)) {
                String name = part.trim();
                if (!NAME.matcher(name).matches()) {
                    onError.accept("vcov '" + t + "' has an invalid cluster column name '" + name
                        + "'; write cluster(<column>) or cluster(<column1>, <column2>)");
                    return null;
                }
                if (names.contains(name)) {
                    onError.accept("vcov '" + t + "' names cluster column '" + name + "' twice");
                    return null;
                }
                names.add(name);
            }
            if (names.size() > 2) {
                onError.accept("vcov '" + t + "' names " + names.size() + " cluster columns; write cluster(<column>) "
                    + "or cluster(<column1>, <column2>)");
                return null;
            }
            return new Spec(Kind.CLUSTER, names);
        }
        onError.accept("unknown vcov '" + t + "'; expected iid, hc1, cluster(<column>) or cluster(<column1>, <column2>)");
        return null;
    }
}
