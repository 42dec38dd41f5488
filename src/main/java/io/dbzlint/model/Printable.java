package io.dbzlint.model;

/**
 * Text from inputs (values, keys, connector and file names) made safe to print: it may hold
 * escape sequences that repaint a terminal, a newline that forges a report line, or a
 * bidirectional override (U+202E) that shows text in another order than it is read. Such
 * characters become {@code \\uXXXX}; long values are cut with an ellipsis.
 */
public final class Printable {

    /** How much of a value a message quotes. */
    public static final int MAX_VALUE = 100;
    /** A last resort for a whole message line. */
    public static final int MAX_MESSAGE = 1000;

    private Printable() {
    }

    /** The text with every control, format and separator character, and any lone surrogate, escaped. */
    public static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (escaped != null) {
                    escaped.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (unsafe(c)) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                escaped.append(String.format("\\u%04x", (int) c));
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static boolean unsafe(char c) {
        if (c < 0x20 || c == 0x7F) {
            return true;
        }
        if (c < 0xA0) {
            return c >= 0x80;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    /** Escaped, and cut after {@code max} characters of the original with an ellipsis. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= max) {
            return escape(text);
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return escape(text.substring(0, end)) + "\u2026";
    }

    /** A value as a message quotes it: in double quotes, escaped, cut to {@value #MAX_VALUE} characters. */
    public static String quote(String value) {
        return "\"" + cut(value, MAX_VALUE) + "\"";
    }
}
