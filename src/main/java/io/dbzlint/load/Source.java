package io.dbzlint.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One input, read when the linter gets to it, and the name it is reported under. */
public interface Source {

    String displayPath();

    byte[] read() throws IOException;

    static Source of(Path path, String displayPath) {
        return new Source() {
            @Override
            public String displayPath() {
                return displayPath;
            }

            @Override
            public byte[] read() throws IOException {
                return Files.readAllBytes(path);
            }
        };
    }

    static Source ofBytes(String displayPath, byte[] bytes) {
        return new Source() {
            @Override
            public String displayPath() {
                return displayPath;
            }

            @Override
            public byte[] read() {
                return bytes;
            }
        };
    }
}
