package dev.repro.io;

import dev.repro.diag.Excerpt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The one confinement rule for every path a study or the build names (a dataset's {@code file:}, a tile
 * map's {@code layout:}, the templates folder and its files): it must lie inside the project's base folder,
 * both as written ({@code ..} and absolute paths cannot leave it) and after symbolic links are resolved
 * ({@link Path#toRealPath}), so a link inside the project cannot point to a file outside it. Only a dataset
 * with {@code external: true} may name a file outside; every other caller goes through {@link #inside}.
 */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /**
     * Where a path points: {@code path} (absolute, normalised) when it is allowed; otherwise {@code refusal}
     * says why, as a phrase such as {@code '../x.csv' leaves the project folder}, and {@code path} is null.
     */
    public record Resolved(Path path, String refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /**
     * Resolves {@code userPath} against {@code base} and checks that it stays inside {@code base}. A path
     * that does not exist yet is checked through its nearest existing folder, so that a missing file is
     * left to the reader's "not found" message while a linked folder out of the project is still refused.
     */
    public static Resolved inside(Path base, String userPath) {
        Path root = base.toAbsolutePath().normalize();
        Path p;
        try {
            p = root.resolve(userPath).normalize();
        } catch (InvalidPathException e) {
            return new Resolved(null, Excerpt.quoted(userPath) + " is not a valid path (" + e.getReason() + ")");
        }
        if (!p.startsWith(root)) {
            return new Resolved(null, Excerpt.quoted(userPath) + (Path.of(userPath).isAbsolute()
                    ? " is an absolute path outside the project folder" : " leaves the project folder"));
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return new Resolved(p, null);
        }
        try {
            Path real = existing.toRealPath();
            Path realRoot = root.toRealPath();
            if (!real.startsWith(realRoot)) {
                return new Resolved(null, Excerpt.quoted(userPath) + " is, or lies in, a symbolic link to "
                        + Excerpt.quoted(real.toString()) + ", outside the project folder");
            }
        } catch (IOException e) {
            return new Resolved(null, Excerpt.quoted(userPath) + " cannot be resolved ("
                    + e.getClass().getSimpleName() + ")");
        }
        return new Resolved(p, null);
    }

    /** Resolves a path the study explicitly allowed outside the project ({@code external: true}): no check. */
    public static Resolved anywhere(Path base, String userPath) {
        try {
            return new Resolved(base.toAbsolutePath().normalize().resolve(userPath).normalize(), null);
        } catch (InvalidPathException e) {
            return new Resolved(null, Excerpt.quoted(userPath) + " is not a valid path (" + e.getReason() + ")");
        }
    }

    /**
     * A file name made safe for an archive entry or a folder: letters, digits, {@code . _ -} kept, anything
     * else an underscore; never empty, never {@code .} or {@code ..}.
     */
    public static String safeName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
        }
        String s = sb.toString();
        return s.isEmpty() || s.chars().allMatch(c -> c == '.') ? "_" + s : s;
    }
}
