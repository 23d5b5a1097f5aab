package dev.repro.formula;

import java.util.List;

/**
 * The entry points of the hand-written recursive descent parsers for the three languages (grammar in
 * docs/formulas.md): formulas and term lists ({@link FormulaGrammar}), sample filters and expressions
 * ({@link ValueGrammar}). A mistake stops parsing with a {@link TextProblem} at the offending character.
 */
final class Parser {
    private Parser() {
    }

    static Formula formula(String text, boolean instruments) throws FormulaException {
        try {
            return new FormulaGrammar(text, "formula", "formula").formula(instruments);
        } catch (TokenCursor.Failure f) {
            throw new FormulaException(f.problem);
        }
    }

    static List<Term> termList(String text, String what) throws FormulaException {
        try {
            return new FormulaGrammar(text, what, "term list").termList();
        } catch (TokenCursor.Failure f) {
            throw new FormulaException(f.problem);
        }
    }

    static Condition sample(String text) throws FormulaException {
        try {
            return new ValueGrammar(text, "sample", "sample filter").sample();
        } catch (TokenCursor.Failure f) {
            throw new FormulaException(f.problem);
        }
    }

    static Term expression(String text) throws FormulaException {
        try {
            return new ValueGrammar(text, "expression", "expression").expression();
        } catch (TokenCursor.Failure f) {
            throw new FormulaException(f.problem);
        }
    }
}
