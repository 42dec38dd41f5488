package io.dbzlint.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Every line dbzlint prints on standard output and standard error, made inert for the CI runner
 * that reads the log. A GitHub Actions runner takes a line that starts with {@code ::} (after
 * spaces) as a workflow command, and {@code ##[} anywhere in a line as one; Azure Pipelines takes
 * {@code ##vso[} anywhere. A file name, a value or a project config's text in a message could so
 * forge an annotation, or stop command processing so the real ones are dropped. Here:
 * <ul>
 *   <li>a line's leading {@code ::} becomes {@code \u005cu003a:}, and the {@code [} of {@code ##[} and
 *       {@code ##vso[} becomes {@code \u005cu005b}, which JSON and SARIF read back as the same
 *       character;</li>
 *   <li>control characters become {@code \u005cuXXXX}, except a tab, a carriage return before the
 *       newline (a CRLF file's diff) and colour sequences ({@code ESC [ ... m}).</li>
 * </ul>
 * Only {@link #command} writes a workflow command as it is: the GitHub format's annotations,
 * whose properties and data it escapes as the runner reads them.
 */
public final class SafePrintWriter extends PrintWriter {

    private final Filter filter;

    private SafePrintWriter(Filter filter) {
        super(filter, false);
        this.filter = filter;
    }

    /** The writer itself when it is already safe, else a safe writer that writes to it. */
    public static PrintWriter wrap(PrintWriter target, boolean autoFlush) {
        if (target instanceof SafePrintWriter) {
            return target;
        }
        return new SafePrintWriter(new Filter(target, autoFlush));
    }

    /**
     * Writes one workflow command line, {@code ::name properties::data}, on a line of its own: its
     * leading {@code ::} as it is, the rest inert as any line's. Its maker escapes what its
     * properties and data carry (see {@link GithubReporter}).
     */
    public static void command(PrintWriter out, String line) {
        if (!line.startsWith("::")) {
            throw new IllegalArgumentException("not a workflow command");
        }
        StringBuilder command = new StringBuilder(line.length() + 8).append("::");
        appendInert(command, line.substring(2), false);
        if (out instanceof SafePrintWriter safe) {
            safe.flush();
            safe.filter.raw(command.toString());
        } else {
            out.print(command + "\n");
        }
    }

    /** One line (without its newline) made inert: what the filter does to each line it passes. */
    public static String inert(String line) {
        StringBuilder safe = new StringBuilder(line.length() + 8);
        appendInert(safe, line, true);
        return safe.toString();
    }

    /**
     * Appends a piece of a line, made inert.
     *
     * @param lineStart whether the piece starts the line, where a leading {@code ::} is a command
     */
    private static void appendInert(StringBuilder into, CharSequence piece, boolean lineStart) {
        int start = into.length();
        boolean leading = lineStart;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (leading && c == ':' && i + 1 < piece.length() && piece.charAt(i + 1) == ':') {
                into.append("\\u003a");
                leading = false;
                continue;
            }
            if (c != ' ' && c != '\t') {
                leading = false;
            }
            if (c == '[' && commandOpens(into, start)) {
                into.append("\\u005b");
            } else if (c == '\u001b' && i + 1 < piece.length() && piece.charAt(i + 1) == '['
                    && isColour(piece, i + 2)) {
                into.append(c);
            } else if (c < 0x20 && c != '\t' && !(c == '\r' && i + 1 == piece.length()) || c == 0x7f) {
                into.append(String.format("\\u%04x", (int) c));
            } else {
                into.append(c);
            }
        }
    }

    /** Whether what was appended ends with ## or ##vso (any case), so that a [ would open a command. */
    private static boolean commandOpens(StringBuilder into, int start) {
        int n = into.length();
        if (n >= 2 && into.charAt(n - 1) == '#' && into.charAt(n - 2) == '#') {
            return true;
        }
        return n >= 5 && into.substring(n - 5).equalsIgnoreCase("##vso");
    }

    /** {@code ESC [ digits ; ... m}: a colour, which picocli's Ansi writes and no runner reads. */
    private static boolean isColour(CharSequence text, int from) {
        for (int i = from; i < text.length() && i < from + 32; i++) {
            char c = text.charAt(i);
            if (c == 'm') {
                return true;
            }
            if (!(c >= '0' && c <= '9' || c == ';')) {
                return false;
            }
        }
        return false;
    }

    /** Holds back each line until it ends, then writes it inert. */
    private static final class Filter extends Writer {
        private final PrintWriter target;
        private final boolean autoFlush;
        private final StringBuilder line = new StringBuilder();
        /** Whether the line now held starts a line of the output (a flush may have written its start). */
        private boolean lineStart = true;

        Filter(PrintWriter target, boolean autoFlush) {
            this.target = target;
            this.autoFlush = autoFlush;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                if (c == '\n') {
                    emit();
                    target.write('\n');
                    lineStart = true;
                    if (autoFlush) {
                        target.flush();
                    }
                } else {
                    line.append(c);
                }
            }
        }

        private void emit() {
            if (line.length() > 0) {
                StringBuilder safe = new StringBuilder(line.length() + 8);
                appendInert(safe, line, lineStart);
                target.write(safe.toString());
                line.setLength(0);
                lineStart = false;
            }
        }

        void raw(String command) {
            emit();
            if (!lineStart) {
                target.write('\n');
            }
            target.write(command);
            target.write('\n');
            lineStart = true;
        }

        @Override
        public void flush() {
            emit();
            target.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            target.close();
        }
    }
}
