package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A normal test of an effect from an analytic standard error (Sobel, Aroian, Goodman, delta method). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"se", "z", "p"})
public record NormalTest(Double se, Double z, Double p) {
    public NormalTest {
        se = Numbers.finiteOrNull(se);
        z = Numbers.finiteOrNull(z);
        p = Numbers.finiteOrNull(p);
    }
}
