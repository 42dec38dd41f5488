package io.dbzlint.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of a file's fixes, as {@code diff -u} prints it and {@code git apply} and
 * {@code patch} read it. Built from the edits themselves, not by comparing texts: the lines an edit
 * touches are removed and their edited text added, with up to three unchanged lines around.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The lines from first to last that some edits touch. */
    private record Group(int first, int last) {
    }

    public static String of(String path, String before, List<Fixer.Edit> edits) {
        int[] starts = Fixer.lineStarts(before);
        int lineCount = before.isEmpty() ? 0
                : before.endsWith("\n") || before.endsWith("\r") ? starts.length - 1 : starts.length;
        List<Group> groups = new ArrayList<>();
        for (Fixer.Edit edit : edits) {
            int first = lineOf(starts, edit.start());
            int last = Math.max(first, lineOf(starts, Math.max(edit.start(), edit.end() - 1)));
            Group previous = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (previous != null && first <= previous.last() + 1) { // adjacent lines: one run, as diff -u shows it
                groups.set(groups.size() - 1, new Group(previous.first(), Math.max(last, previous.last())));
            } else {
                groups.add(new Group(first, last));
            }
        }
        StringBuilder out = new StringBuilder();
        // an absolute path loses its leading slash after a/ and b/, as git writes it: patch -p1 and
        // git apply then find the file from the root, not at a/ + //tmp/...
        String shown = path.startsWith("/") ? path.substring(1) : path;
        out.append("--- a/").append(shown).append('\n').append("+++ b/").append(shown).append('\n');
        int delta = 0;
        int g = 0;
        while (g < groups.size()) {
            int end = g; // the hunk's groups are g..end, each within twice the context of the next
            while (end + 1 < groups.size() && groups.get(end + 1).first() - groups.get(end).last() - 1 <= 2 * CONTEXT) {
                end++;
            }
            int from = Math.max(0, groups.get(g).first() - CONTEXT);
            int to = Math.min(lineCount - 1, groups.get(end).last() + CONTEXT);
            StringBuilder body = new StringBuilder();
            int newCount = 0;
            int line = from;
            for (int k = g; k <= end; k++) {
                Group group = groups.get(k);
                for (; line < group.first(); line++) {
                    line(body, ' ', text(before, starts, line, line));
                    newCount++;
                }
                for (; line <= group.last(); line++) {
                    line(body, '-', text(before, starts, line, line));
                }
                String edited = Fixer.apply(before, starts[group.first()], lineEnd(before, starts, group.last()), edits);
                for (String added : lines(edited)) {
                    line(body, '+', added);
                    newCount++;
                }
            }
            for (; line <= to; line++) {
                line(body, ' ', text(before, starts, line, line));
                newCount++;
            }
            int oldCount = to - from + 1;
            int newStart = newCount == 0 ? from + delta : from + 1 + delta;
            out.append("@@ -").append(from + 1).append(',').append(oldCount)
                    .append(" +").append(newStart).append(',').append(newCount).append(" @@\n").append(body);
            delta += newCount - oldCount;
            g = end + 1;
        }
        return out.toString();
    }

    private static int lineOf(int[] starts, int offset) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static int lineEnd(String text, int[] starts, int line) {
        return line + 1 < starts.length ? starts[line + 1] : text.length();
    }

    private static String text(String text, int[] starts, int first, int last) {
        return text.substring(starts[first], lineEnd(text, starts, last));
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
