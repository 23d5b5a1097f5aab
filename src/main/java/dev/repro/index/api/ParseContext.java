package dev.repro.index.api;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the parsers of step kinds share while the {@code index:} section is read: the study file's name, the
 * problems found so far and the names of the datasets known at this point (the study's and those of earlier
 * steps), with the helpers that check references to them and names of new ones.
 */
public final class ParseContext {
    /** Dataset names become file names: the study's rule for ids. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** Names of derived columns must be usable in formulas. */
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    /**
     * @param source the study file as the user names it
     * @param datasets the names of the study's datasets
     */
    public ParseContext(String source, Collection<String> datasets, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.known.addAll(datasets);
    }

    public String source() {
        return source;
    }

    /** How many problems have been recorded so far (to tell whether a part of a step added any). */
    public int problemCount() {
        return problems.size();
    }

    /** A reader of a nested mapping, or null after a problem when the node is not a mapping. */
    public Fields fields(Node node, String what, String... allowedKeys) {
        return Fields.of(node, source, problems, what, allowedKeys);
    }

    /** Where a node is written, for messages raised later (e.g. while building). */
    public Located at(Node node) {
        return node.at(source);
    }

    /** A problem at a node that is not read through a {@link Fields} (e.g. an item of a list). */
    public void problem(Node node, String message) {
        problems.addKey(source, node.line(), node.column(), node.path(), message);
    }

    /** A name for a new dataset: a valid id, not yet taken; recorded as known even after a problem elsewhere. */
    public String newName(Fields f, String key, boolean required) {
        String name = f.string(key, required, "name the dataset this step creates, e.g. " + key + ": panel_index");
        if (name == null) {
            return null;
        }
        Node n = f.raw(key);
        if (!ID.matcher(name).matches()) {
            f.problem(n, "the name '" + name + "' is not a valid id; use letters, digits, '_' and '-', starting with a letter");
            return null;
        }
        if (!known.add(name)) {
            f.problem(n, "a dataset named '" + name + "' already exists; each step creates a dataset with a new name");
            return null;
        }
        return name;
    }

    /** A required reference to a known dataset, or null after a problem (with the closest name, if any). */
    public String datasetRef(Fields f, String key) {
        String d = f.string(key, true, "name one of the datasets: " + String.join(", ", known));
        if (d != null && !known.contains(d)) {
            String hint = Suggest.didYouMean(d, known);
            f.problem(f.raw(key), "unknown dataset '" + d + "'" + (hint.isEmpty() ? "; the datasets so far are: " + String.join(", ", known) : hint)
                    + " (a step can use the study's datasets and the outputs of the steps before it)");
            return null;
        }
        return d;
    }

    /** Whether a new column's name can be used in formulas. */
    public static boolean isColumnName(String name) {
        return COLUMN.matcher(name).matches();
    }

    public static String orDefault(String s, String d) {
        return s == null ? d : s;
    }
}
