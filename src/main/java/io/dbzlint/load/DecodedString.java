package io.dbzlint.load;

import io.dbzlint.model.Location;

/**
 * The text of a JSON string of a file (a Postman request's raw body), decoded, with where each of
 * its characters is written in the file: a connector config read from it is reported at the
 * file's lines and columns, escapes ({@code \"}, {@code \r\n}) counted as the file writes them.
 */
final class DecodedString {

    private final char[] text;
    /** Per decoded character (and one past the last), its offset in the file. */
    private final int[] fileOffsets;
    private final EmbeddedJson.LineIndex decodedLines;
    private final EmbeddedJson.LineIndex fileLines;

    private DecodedString(char[] text, int[] fileOffsets, EmbeddedJson.LineIndex fileLines) {
        this.text = text;
        this.fileOffsets = fileOffsets;
        this.decodedLines = new EmbeddedJson.LineIndex(text);
        this.fileLines = fileLines;
    }

    /**
     * Decodes the JSON string whose opening quote is at {@code quote} in the file; null when it is
     * not a well-formed string (the parser that found it would have refused it).
     */
    static DecodedString at(char[] file, int quote, EmbeddedJson.LineIndex fileLines) {
        StringBuilder text = new StringBuilder();
        int[] offsets = new int[64];
        int n = 0;
        int i = quote + 1;
        while (i < file.length && file[i] != '"') {
            int at = i;
            char c = file[i++];
            if (c == '\\') {
                if (i >= file.length) {
                    return null;
                }
                char escaped = file[i++];
                switch (escaped) {
                    case 'n' -> c = '\n';
                    case 'r' -> c = '\r';
                    case 't' -> c = '\t';
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case '"', '\\', '/' -> c = escaped;
                    case 'u' -> {
                        if (i + 4 > file.length) {
                            return null;
                        }
                        try {
                            c = (char) Integer.parseInt(new String(file, i, 4), 16);
                        } catch (NumberFormatException e) {
                            return null;
                        }
                        i += 4;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (n + 1 >= offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[n++] = at;
            text.append(c);
        }
        if (i >= file.length) {
            return null;
        }
        offsets[n] = i; // the closing quote: where a range that ends with the text ends
        return new DecodedString(text.toString().toCharArray(), java.util.Arrays.copyOf(offsets, n + 1), fileLines);
    }

    /** How many characters the string spans in the file, from its opening quote to its closing one. */
    int length() {
        return fileOffsets[fileOffsets.length - 1] - fileOffsets[0] + 2;
    }

    char[] text() {
        return text;
    }

    /** A window on the decoded text from {@code start}, whose positions land in the file. */
    JsonConnectors.Window windowFrom(int start) {
        return new JsonConnectors.Window(decodedLines.line(start), decodedLines.column(start), this);
    }

    /**
     * A location whose lines and columns count from a place in the decoded text (the window's line
     * and column there), in the file.
     */
    Location map(Location local, int line, int column) {
        int start = decodedLines.start(line) + column - 1;
        int from = fileOffsets[offset(local.line(), local.column(), start, line)];
        int to = fileOffsets[offset(local.endLine(), local.endColumn(), start, line)];
        return new Location(local.input(), fileLines.line(from), fileLines.column(from), fileLines.line(to),
                fileLines.column(to));
    }

    private int offset(int line, int column, int start, int first) {
        int lineStart = line == 1 ? start : decodedLines.start(first + line - 1);
        return Math.max(0, Math.min(fileOffsets.length - 1, lineStart + column - 1));
    }
}
