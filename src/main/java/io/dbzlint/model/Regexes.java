package io.dbzlint.model;

/**
 * Matching a regular expression that comes from a config or a project file: java.util.regex
 * backtracks without limit, so an expression such as {@code (.*a){20}b} runs for hours against a
 * name of forty a's, and the files dbzlint reads may come from anyone (a pull request in CI).
 * The text is read through a budget of character reads, ample for any real name; past it the
 * match stops with {@link TooComplex}, and the rule says nothing about that value.
 */
public final class Regexes {

    private static final int STEPS = 200_000;

    private Regexes() {
    }

    /** Thrown when a match reads more characters than any real name needs. */
    public static final class TooComplex extends RuntimeException {
        TooComplex() {
            super(null, null, false, false);
        }
    }

    /** The text, to match against with {@code pattern.matcher(budgeted(text))}. */
    public static CharSequence budgeted(String text) {
        return new Budgeted(text);
    }

    private static final class Budgeted implements CharSequence {
        private final String text;
        private int steps;

        Budgeted(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (++steps > STEPS) {
                throw new TooComplex();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
