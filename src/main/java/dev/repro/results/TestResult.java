package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A specification test under {@code tests.<id>} of results.json, one record per kind; the JSON key {@code test}
 * names the kind. A value that could not be computed is null and left out of the JSON.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "test", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = HausmanTest.class, name = HausmanTest.KIND),
    @JsonSubTypes.Type(value = LlcTest.class, name = LlcTest.KIND),
    @JsonSubTypes.Type(value = IpsTest.class, name = IpsTest.KIND),
    @JsonSubTypes.Type(value = FisherTest.class, names = {FisherTest.ADF, FisherTest.PP}),
    @JsonSubTypes.Type(value = GrangerTest.class, name = GrangerTest.KIND)})
public sealed interface TestResult permits HausmanTest, LlcTest, IpsTest, FisherTest, GrangerTest {
    /** The kind as results.json names it: hausman, llc, ips, fisher-adf, fisher-pp, dumitrescu-hurlin. */
    String test();

    /** The test statistic, or null when the kind has none of that name (Granger: see its own fields). */
    default Double statistic() {
        return null;
    }

    /** Degrees of freedom of the statistic, or null. */
    default Integer df() {
        return null;
    }

    /** The p-value of the statistic, or null. */
    default Double p() {
        return null;
    }

    /**
     * Every number of the result that is not null, by its results.json key, in file order: what a table may name
     * when it picks a statistic by key (a unit-root column's {@code statistic: z, p: pZ}).
     */
    default Map<String, Double> numbers() {
        return numbers(false);
    }

    /**
     * The number keys of the result's kind, each with its value or null when it could not be computed: a table
     * that names a key tells a statistic not computed (null) from a key the kind does not have (absent).
     */
    default Map<String, Double> numberKeys() {
        return numbers(true);
    }

    private Map<String, Double> numbers(boolean withNulls) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RecordComponent c : getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(this);
                if (v instanceof Number n) {
                    out.put(c.getName(), n.doubleValue());
                } else if (withNulls && v == null && Number.class.isAssignableFrom(c.getType())) {
                    out.put(c.getName(), null);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + getClass().getSimpleName(), e);
            }
        }
        return out;
    }
}
