package dev.repro.diag;

import dev.repro.results.Results;

/** Fixture for ArchitectureTest: a class in the bottom layer that uses a higher one, which the layer rule refuses. */
final class UpwardUseFixture {
    private UpwardUseFixture() {
    }

    static int models(Results results) {
        return results.models().size();
    }
}
