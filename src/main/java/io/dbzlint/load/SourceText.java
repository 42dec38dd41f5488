package io.dbzlint.load;

/**
 * The characters of a parsed input, for finding where a token ends: the parser reports where
 * tokens start, and a finding's range needs the end as well.
 */
abstract class SourceText {

    abstract int length();

    abstract char charAt(int index);

    static SourceText of(CharSequence text) {
        return new SourceText() {
            @Override
            int length() {
                return text.length();
            }

            @Override
            char charAt(int index) {
                return text.charAt(index);
            }
        };
    }

    /** Bytes known to be ASCII, where one byte is one character. */
    static SourceText ofAscii(byte[] bytes) {
        return new SourceText() {
            @Override
            int length() {
                return bytes.length;
            }

            @Override
            char charAt(int index) {
                return (char) bytes[index];
            }
        };
    }

    /**
     * How many characters the JSON token starting at an offset spans on its line: a string with
     * its quotes, a number or literal, or one character for a bracket. At least 1.
     */
    int tokenLength(int offset) {
        if (offset >= length()) {
            return 1;
        }
        char first = charAt(offset);
        int end = offset + 1;
        if (first == '"') {
            while (end < length()) {
                char c = charAt(end++);
                if (c == '\\') {
                    end++;
                } else if (c == '"' || c == '\n') {
                    break;
                }
            }
        } else if (first != '{' && first != '[') {
            while (end < length() && !isDelimiter(charAt(end))) {
                end++;
            }
        }
        return Math.max(1, Math.min(end, length()) - offset);
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '}' || c == ']' || c == ':' || c == ' ' || c == '\t' || c == '\r' || c == '\n'
                || c == '/';
    }
}
