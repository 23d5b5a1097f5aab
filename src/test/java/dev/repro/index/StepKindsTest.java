package dev.repro.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.index.api.StepKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of step kinds: the names users write after {@code step:}, in the order messages list them. */
class StepKindsTest {
    @Test
    void registersTheSevenKindsInOrder() {
        assertEquals(List.of("merge", "derive", "entropy", "perpetual-inventory", "export-quality", "carbon", "winsorize"), StepKinds.names());
    }

    @Test
    void findsEachKindByItsName() {
        for (StepKind<?> kind : StepKinds.ALL) {
            assertSame(kind, StepKinds.named(kind.name()));
        }
        assertThrows(IllegalArgumentException.class, () -> StepKinds.named("pca"));
    }
}
