package io.dbzlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * {@code lint --watch}: lint, then lint again after files under the given paths change, until the
 * thread is interrupted (Ctrl-C ends the process). A burst of changes (an editor's save, a git
 * checkout) is one new lint. Folders that hold no configs (.git, target, node_modules) are not watched.
 */
final class Watch {

    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", "build", ".idea");
    private static final long QUIET_MILLIS = 150;

    private Watch() {
    }

    static int run(List<String> paths, Path cwd, IntSupplier lint, PrintWriter err) {
        int code = lint.getAsInt();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            for (String path : paths) {
                Path root = cwd.resolve(path);
                register(Files.isDirectory(root) ? root : root.toAbsolutePath().getParent(), watcher);
            }
            err.println("dbzlint: watching for changes (Ctrl-C to stop)");
            err.flush();
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                drain(key, watcher);
                // let the burst settle: one lint for a save or a checkout, not one per file
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more, watcher);
                }
                err.println("dbzlint: files changed; linting again");
                err.flush();
                code = lint.getAsInt();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            err.println("dbzlint: cannot watch: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        return code;
    }

    /** Takes a key's events; a new folder is watched too. */
    private static void drain(WatchKey key, WatchService watcher) throws IOException {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name) {
                Path changed = folder.resolve(name);
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                    register(changed, watcher);
                }
            }
        }
        key.reset();
    }

    /** Watches a folder and every folder below it, never through a link out of it. */
    private static void register(Path root, WatchService watcher) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root) && SKIPPED.contains(String.valueOf(dir.getFileName()))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
