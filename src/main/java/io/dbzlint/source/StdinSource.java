package io.dbzlint.source;

import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Standard input ({@code -}), read once. Shown as {@code <stdin>}, or, with --stdin-filename, as
 * the file it stands for (as ruff and ESLint do): then its format comes from that name, and the
 * project config's include, exclude and ignores and a baseline treat it as that file. It is never
 * written: --fix prints the fixed text instead.
 */
public final class StdinSource implements Source {

    private final InputStream in;
    private final String filename;
    private final Path cwd;
    private final Path projectRoot;
    private final InputFormat forced;

    /**
     * @param filename the file standard input stands for, as the user named it, or null
     * @param forced the format to read it in (--input-format), or null: by the file name, else by its first characters
     */
    public StdinSource(InputStream in, String filename, Path cwd, Path projectRoot, InputFormat forced) {
        this.in = in;
        this.filename = filename;
        this.cwd = cwd;
        this.projectRoot = projectRoot;
        this.forced = forced;
    }

    @Override
    public Found find() {
        String display = InputId.STDIN;
        String projectPath = null;
        InputFormat byName = null;
        if (filename != null) {
            Path given = Path.of(filename);
            display = Printable.escape(PathSource.portable(given.normalize()));
            Path absolute = cwd.resolve(given).toAbsolutePath().normalize();
            Path root = projectRoot.toAbsolutePath().normalize();
            projectPath = absolute.startsWith(root) ? PathSource.portable(root.relativize(absolute)) : null;
            byName = InputFormat.forFileName(given.getFileName() == null ? "" : given.getFileName().toString())
                    .orElse(null);
        }
        InputFormat format = forced != null ? forced : byName;
        if (format != null) {
            return new Found(List.of(Input.ofStream(new InputId(display, projectPath, format), in)), List.of());
        }
        Input stream = Input.ofStream(new InputId(display, projectPath, InputFormat.JSON), in);
        try {
            byte[] bytes = stream.read();
            format = InputFormat.sniff(new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8));
            return new Found(List.of(Input.ofBytes(new InputId(display, projectPath, format), bytes)), List.of());
        } catch (IOException e) {
            return new Found(List.of(stream), List.of()); // too large or unreadable: reported when the linter reads it
        }
    }
}
