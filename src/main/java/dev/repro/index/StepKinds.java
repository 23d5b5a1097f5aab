package dev.repro.index;

import dev.repro.index.api.StepKind;
import dev.repro.index.carbon.CarbonKind;
import dev.repro.index.derive.DeriveKind;
import dev.repro.index.entropy.EntropyKind;
import dev.repro.index.merge.MergeKind;
import dev.repro.index.quality.ExportQualityKind;
import dev.repro.index.stock.PerpetualInventoryKind;
import dev.repro.index.winsor.WinsorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where index step kinds are registered: adding a kind is a new package with its
 * {@link StepKind} and one line in {@link #ALL}. The order is the order in which messages list the kinds.
 */
final class StepKinds {
    static final List<StepKind<?>> ALL = List.of(
            new MergeKind(),
            new DeriveKind(),
            new EntropyKind(),
            new PerpetualInventoryKind(),
            new ExportQualityKind(),
            new CarbonKind(),
            new WinsorKind());

    private StepKinds() {
    }

    /** The kinds' names as written after {@code step:}, in registration order. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (StepKind<?> kind : ALL) {
            names.add(kind.name());
        }
        return names;
    }

    /** The kind of this name; every name comes from a parsed spec, so an unknown one is a bug. */
    static StepKind<?> named(String name) {
        for (StepKind<?> kind : ALL) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no index step kind named " + name);
    }
}
