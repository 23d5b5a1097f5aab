package dev.repro.formula;

/**
 * One token of a formula, filter or expression.
 *
 * @param type what it is
 * @param text the token as written (for a backquoted or quoted token: its content without quotes)
 * @param start 0-based index of its first character
 * @param end 0-based index just after its last character
 * @param number the value of a NUMBER token
 * @param quoted true for a backquoted NAME
 */
record Token(Type type, String text, int start, int end, double number, boolean quoted) {
    enum Type {
        NAME, NUMBER, STRING,
        TILDE, BAR, PLUS, MINUS, STAR, SLASH, CARET, COLON, COMMA, LPAREN, RPAREN,
        LT, LE, GT, GE, EQ, NE, ASSIGN, BANG, AMP, AMPAMP, BARBAR,
        /** A character that starts no token; {@code text} is the message. */
        ERROR,
        END
    }

    boolean is(Type t) {
        return type == t;
    }

    /** A bare (not backquoted) name equal to {@code word}: a keyword of the filter language. */
    boolean isWord(String word) {
        return type == Type.NAME && !quoted && text.equals(word);
    }

    /** The token for a message: {@code '+'}, {@code 'price'}, {@code the number 1.5}. */
    String describe(String noun) {
        return switch (type) {
            case END -> "the end of the " + noun;
            case NAME -> quoted ? "'`" + text + "`'" : "'" + text + "'";
            case NUMBER -> "the number " + text;
            case STRING -> "the text " + Texts.quote(text);
            default -> "'" + text + "'";
        };
    }
}
