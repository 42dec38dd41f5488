package io.dbzlint.load;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what learners' JSON often has and Kafka Connect refuses: //, /* and # comments (course
 * material shows "copy-paste ready" bodies with them) and trailing commas. The parser is told to
 * accept both, so the rest of the file is still linted; each is reported here, at its place.
 */
final class LenientSyntax {

    private static final String LINE_COMMENT = "a // comment";
    private static final String BLOCK_COMMENT = "a /* comment */";
    /** What a # comment is called: a file of them is often stripped of them by a script before it is posted. */
    static final String HASH_COMMENT = "a # comment";

    /** One comment or trailing comma, with its range and what removing it removes (null: no fix). */
    record Found(Location location, String what, Removal removal) {
    }

    private LenientSyntax() {
    }

    static List<Found> scan(InputId input, SourceText text) {
        List<Found> found = new ArrayList<>();
        int line = 1;
        int column = 1;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"') {
                // a string: skip to its end, counting columns; strings cannot span lines
                i++;
                column++;
                while (i < length) {
                    char s = text.charAt(i);
                    if (s == '\n' || s == '\r') {
                        break; // not JSON; the parser reports it, and the outer loop counts the line
                    }
                    if (s == '\\' && i + 1 < length && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                        i += 2;
                        column += 2;
                        continue;
                    }
                    i++;
                    column++;
                    if (s == '"') {
                        break;
                    }
                }
                continue;
            }
            if (c == '#' || c == '/' && i + 1 < length && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                boolean hash = c == '#';
                boolean block = !hash && text.charAt(i + 1) == '*';
                int start = i;
                int startLine = line;
                int startColumn = column;
                i += hash ? 1 : 2;
                column += hash ? 1 : 2;
                while (i < length) {
                    char d = text.charAt(i);
                    if (!block && (d == '\n' || d == '\r')) {
                        break;
                    }
                    if (block && d == '*' && i + 1 < length && text.charAt(i + 1) == '/') {
                        i += 2;
                        column += 2;
                        break;
                    }
                    if (d == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                    i++;
                }
                Location at = new Location(input, startLine, startColumn, line, column);
                found.add(new Found(at, hash ? HASH_COMMENT : block ? BLOCK_COMMENT : LINE_COMMENT,
                        line == startLine ? removal(input, text, start, i, at) : null));
                continue;
            }
            if (c == ',' && closesAfter(text, i + 1)) {
                Location at = Location.at(input, line, column);
                found.add(new Found(at, "a trailing comma", new Removal(at, ",")));
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else if (c == '\r') {
                if (i + 1 >= length || text.charAt(i + 1) != '\n') {
                    line++;
                    column = 1;
                }
            } else {
                column++;
            }
            i++;
        }
        return found;
    }

    /**
     * What to remove for a comment on one line, from {@code start} to {@code end}: the comment with
     * the blanks before it; and its whole line, terminator included, when nothing else is on it.
     */
    private static Removal removal(InputId input, SourceText text, int start, int end, Location comment) {
        int from = start;
        while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
            from--;
        }
        int to = end;
        while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
            to++;
        }
        boolean alone = (from == 0 || text.charAt(from - 1) == '\n' || text.charAt(from - 1) == '\r')
                && to < text.length() && (text.charAt(to) == '\n' || text.charAt(to) == '\r');
        Location range;
        if (alone) {
            to += text.charAt(to) == '\r' && to + 1 < text.length() && text.charAt(to + 1) == '\n' ? 2 : 1;
            range = new Location(input, comment.line(), 1, comment.line() + 1, 1);
        } else {
            to = end;
            range = new Location(input, comment.line(), comment.column() - (start - from), comment.line(),
                    comment.endColumn());
        }
        StringBuilder removed = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            removed.append(text.charAt(k));
        }
        return new Removal(range, removed.toString());
    }

    /** A range and the text it holds, which a fix removes. */
    record Removal(Location range, String text) {
    }

    /** True when only white space and comments stand between here and a closing bracket. */
    private static boolean closesAfter(SourceText text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}' || c == ']') {
                return true;
            }
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = i + 2;
                while (end + 1 < text.length() && !(text.charAt(end) == '*' && text.charAt(end + 1) == '/')) {
                    end++;
                }
                i = end + 2;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** Whether a strict-json problem is about a comment, not a trailing comma. */
    static boolean isComment(LoadProblem problem) {
        return problem.ruleId().equals(LoadProblem.STRICT_JSON)
                && (problem.message().startsWith(LINE_COMMENT) || problem.message().startsWith(BLOCK_COMMENT));
    }

    /** Cheap test: whether the text can hold a comment or a trailing comma at all. */
    static boolean mayHaveAny(SourceText text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                return true; // a lone slash is a path in a value
            }
            if (c == ',') {
                int j = i + 1;
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < text.length() && (text.charAt(j) == '}' || text.charAt(j) == ']')) {
                    return true;
                }
            }
        }
        return false;
    }
}
