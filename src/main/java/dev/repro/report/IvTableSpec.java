package dev.repro.report;

import dev.repro.study.Label;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code iv} table: one column per IV model, the second stage, each first stage and the IV tests (docs/iv.md).
 *
 * @param models the IV models, one column each
 * @param decimals digits after the decimal point
 */
public record IvTableSpec(String id, Label title, List<String> models, int decimals, Map<String, Label> labels, List<Label> notes,
                          boolean siunitx) implements TableSpec {
    public IvTableSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad table id " + id);
        }
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("an iv table needs models");
        }
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be 0..10, got " + decimals);
        }
        labels = Map.copyOf(labels);
        notes = List.copyOf(notes);
    }

    @Override
    public String kind() {
        return "iv";
    }
}
