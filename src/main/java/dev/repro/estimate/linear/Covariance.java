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
 * clustered by the intersection of the variables in S). {@code DRISCOLL_KRAAY} and {@code NEWEY_WEST} take the
 * panel's time and unit and a lag ({@link #DEFAULT_LAG}: plm's rule floor(max T_i^(1/4))); see {@link SerialMeat}.
 * {@code HAC} is Newey and West (1987) on a single time series: it takes the time only (one observation per period)
 * and a lag ({@link #DEFAULT_LAG}: floor(4 (T/100)^(2/9)), Newey and West 1994).
 *
 * @param kind the estimator
 * @param clusters the cluster variables (CLUSTER only)
 * @param time the time, codes in increasing order of time (DRISCOLL_KRAAY, NEWEY_WEST, HAC only)
 * @param unit the panel unit (DRISCOLL_KRAAY, NEWEY_WEST only; null for HAC)
 * @param lag the largest lag of the Bartlett kernel, or {@link #DEFAULT_LAG}
 */
public record Covariance(Kind kind, List<Effect> clusters, Effect time, Effect unit, int lag) {
    public enum Kind { IID, HC1, CLUSTER, DRISCOLL_KRAAY, NEWEY_WEST, HAC;

        /** Driscoll-Kraay, panel Newey-West or time-series HAC: a kernel over time with a lag. */
        public boolean serial() {
            return this == DRISCOLL_KRAAY || this == NEWEY_WEST || this == HAC;
        }
    }

    /**
     * The lag chosen by a rule when none is written: for dk and nw plm's floor(max_i T_i ^ (1/4)) (plm 2.6.2 vcovSCC),
     * for hac floor(4 (T/100)^(2/9)) (Newey and West 1994).
     */
    public static final int DEFAULT_LAG = -1;

    /** A parsed study {@code vcov:} value: the kind, the cluster column names (empty unless CLUSTER) and the lag. */
    public record Spec(Kind kind, List<String> clusterColumns, int lag) {
        public Spec {
            clusterColumns = List.copyOf(clusterColumns);
        }

        public Spec(Kind kind, List<String> clusterColumns) {
            this(kind, clusterColumns, DEFAULT_LAG);
        }

        /** The canonical text, as results.json reports it. */
        public String text() {
            return label(kind, clusterColumns, lag);
        }
    }

    private static final Pattern CLUSTER = Pattern.compile("cluster\\s*\\((.*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERIAL = Pattern.compile("(dk|nw|hac)\\s*(?:\\((.*)\\))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_.][A-Za-z0-9_.]*");
    private static final String FORMS = "iid, hc1, cluster(<column>), cluster(<column1>, <column2>), dk(<lag>), nw(<lag>) or hac(<lag>)";

    public Covariance {
        Objects.requireNonNull(kind, "kind");
        clusters = List.copyOf(clusters);
        if (kind == Kind.CLUSTER && clusters.isEmpty()) {
            throw new IllegalArgumentException("cluster covariance needs at least one cluster variable");
        }
        if (kind != Kind.CLUSTER && !clusters.isEmpty()) {
            throw new IllegalArgumentException(kind + " covariance takes no cluster variable");
        }
        boolean serial = kind.serial();
        if (kind == Kind.HAC) {
            if (time == null || unit != null) {
                throw new IllegalArgumentException("HAC covariance needs the time and takes no panel unit");
            }
        } else if (serial != (time != null && unit != null) || (!serial && (time != null || unit != null))) {
            throw new IllegalArgumentException(kind + (serial ? " covariance needs" : " covariance takes no") + " panel time and unit");
        }
        if (lag < DEFAULT_LAG || (!serial && lag != DEFAULT_LAG)) {
            throw new IllegalArgumentException("lag " + lag + " for " + kind + " covariance");
        }
    }

    public Covariance(Kind kind, List<Effect> clusters) {
        this(kind, clusters, null, null, DEFAULT_LAG);
    }

    /** Driscoll and Kraay (1998), as plm::vcovSCC: time codes must increase with time. */
    public static Covariance driscollKraay(Effect time, Effect unit, int lag) {
        return new Covariance(Kind.DRISCOLL_KRAAY, List.of(), time, unit, lag);
    }

    /** Panel Newey-West (Newey and West 1987 within each unit), as plm::vcovNW: time codes must increase with time. */
    public static Covariance neweyWest(Effect time, Effect unit, int lag) {
        return new Covariance(Kind.NEWEY_WEST, List.of(), time, unit, lag);
    }

    /**
     * Newey and West (1987) on one time series (sandwich::NeweyWest, Stata newey): one observation per period, time
     * codes increasing with time and consecutive codes one period apart.
     */
    public static Covariance hac(Effect time, int lag) {
        return new Covariance(Kind.HAC, List.of(), time, null, lag);
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

    /** As the study writes it: {@code iid}, {@code hc1}, {@code cluster(g)}, {@code cluster(g1, g2)}, {@code dk(2)}, ... */
    public String label() {
        List<String> names = new ArrayList<>();
        clusters.forEach(c -> names.add(c.name()));
        return label(kind, names, lag);
    }

    /** The canonical text of a covariance choice. */
    public static String label(Kind kind, List<String> clusterNames) {
        return label(kind, clusterNames, DEFAULT_LAG);
    }

    /** The canonical text of a covariance choice with its lag ({@code dk} alone for the default lag). */
    public static String label(Kind kind, List<String> clusterNames, int lag) {
        String lagText = lag == DEFAULT_LAG ? "" : "(" + lag + ")";
        return switch (kind) {
            case IID -> "iid";
            case HC1 -> "hc1";
            case CLUSTER -> "cluster(" + String.join(", ", clusterNames) + ")";
            case DRISCOLL_KRAAY -> "dk" + lagText;
            case NEWEY_WEST -> "nw" + lagText;
            case HAC -> "hac" + lagText;
        };
    }

    /** This covariance with the lag resolved (as reported in the fit's label). */
    Covariance withLag(int resolved) {
        return new Covariance(kind, clusters, time, unit, resolved);
    }

    /**
     * The one parser of a {@code vcov:} value (models, mediation and the Hausman test use it): {@code iid},
     * {@code hc1} (also {@code robust}), {@code cluster(g)}, {@code cluster(g1, g2)}, {@code dk}, {@code dk(lag)},
     * {@code nw}, {@code nw(lag)}, {@code hac} or {@code hac(lag)} (lag a whole number >= 0), case-insensitive, spaces allowed around names. On a
     * mistake, reports the message to {@code onError} and returns null.
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
        Matcher serial = SERIAL.matcher(t);
        if (serial.matches()) {
            String word = serial.group(1).toLowerCase(Locale.ROOT);
            Kind kind = switch (word) {
                case "dk" -> Kind.DRISCOLL_KRAAY;
                case "nw" -> Kind.NEWEY_WEST;
                default -> Kind.HAC;
            };
            String lagText = serial.group(2) == null ? null : serial.group(2).trim();
            if (lagText == null) {
                return new Spec(kind, List.of(), DEFAULT_LAG);
            }
            if (!lagText.matches("[0-9]{1,4}")) {
                onError.accept("vcov '" + t + "' has lag '" + lagText + "'; the lag must be a whole number >= 0: write "
                    + word + "(<lag>), e.g. " + word + "(2), or " + word + " for "
                    + (kind == Kind.HAC ? "the default floor(4 (T/100)^(2/9))" : "plm's default floor(T^(1/4))"));
                return null;
            }
            return new Spec(kind, List.of(), Integer.parseInt(lagText));
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
        onError.accept("unknown covariance '" + t + "'; expected " + FORMS);
        return null;
    }

    /**
     * The standard error from a variance on a covariance's diagonal. A two-way clustered covariance (Cameron, Gelbach
     * and Miller 2011) is a sum and difference of one-way ones and can have a negative diagonal: that standard error
     * cannot be computed and is NaN (null in results.json), never 0, which would print an infinite t and three stars.
     */
    public static double standardError(double variance) {
        return variance < 0 ? Double.NaN : Math.sqrt(variance);
    }
}
