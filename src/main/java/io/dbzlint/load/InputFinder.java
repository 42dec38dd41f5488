package io.dbzlint.load;

import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns command-line paths into inputs: files as given, directories searched recursively for
 * {@code *.json} (skipping hidden files and folders, such as .dbzlint.json and .git, and
 * node_modules, which hold other JSON), {@code -} for standard input. Inputs come out sorted by
 * path, each once.
 */
public final class InputFinder {

    public static final String STDIN = "-";
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules");

    /** The inputs found, and one line for each path that named nothing usable. */
    public record Found(List<Source> sources, List<String> errors) {
    }

    private InputFinder() {
    }

    /**
     * @param cwd what relative paths are relative to; files are still shown as the user named them
     * @param projectRoot what each input's project path is relative to
     */
    public static Found find(List<String> paths, InputStream stdin, Path cwd, Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        Map<Path, Source> byPath = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Source stdinSource = null;
        for (String argument : paths) {
            if (argument.equals(STDIN)) {
                if (stdinSource == null) {
                    stdinSource = readStdin(stdin);
                }
                continue;
            }
            Path given = Path.of(argument);
            Path path = cwd.resolve(given);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                errors.add(argument + ": no such file or directory");
            } else if (Files.isDirectory(path)) {
                List<Path> found = walk(path, errors);
                if (found.isEmpty()) {
                    errors.add(argument + ": no *.json files in this directory");
                }
                found.forEach(file -> add(byPath, file, given.resolve(path.relativize(file)), root));
            } else {
                add(byPath, path, given, root);
            }
        }
        List<Source> sources = new ArrayList<>(byPath.values());
        sources.sort(Comparator.comparing(source -> source.id().displayPath()));
        if (stdinSource != null) {
            sources.add(stdinSource);
        }
        return new Found(sources, errors);
    }

    private static void add(Map<Path, Source> byPath, Path file, Path shownAs, Path root) {
        Path absolute = file.toAbsolutePath().normalize();
        String projectPath = absolute.startsWith(root) ? portable(root.relativize(absolute)) : null;
        InputId id = new InputId(display(shownAs.normalize()), projectPath, InputFormat.JSON);
        byPath.putIfAbsent(absolute, Source.of(file, id));
    }

    /** Paths are shown as given, with forward slashes, so output is the same on every OS. */
    private static String display(Path path) {
        String text = portable(path);
        return text.isEmpty() ? "." : text;
    }

    private static String portable(Path path) {
        return path.toString().replace('\\', '/');
    }
    private static List<Path> walk(Path root, List<String> errors) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root)
                            && (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".json") && !name.startsWith(".") && !attrs.isDirectory()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (file.getFileName().toString().endsWith(".json")) {
                        files.add(file); // reported as unreadable when read, with the others still linted
                    } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                        errors.add(display(file) + ": cannot read directory");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(display(root) + ": cannot read directory: " + e.getMessage());
        }
        return files;
    }

    private static Source readStdin(InputStream stdin) {
        try {
            return Source.ofBytes(new InputId(InputId.STDIN, null, InputFormat.JSON), stdin.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
