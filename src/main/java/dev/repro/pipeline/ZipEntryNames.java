package dev.repro.pipeline;

import dev.repro.diag.Excerpt;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule every entry name of the replication archive obeys, so that no name can write outside the
 * folder it is unpacked into (the "Zip Slip" shape {@code replication-package/../../x}): relative, forward
 * slashes only, no empty, {@code .} or {@code ..} segment, no control character, no drive letter.
 */
final class ZipEntryNames {
    private ZipEntryNames() {
    }

    /** Why {@code name} may not be an entry name, or null when it may. */
    static String refusal(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.startsWith("/")) {
            return "is absolute";
        }
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (name.indexOf(':') >= 0) {
            return "contains a colon (a drive letter or stream name)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "contains a control character";
            }
        }
        List<String> problems = new ArrayList<>();
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty()) {
                problems.add("has an empty segment (//)");
            } else if (segment.equals(".") || segment.equals("..")) {
                problems.add("has a '" + segment + "' segment");
            }
        }
        return problems.isEmpty() ? null : problems.get(0);
    }

    /** {@code name} itself when it is a safe entry name; otherwise an {@link IllegalArgumentException}. */
    static String checked(String name) {
        String why = refusal(name);
        if (why != null) {
            throw new IllegalArgumentException("zip entry name " + Excerpt.quoted(name) + " " + why);
        }
        return name;
    }
}
