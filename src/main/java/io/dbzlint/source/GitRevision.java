package io.dbzlint.source;

import io.dbzlint.model.InputId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A git revision as a source: the files of a run as they are at a ref, read with
 * {@code git show REF:PATH} (no checkout, the working tree untouched). A file that did not exist
 * at the ref has no base. Each input is known as {@code REF:PATH}.
 */
public final class GitRevision {

    /** A reason, in one line, that the base cannot be read. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final Path top;
    private final String ref;

    private GitRevision(Path top, String ref) {
        this.top = top;
        this.ref = ref;
    }

    public static GitRevision open(Path cwd, String ref) throws Unavailable {
        if (ref.isBlank() || ref.startsWith("-")) {
            throw new Unavailable("--diff-base: \"" + ref + "\" is not a git ref");
        }
        Optional<byte[]> top = git(cwd, "rev-parse", "--show-toplevel");
        if (top.isEmpty()) {
            throw new Unavailable("--diff-base needs a git repository, and " + cwd + " is not in one (or git is missing)");
        }
        Path root = Path.of(new String(top.get(), StandardCharsets.UTF_8).strip());
        if (git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").isEmpty()) {
            throw new Unavailable("--diff-base: unknown git ref \"" + ref + "\"");
        }
        return new GitRevision(root, ref);
    }

    /** The given files as they are at the ref; files outside the repository or new since it are left out. */
    public Source filesOf(List<Input> files) {
        return () -> new Source.Found(inputsAt(files), List.of());
    }

    private List<Input> inputsAt(List<Input> sources) {
        List<Input> base = new ArrayList<>();
        for (Input source : sources) {
            Optional<Path> path = source.path();
            if (path.isEmpty()) {
                continue;
            }
            Path real;
            try {
                real = path.get().toRealPath();
            } catch (IOException e) {
                continue;
            }
            if (!real.startsWith(top)) {
                continue;
            }
            String relative = top.relativize(real).toString().replace('\\', '/');
            git(top, "show", ref + ":" + relative).ifPresent(bytes -> base.add(Input.ofBytes(
                    new InputId(ref + ":" + relative, null, source.id().format()), bytes)));
        }
        return base;
    }

    /** Runs git; its output when it succeeds. Standard error is discarded: the caller says what failed. */
    private static Optional<byte[]> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                out = buffer.toByteArray();
            }
            return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
