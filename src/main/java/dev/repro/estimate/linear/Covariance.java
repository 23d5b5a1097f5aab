package dev.repro.estimate.linear;

import java.util.List;
import java.util.Objects;

/** Which covariance estimator to use; see the contract's numerical conventions. */
public record Covariance(Kind kind, List<Effect> clusters) {
    public enum Kind { IID, HC1, CLUSTER }

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
}
