package io.dbzlint.cli;

import io.dbzlint.load.Source;
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
 * The files of a run as they are at a git ref, read with {@code git show REF:PATH} (no checkout,
 * the working tree untouched). A file that did not exist at the ref has no base.
 */
final class GitBase {

    /** A reason, in one line, that the base cannot be read. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final Path top;
    private final String ref;

    private GitBase(Path top, String ref) {
        this.top = top;
        this.ref = ref;
    }

    static GitBase open(Path cwd, String ref) throws Unavailable {
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
        return new GitBase(root, ref);
    }

    /** The sources as they are at the ref; files outside the repository or new since it are left out. */
    List<Source> sourcesAt(List<Source> sources) {
        List<Source> base = new ArrayList<>();
        for (Source source : sources) {
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
            git(top, "show", ref + ":" + relative).ifPresent(bytes -> base.add(Source.ofBytes(
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
