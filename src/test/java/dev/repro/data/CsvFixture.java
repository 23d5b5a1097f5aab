package dev.repro.data;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a CSV into a temporary directory and reads it back, keeping the problems as text. */
final class CsvFixture {
    final Path dir;
    Problems problems = new Problems();
    CsvResult result;

    CsvFixture(Path dir) {
        this.dir = dir;
    }

    static CsvOptions.Builder options() {
        return CsvOptions.builder("x", "data/x.csv");
    }

    Path write(String content) {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(byte[] content) {
        try {
            Path f = dir.resolve("x.csv");
            Files.write(f, content);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Dataset read(String content, CsvOptions.Builder options) {
        return read(write(content), options.build());
    }

    Dataset read(String content) {
        return read(content, options());
    }

    Dataset read(Path file, CsvOptions options) {
        problems = new Problems();
        result = CsvReader.readDetailed(file, options, problems);
        return result.dataset();
    }

    /** Reads with tiny buffers, so that every record crosses refills. */
    Dataset readSmall(Path file, CsvOptions options, int bytes, int chars) {
        problems = new Problems();
        result = new CsvReader(bytes, chars, CsvReader.DEFAULT_MAX_RECORD).run(file, options, problems);
        return result.dataset();
    }

    List<String> messages() {
        return problems.list().stream().map(Problem::format).toList();
    }
}
