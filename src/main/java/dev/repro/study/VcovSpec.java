package dev.repro.study;

import dev.repro.estimate.linear.Covariance;
import java.util.List;
import java.util.function.Consumer;

/**
 * The covariance choice of a model: {@code iid}, {@code hc1}, {@code cluster(g)} / {@code cluster(g1, g2)}, {@code dk(lag)}
 * or {@code nw(lag)} (lag {@link Covariance#DEFAULT_LAG} when not written), as
 * parsed by the one covariance parser, {@link Covariance#parse}.
 */
public record VcovSpec(Covariance.Kind kind, List<String> clusters, int lag) {
    public VcovSpec {
        clusters = List.copyOf(clusters);
        if ((kind == Covariance.Kind.CLUSTER) == clusters.isEmpty()) {
            throw new IllegalArgumentException("cluster variables go with cluster covariance only");
        }
    }

    public VcovSpec(Covariance.Kind kind, List<String> clusters) {
        this(kind, clusters, Covariance.DEFAULT_LAG);
    }

    public static final VcovSpec IID = new VcovSpec(Covariance.Kind.IID, List.of());

    /** Parses the study's text, or returns null when it is not one of the accepted forms. */
    public static VcovSpec parse(String text) {
        return parse(text, detail -> { });
    }

    /** Parses the study's text; on a mistake gives the parser's message to {@code onError} and returns null. */
    public static VcovSpec parse(String text, Consumer<String> onError) {
        Covariance.Spec spec = Covariance.parse(text, onError);
        if (spec == null) {
            return null;
        }
        return spec.kind() == Covariance.Kind.IID ? IID : new VcovSpec(spec.kind(), spec.clusterColumns(), spec.lag());
    }

    /** The canonical text, as results.json reports it. */
    public String text() {
        return Covariance.label(kind, clusters, lag);
    }
}
