package io.dbzlint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing input files for a test, folders included. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
