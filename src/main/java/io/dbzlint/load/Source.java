package io.dbzlint.load;

import io.dbzlint.model.InputId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One input, read when the linter gets to it, with its identity. */
public interface Source {

    InputId id();

    byte[] read() throws IOException;

    static Source of(Path path, InputId id) {
        return new Source() {
            @Override
            public InputId id() {
                return id;
            }

            @Override
            public byte[] read() throws IOException {
                return Files.readAllBytes(path);
            }
        };
    }

    static Source ofBytes(InputId id, byte[] bytes) {
        return new Source() {
            @Override
            public InputId id() {
                return id;
            }

            @Override
            public byte[] read() {
                return bytes;
            }
        };
    }
}
