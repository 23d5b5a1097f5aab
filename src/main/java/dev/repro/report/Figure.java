package dev.repro.report;

import dev.repro.study.Label;

import java.util.Objects;

/** A rendered figure: its id (file {@code <id>.svg}), kind, title and the SVG document. */
public record Figure(String id, String kind, Label title, String svg) {
    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(svg, "svg");
    }
}
