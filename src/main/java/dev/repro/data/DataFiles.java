package dev.repro.data;

import dev.repro.diag.Problems;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The checks every reader makes before it opens a file, with the CSV reader's messages. */
public final class DataFiles {
    private DataFiles() {
    }

    /** True when {@code file} exists and is not a directory; otherwise the problem is reported on the study's file key. */
    public static boolean present(Path file, CsvOptions o, Problems problems) {
        if (!Files.exists(file)) {
            problems.addKey(o.studyFile(), 0, 0, o.fileKey(), CsvMessages.fileNotFound(o.displayPath(), file.toAbsolutePath().normalize().toString()));
            return false;
        }
        if (Files.isDirectory(file)) {
            problems.addKey(o.studyFile(), 0, 0, o.fileKey(), CsvMessages.isDirectory(o.displayPath()));
            return false;
        }
        return true;
    }

    /** Reports a file that could not be read at all (permissions, I/O). */
    public static void cannotRead(IOException e, CsvOptions o, Problems problems) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        problems.addKey(o.studyFile(), 0, 0, o.fileKey(), CsvMessages.cannotRead(o.displayPath(), reason));
    }
}
