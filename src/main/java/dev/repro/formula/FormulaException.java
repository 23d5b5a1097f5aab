package dev.repro.formula;

import java.util.Objects;

/**
 * A formula, sample filter or expression that cannot be parsed. The message is {@link TextProblem#render()}:
 * a headline, the text and a caret under the offending character.
 */
public final class FormulaException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient TextProblem problem;

    public FormulaException(TextProblem problem) {
        super(Objects.requireNonNull(problem, "problem").render());
        this.problem = problem;
    }

    public TextProblem problem() {
        return problem;
    }

    /** 1-based number of the offending character, counted in Unicode code points. */
    public int character() {
        return problem.character();
    }

    /** What is wrong, without position, hint, text or caret: {@code expected a term after '+'}. */
    public String reason() {
        return problem.message();
    }
}
