package dev.repro.archfixture.b;

import dev.repro.archfixture.a.Upper;

/** Fixture for ArchitectureTest: the other half of the cycle (b -> a). */
public final class Lower {
    public Upper[] items() {
        return new Upper[0];
    }
}
