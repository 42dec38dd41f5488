package io.dbzlint.load;

/**
 * The characters of a parsed input, for finding where a token ends: the parser reports where
 * tokens start, and a finding's range needs the end as well. A final class over an array, not an
 * interface: it is asked for every character of every key and value, and the launcher's C1
 * compiler does not inline calls through an interface.
 */
final class SourceText {

    private final byte[] ascii;
    private final char[] chars;
    private final int offset;
    private final int length;

    private SourceText(byte[] ascii, char[] chars, int offset, int length) {
        this.ascii = ascii;
        this.chars = chars;
        this.offset = offset;
        this.length = length;
    }

    static SourceText of(String text) {
        return new SourceText(null, text.toCharArray(), 0, text.length());
    }

    /** A window of a character array: positions count from its start. */
    static SourceText of(char[] text, int offset, int length) {
        return new SourceText(null, text, offset, length);
    }

    /** Bytes known to be ASCII, where one byte is one character. */
    static SourceText ofAscii(byte[] bytes) {
        return new SourceText(bytes, null, 0, bytes.length);
    }

    int length() {
        return length;
    }

    char charAt(int index) {
        return ascii != null ? (char) ascii[index] : chars[offset + index];
    }

    /**
     * How many characters the JSON token starting at an offset spans on its line: a string with
     * its quotes, a number or literal, or one character for a bracket. At least 1.
     */
    int tokenLength(int start) {
        if (start >= length) {
            return 1;
        }
        char first = charAt(start);
        int end = start + 1;
        if (first == '"') {
            while (end < length) {
                char c = charAt(end++);
                if (c == '\\') {
                    end++;
                } else if (c == '"' || c == '\n') {
                    break;
                }
            }
        } else if (first != '{' && first != '[') {
            while (end < length && !isDelimiter(charAt(end))) {
                end++;
            }
        }
        return Math.max(1, Math.min(end, length) - start);
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '}' || c == ']' || c == ':' || c == ' ' || c == '\t' || c == '\r' || c == '\n'
                || c == '/';
    }
}
