package dev.repro.diag;

import java.util.List;

/**
 * A user mistake (bad study, bad data, drift): carries every problem found, formatted for the build log.
 * Mojos turn it into a MojoFailureException; it never reaches the user as a stack trace.
 */
public class ReproException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;
    private final int dropped;

    public ReproException(String what, Problems problems) {
        super(render(what, problems.list(), problems.dropped()));
        this.problems = List.copyOf(problems.list());
        this.dropped = problems.dropped();
    }

    public ReproException(String what, Problem problem) {
        this(what, single(problem));
    }

    private static Problems single(Problem p) {
        Problems ps = new Problems();
        ps.add(p);
        return ps;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(String what, List<Problem> problems, int dropped) {
        int n = problems.size() + dropped;
        StringBuilder sb = new StringBuilder(what).append(" (").append(n).append(n == 1 ? " problem" : " problems").append("):");
        for (Problem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p.format());
        }
        if (dropped > 0) {
            sb.append(System.lineSeparator()).append("  ... and ").append(dropped).append(" more");
        }
        return sb.toString();
    }
}
