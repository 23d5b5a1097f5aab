package dev.repro.data.dta;

import java.io.IOException;

/** A .dta file that is not what its format says: the byte offset where reading stopped and what was expected. */
final class DtaException extends IOException {
    final long offset;

    DtaException(long offset, String message) {
        super(message);
        this.offset = offset;
    }
}
