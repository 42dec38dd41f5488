package io.dbzlint.source;

import io.dbzlint.json.Limits;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Printable;
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
        Optional<byte[]> top = git(cwd, 64 * 1024, "rev-parse", "--show-toplevel");
        if (top.isEmpty()) {
            throw new Unavailable("--diff-base needs a git repository, and " + cwd + " is not in one (or git is missing)");
        }
        Path root = Path.of(new String(top.get(), StandardCharsets.UTF_8).strip());
        if (git(root, 4096, "rev-parse", "--verify", "--quiet", ref + "^{commit}").isEmpty()) {
            throw new Unavailable("--diff-base: unknown git ref \"" + ref + "\"");
        }
        return new GitRevision(root, ref);
    }

    /**
     * The given files as they are at the ref; files outside the repository or new since it are left
     * out. A file the ref holds but whose content cannot be read (a partial clone's missing blob) or
     * that is larger than dbzlint reads is an error, so the run fails closed rather than passing.
     */
    public Source filesOf(List<Input> files) {
        return () -> {
            List<String> errors = new ArrayList<>();
            List<Input> inputs = inputsAt(files, errors);
            return new Source.Found(inputs, errors);
        };
    }

    private List<Input> inputsAt(List<Input> sources, List<String> errors) {
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
            String name = ref + ":" + relative;
            // the tree says whether the ref holds the file, without its content (no fetch)
            Optional<byte[]> listed = git(top, 4096, "ls-tree", "--name-only", ref, "--", relative);
            if (listed.isEmpty() || listed.get().length == 0) {
                continue; // new since the ref
            }
            Optional<byte[]> size = git(top, 64, "cat-file", "-s", name);
            long bytes = size.map(out -> parseSize(new String(out, StandardCharsets.UTF_8).strip())).orElse(-1L);
            if (bytes < 0) {
                errors.add("--diff-base: cannot read " + Printable.escape(name) + " (a partial clone's missing"
                        + " object?): the base is not compared");
                continue;
            }
            if (bytes > Limits.MAX_FILE_BYTES) {
                errors.add("--diff-base: " + Printable.escape(name) + " is " + Limits.mebibytes(bytes) + ", larger than"
                        + " the " + Limits.mebibytes(Limits.MAX_FILE_BYTES) + " dbzlint reads: the base is not compared");
                continue;
            }
            Optional<byte[]> content = git(top, Limits.MAX_FILE_BYTES, "cat-file", "blob", name);
            if (content.isEmpty()) {
                errors.add("--diff-base: cannot read " + Printable.escape(name) + ": the base is not compared");
                continue;
            }
            base.add(Input.ofBytes(new InputId(name, null, source.id().format()), content.get()));
        }
        return base;
    }

    private static long parseSize(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Runs git with what a repository could configure to run a command turned off: no lazy fetch of
     * a partial clone's objects (which runs its remote's uploadpack), no fsmonitor, no hooks, no
     * transport at all; its output when it succeeds, read up to a bound.
     */
    private static Optional<byte[]> git(Path dir, long maxBytes, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "core.fsmonitor=false",
                "-c", "core.hooksPath=/dev/null", "-c", "protocol.allow=never", "-c", "core.sshCommand=false",
                "--no-replace-objects"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("GIT_NO_LAZY_FETCH", "1");
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (out.length > maxBytes) {
                process.destroyForcibly();
                return Optional.empty();
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
