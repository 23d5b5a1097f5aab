package dev.repro.study;

import dev.repro.estimate.linear.Covariance;
import java.util.List;

/**
 * The covariance choice of a model: {@code iid}, {@code hc1} or {@code cluster(g)} / {@code cluster(g1, g2)}, as
 * parsed by the one covariance parser, {@link Covariance#parse}.
 */
public record VcovSpec(Covariance.Kind kind, List<String> clusters) {
    public VcovSpec {
        clusters = List.copyOf(clusters);
        if ((kind == Covariance.Kind.CLUSTER) == clusters.isEmpty()) {
            throw new IllegalArgumentException("cluster variables go with cluster covariance only");
        }
    }

    public static final VcovSpec IID = new VcovSpec(Covariance.Kind.IID, List.of());

    /** Parses the study's text, or returns null when it is not one of the accepted forms. */
    public static VcovSpec parse(String text) {
        // the study reports its own message with the value's position, so the parser's detail is not needed here
        Covariance.Spec spec = Covariance.parse(text, detail -> { });
        if (spec == null) {
            return null;
        }
        return spec.kind() == Covariance.Kind.IID ? IID : new VcovSpec(spec.kind(), spec.clusterColumns());
    }

    /** The canonical text, as results.json reports it. */
    public String text() {
        return Covariance.label(kind, clusters);
    }
}
