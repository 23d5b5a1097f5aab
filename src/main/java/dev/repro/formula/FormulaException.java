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
}
