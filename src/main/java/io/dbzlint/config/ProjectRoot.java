package io.dbzlint.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder every input's project path is relative to, so that a finding has the same identity
 * whatever folder dbzlint runs from: the repository root (the first folder with a .git, from the
 * working directory up), or the project config's folder when it lies outside any repository, or
 * else the working directory.
 */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    /** @param configFile the project config in use, or null */
    public static Path of(Path cwd, Path configFile) {
        Path repository = repositoryRoot(cwd);
        if (configFile != null) {
            Path configDir = configFile.toAbsolutePath().normalize().getParent();
            if (repository == null || !configDir.startsWith(repository)) {
                return configDir;
            }
        }
        return repository != null ? repository : cwd.toAbsolutePath().normalize();
    }

    /** The first folder from {@code dir} up that holds a .git, or null. */
    static Path repositoryRoot(Path dir) {
        for (Path at = dir.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            if (Files.exists(at.resolve(".git"))) {
                return at;
            }
        }
        return null;
    }
}
