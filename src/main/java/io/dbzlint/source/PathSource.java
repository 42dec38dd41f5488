package io.dbzlint.source;

import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files and folders named on the command line: files as given (read by their extension, or else by
 * their first characters), directories searched recursively for the files connector configs live
 * in (every extension of {@link InputFormat}; skipping hidden files and folders, such as
 * .dbzlint.json and .git, and node_modules). Only regular files are read:
 * a FIFO, device or socket is reported by name and skipped. Symbolic links are followed, and each
 * real file is an input once, under the first of its names in sorted order; a link that leads back
 * into a folder being searched is not followed again. Inputs come out sorted by name.
 */
public final class PathSource implements Source {

    /** What a directory search reads, for messages. */
    public static final String PATTERNS = InputFormat.patterns();
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules");

    private final List<String> paths;
    private final Path cwd;
    private final Path projectRoot;
    private final InputFormat forced;

    /**
     * @param cwd what relative paths are relative to; files are still shown as the user named them
     * @param projectRoot what each input's project path is relative to
     * @param forced the format every input is read in (--input-format), or null: a directory's files
     *     by their names, a file given by name by its name or else its first characters
     */
    public PathSource(List<String> paths, Path cwd, Path projectRoot, InputFormat forced) {
        this.paths = List.copyOf(paths);
        this.cwd = cwd;
        this.projectRoot = projectRoot;
        this.forced = forced;
    }

    @Override
    public Found find() {
        Path root = projectRoot.toAbsolutePath().normalize();
        Map<Object, Input> byRealFile = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (String argument : paths) {
            String shown = Printable.escape(argument);
            Path given = Path.of(argument);
            Path path = cwd.resolve(given);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                errors.add(shown + ": no such file or directory");
            } else if (!Files.exists(path)) {
                errors.add(shown + ": a link to nothing (its target does not exist)");
            } else if (Files.isDirectory(path)) {
                List<Walked> found = walk(path, given, boundary(path, root), errors);
                if (found.isEmpty()) {
                    errors.add(shown + ": no connector files in this directory (" + PATTERNS + ")");
                }
                WalkNames names = WalkNames.of(path, given, root);
                for (Walked file : found) {
                    String relative = names.relative(file.path());
                    InputId id = new InputId(names.display(relative), names.projectPath(relative), forced != null
                            ? forced : file.format());
                    add(byRealFile, file.path(), file.key(), id);
                }
            } else if (Files.isRegularFile(path)) {
                Path absolute = path.toAbsolutePath().normalize();
                String projectPath = absolute.startsWith(root) ? portable(root.relativize(absolute)) : null;
                add(byRealFile, path, null,
                        new InputId(display(given.normalize()), projectPath, forced != null ? forced : formatOf(path)));
            } else {
                errors.add(shown + ": not a regular file (a FIFO, device or socket); not read");
            }
        }
        return new Found(sortedByName(byRealFile.values()), errors);
    }

    /**
     * The sources in order of their displayed names. Each name is read once: through the Input
     * interface (which C1 does not inline) twice per comparison, the sort was most of finding
     * 100,000 files.
     */
    private static List<Input> sortedByName(Collection<Input> sources) {
        ByName[] named = new ByName[sources.size()];
        int i = 0;
        for (Input source : sources) {
            named[i++] = new ByName(source.id().displayPath(), source);
        }
        Arrays.sort(named);
        List<Input> sorted = new ArrayList<>(named.length + 1);
        for (ByName entry : named) {
            sorted.add(entry.source());
        }
        return sorted;
    }

    private record ByName(String name, Input source) implements Comparable<ByName> {
        @Override
        public int compareTo(ByName other) {
            return name.compareTo(other.name);
        }
    }

    /**
     * Adds a file once per real file, keeping the name that sorts first so output is stable.
     *
     * @param key what identifies the real file (device and inode, from the walk), or null to
     *     resolve its real path
     */
    private static void add(Map<Object, Input> byRealFile, Path file, Object key, InputId id) {
        byRealFile.merge(key != null ? key : identity(file.toAbsolutePath().normalize()), Input.of(file, id),
                (kept, other) -> kept.id().displayPath().compareTo(other.id().displayPath()) <= 0 ? kept : other);
    }

    /**
     * The names of the files one walk found, built from each file's part below the walked folder.
     * Path arithmetic per file (two relativize and two normalize calls) was a fifth of finding
     * 100,000 files, serial, before any is read; what every file of the walk shares is worked out
     * once. A walk reports each file as the walked folder resolved against names from directory
     * listings, never "." or "..", so the part below it needs no normalizing.
     *
     * @param walked the walked folder as the walk reports paths under it
     * @param displayPrefix the folder as given, normalized, with a separator when not empty
     * @param projectPrefix the folder relative to the project root, with a separator when not
     *     empty; null when the folder is outside the project
     */
    private record WalkNames(String walked, String displayPrefix, String projectPrefix) {

        static WalkNames of(Path walked, Path given, Path root) {
            String shown = portable(given.normalize());
            Path absolute = walked.toAbsolutePath().normalize();
            String project = absolute.startsWith(root) ? portable(root.relativize(absolute)) : null;
            return new WalkNames(walked.toString(), withSeparator(shown), project == null ? null : withSeparator(project));
        }

        private static String withSeparator(String folder) {
            return folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        }

        String relative(Path file) {
            String path = file.toString();
            int start = walked.length() + (walked.endsWith(file.getFileSystem().getSeparator()) ? 0 : 1);
            return path.substring(start).replace('\\', '/');
        }

        String display(String relative) {
            return Printable.escape(displayPrefix + relative);
        }

        String projectPath(String relative) {
            return projectPrefix == null ? null : projectPrefix + relative;
        }
    }

    /** A file given by name: its extension's format, or else what its first characters look like. */
    static InputFormat formatOf(Path file) {
        Optional<InputFormat> byName = InputFormat.forFileName(file.getFileName().toString());
        if (byName.isPresent()) {
            return byName.get();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return InputFormat.sniff(new String(in.readNBytes(512), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return InputFormat.JSON; // reported as unreadable when it is read
        }
    }

    /** What identifies a real file: its file key (device and inode), else its real path. */
    private static Object identity(Path absolute) {
        try {
            Object key = Files.readAttributes(absolute, BasicFileAttributes.class).fileKey();
            if (key != null) {
                return key;
            }
        } catch (IOException e) {
            // a broken link or an unreadable file: its path stands for it, and reading reports it
        }
        return realPath(absolute);
    }

    private static Path realPath(Path absolute) {
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute; // a broken link: reported when it is read
        }
    }

    /** Paths are shown as given, with forward slashes and no unprintable characters, on every OS. */
    private static String display(Path path) {
        String text = Printable.escape(portable(path));
        return text.isEmpty() ? "." : text;
    }

    static String portable(Path path) {
        return path.toString().replace('\\', '/');
    }

    /**
     * A file the walk found, and what identifies the real file behind its name: the file key
     * (device and inode) of the attributes the walk read anyway, as resolving every file's real
     * path took a third of finding 100,000 files. Null when the platform gives no file key.
     */
    private record Walked(Path path, Object key, InputFormat format) {
    }

    /**
     * What links in a walked folder may lead into: the project, when the folder is in it, else the
     * folder itself. A repository's link out of it (to a runner's secrets, to /proc) is not followed.
     */
    private static Path boundary(Path walked, Path projectRoot) {
        Path folder = realPath(walked.toAbsolutePath().normalize());
        Path project = realPath(projectRoot);
        return folder.startsWith(project) ? project : folder;
    }

    /** Whether an entry that is a link leads out of the boundary. */
    private static boolean leaves(Path entry, Path boundary) {
        if (!Files.isSymbolicLink(entry)) {
            return false;
        }
        try {
            return !entry.toRealPath().startsWith(boundary);
        } catch (IOException e) {
            return false; // a broken link: reported when it is read
        }
    }

    /** A shell interpreter a script's first line names: #!/bin/sh, #!/usr/bin/env bash. */
    private static final java.util.regex.Pattern SHEBANG = java.util.regex.Pattern.compile(
            "#![ \\t]*/\\S*/(?:env[ \\t]+(?:-\\S+[ \\t]+)*)?(?:ba|da|z|k)?sh\\b.*");

    /**
     * A file without an extension (post-connectors/register, bin/setup) that the walk reads as a
     * script: at most 1 MiB, its first line runs a shell.
     */
    private static boolean isScript(Path file, BasicFileAttributes attrs) {
        if (attrs.size() < 3 || attrs.size() > 1024 * 1024) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(128), StandardCharsets.ISO_8859_1);
            int end = head.indexOf('\n');
            return SHEBANG.matcher(end < 0 ? head : head.substring(0, end)).matches();
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: not known to be a script
        }
    }

    private static List<Walked> walk(Path root, Path given, Path boundary, List<String> errors) {
        List<Walked> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                            boolean skip = !dir.equals(root)
                                    && (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name));
                            if (!skip && !dir.equals(root) && leaves(dir, boundary)) {
                                errors.add(display(given.resolve(root.relativize(dir)))
                                        + ": a link out of the project; not followed");
                                skip = true;
                            }
                            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString();
                            if (name.startsWith(".") || attrs.isDirectory()) {
                                return FileVisitResult.CONTINUE;
                            }
                            InputFormat format = InputFormat.forFileName(name).orElse(null);
                            if (format == null) {
                                // opened only inside the project: a link out of it is never read
                                if (name.indexOf('.') >= 0 || !attrs.isRegularFile() || leaves(file, boundary)
                                        || !isScript(file, attrs)) {
                                    return FileVisitResult.CONTINUE;
                                }
                                format = InputFormat.SHELL;
                            }
                            if (attrs.isOther()) {
                                errors.add(display(given.resolve(root.relativize(file)))
                                        + ": not a regular file (a FIFO, device or socket); not read");
                            } else if (leaves(file, boundary)) {
                                errors.add(display(given.resolve(root.relativize(file)))
                                        + ": a link out of the project; not followed");
                            } else {
                                files.add(new Walked(file, attrs.fileKey(), format)); // a broken link is reported when read
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE; // its files are found on the way in
                            }
                            Optional<InputFormat> format = InputFormat.forFileName(file.getFileName().toString());
                            if (format.isPresent()) {
                                files.add(new Walked(file, null, format.get())); // reported as unreadable when read, the others linted
                            } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                                errors.add(display(given.resolve(root.relativize(file))) + ": cannot read directory");
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            errors.add(display(given) + ": cannot read directory: " + e.getMessage());
        }
        return files;
    }
}
