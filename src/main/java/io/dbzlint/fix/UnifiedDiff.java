package io.dbzlint.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of a file whose fixes changed characters within lines, never the number of
 * lines: so line i of the new text is line i of the old, and a hunk is a run of changed lines
 * with up to three unchanged ones around it, as {@code diff -u} and {@code git apply} read it.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    public static String of(String path, String before, String after) {
        List<String> old = lines(before);
        List<String> now = lines(after);
        if (old.size() != now.size()) {
            throw new IllegalArgumentException("a fix changed the number of lines");
        }
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        int i = 0;
        while (i < old.size()) {
            if (old.get(i).equals(now.get(i))) {
                i++;
                continue;
            }
            int from = Math.max(0, i - CONTEXT);
            int last = i; // the last changed line of the hunk
            for (int j = i; j < old.size() && j <= last + 2 * CONTEXT; j++) {
                if (!old.get(j).equals(now.get(j))) {
                    last = j;
                }
            }
            int to = Math.min(old.size() - 1, last + CONTEXT);
            int count = to - from + 1;
            out.append("@@ -").append(from + 1).append(',').append(count)
                    .append(" +").append(from + 1).append(',').append(count).append(" @@\n");
            for (int j = from; j <= to; ) {
                if (old.get(j).equals(now.get(j))) {
                    line(out, ' ', old.get(j++));
                    continue;
                }
                int run = j;
                while (run <= to && !old.get(run).equals(now.get(run))) {
                    run++;
                }
                // a run of changed lines: all removed lines, then all added ones, as diff -u prints them
                for (int k = j; k < run; k++) {
                    line(out, '-', old.get(k));
                }
                for (int k = j; k < run; k++) {
                    line(out, '+', now.get(k));
                }
                j = run;
            }
            i = to + 1;
        }
        return out.toString();
    }

    private static void line(StringBuilder out, char mark, String text) {
        out.append(mark).append(text);
        if (!text.endsWith("\n") && !text.endsWith("\r")) {
            out.append("\n\\ No newline at end of file\n");
        }
    }

    /** Lines with their terminators, so a CRLF file's diff keeps its CRs and applies as it is. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
