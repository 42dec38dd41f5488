package io.dbzlint.fix;

import io.dbzlint.model.InputId;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Fix;
import io.dbzlint.source.Input;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies the fixes of a run's findings (the safe ones, or the unsafe too) to the files they are in, changing only the
 * characters of each fix's range: every other byte of the file, its line endings among them,
 * stays as it was. A fix whose range no longer holds the text it expects (the file changed since
 * it was linted, or a token the range does not describe exactly) is left out, as is the second of
 * two fixes that overlap or that would create one key twice in one connector.
 */
public final class Fixer {

    /**
     * One input's fixes: its text before and after, the edits between them, and how many there are.
     *
     * @param path the file to write, or null for an input that is not a file (standard input)
     */
    public record FileFix(InputId input, Path path, String before, String after, List<Edit> edits) {

        public int applied() {
            return edits.size();
        }
    }

    /** The characters from {@code start} to {@code end} of the text before replaced, in order of start. */
    public record Edit(int start, int end, String replacement) {
    }

    private Fixer() {
    }

    /**
     * The fixes that apply, input by input, in the order of the findings. Each input is read again,
     * so a file that changed since it was linted gets only the fixes whose text still holds.
     *
     * @param allowed the least safe fixes to apply: {@link Fix.Safety#SAFE} for --fix, UNSAFE for
     *     --unsafe-fixes too
     * @param inputOf the input a finding's fix is in; empty for one that cannot be read again
     */
    public static List<FileFix> plan(List<Finding> findings, Fix.Safety allowed,
                                     Function<InputId, Optional<Input>> inputOf) throws IOException {
        Map<InputId, List<Finding>> byInput = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (finding.fix() != null && finding.fix().appliesUpTo(allowed)) {
                byInput.computeIfAbsent(finding.fix().range().input(), input -> new ArrayList<>()).add(finding);
            }
        }
        List<FileFix> plans = new ArrayList<>();
        for (Map.Entry<InputId, List<Finding>> entry : byInput.entrySet()) {
            Optional<Input> input = inputOf.apply(entry.getKey());
            if (input.isEmpty()) {
                continue;
            }
            Optional<String> before = decode(input.get().read());
            if (before.isEmpty()) {
                continue; // not UTF-8 any more: it changed since it was linted
            }
            plan(entry.getKey(), input.get().path().orElse(null), before.get(), entry.getValue()).ifPresent(plans::add);
        }
        return plans;
    }

    private static Optional<FileFix> plan(InputId input, Path path, String text, List<Finding> findings) {
        int[] lineStarts = lineStarts(text);
        List<Edit> edits = new ArrayList<>();
        // the ranges taken so far, by start: a lookup per fix, not a scan (200,000 fixes in one file)
        java.util.TreeMap<Integer, Integer> taken = new java.util.TreeMap<>();
        java.util.TreeSet<Integer> insertions = new java.util.TreeSet<>();
        Set<String> createdKeys = new HashSet<>();
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.naturalOrder());
        for (Finding finding : ordered) {
            Fix fix = finding.fix();
            int line = fix.range().line() - 1;
            int endLine = fix.range().endLine() - 1;
            if (endLine >= lineStarts.length) {
                continue;
            }
            int start = lineStarts[line] + fix.range().column() - 1;
            int end = lineStarts[endLine] + fix.range().endColumn() - 1;
            int endLineEnd = endLine + 1 < lineStarts.length ? lineStarts[endLine + 1] : text.length();
            if (end > endLineEnd || !text.substring(start, end).equals(fix.expected())) {
                continue;
            }
            if (overlaps(taken, insertions, start, end)) {
                continue; // two fixes of one token: the first in finding order wins
            }
            if (start == end) {
                insertions.add(start);
            } else {
                taken.put(start, end);
            }
            if (fix.newKey() != null && !createdKeys.add(finding.connector() + "\u0000" + fix.newKey())) {
                continue; // two old keys renamed to one new one would make a duplicate key
            }
            edits.add(new Edit(start, end, fix.replacement()));
        }
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        return Optional.of(new FileFix(input, path, text, apply(text, 0, text.length(), edits), List.copyOf(edits)));
    }

    /**
     * Whether a range overlaps one taken (start < other end and other start < end): the taken ranges
     * do not overlap one another, so only the last one starting before the end can reach into it;
     * an insertion only strictly inside it.
     */
    private static boolean overlaps(java.util.TreeMap<Integer, Integer> taken, java.util.TreeSet<Integer> insertions,
                                    int start, int end) {
        java.util.Map.Entry<Integer, Integer> before = taken.lowerEntry(start == end ? start : end);
        if (before != null && before.getValue() > start) {
            return true;
        }
        Integer inside = insertions.higher(start);
        return start < end && inside != null && inside < end;
    }

    /** The text from {@code from} to {@code to} with the edits inside it applied. */
    static String apply(String text, int from, int to, List<Edit> edits) {
        StringBuilder out = new StringBuilder(to - from + 64);
        int at = from;
        for (Edit edit : edits) {
            if (edit.start() >= from && edit.end() <= to) {
                out.append(text, at, edit.start()).append(edit.replacement());
                at = edit.end();
            }
        }
        return out.append(text, at, to).toString();
    }

    /**
     * Writes a fixed file in place (a fix with a path), atomically: a temporary file beside it, given the file's
     * permissions, then renamed over it. A link inside the project is followed, so the file it names
     * is fixed and the link stays a link; dbzlint writes only a regular file the user may write, in
     * the project (or the very file named on the command line outside it), still as it was linted,
     * all checked again just before the rename.
     *
     * @param project the project root, which no write leaves
     */
    public static void write(FileFix fix, Path project) throws IOException {
        Path target = writable(fix, project);
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".dbzlint");
        try {
            Files.write(temp, fix.after().getBytes(StandardCharsets.UTF_8));
            PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (from != null && to != null) {
                to.setPermissions(from.readAttributes().permissions());
            }
            if (!writable(fix, project).equals(target)) {
                throw new IOException("it changed while it was fixed (a link swapped): not fixed");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A file whose permissions let no one write it: read-only even to root, who may write anything. */
    private static boolean readOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return false;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = view.readAttributes().permissions();
        return !permissions.contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)
                && !permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    }

    /** The real file a fix may be written to, or why not. */
    private static Path writable(FileFix fix, Path project) throws IOException {
        Path named = fix.path();
        Path target = named.toRealPath();
        Path root = project.toRealPath();
        if (fix.input().projectPath() != null ? !target.startsWith(root) : Files.isSymbolicLink(named)) {
            throw new IOException("a link out of the project: not fixed");
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file: not fixed");
        }
        if (!Files.isWritable(target) || readOnly(target)) {
            throw new IOException("read-only: not fixed");
        }
        Optional<String> now = decode(Files.readAllBytes(target));
        if (now.isEmpty() || !now.get().equals(fix.before())) {
            throw new IOException("it changed since it was linted: not fixed");
        }
        return target;
    }

    /** Offsets where each line starts; a line ends at \n, \r\n or a lone \r, as the loaders count. */
    public static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
