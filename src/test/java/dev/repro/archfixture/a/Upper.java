package dev.repro.archfixture.a;

import dev.repro.archfixture.b.Lower;

/** Fixture for ArchitectureTest: half of a deliberate package cycle (a -> b -> a). */
public final class Upper {
    public int size(Lower lower) {
        return lower.items().length;
    }
}
