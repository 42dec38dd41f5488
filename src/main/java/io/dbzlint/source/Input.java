package io.dbzlint.source;

import io.dbzlint.json.Limits;
import io.dbzlint.model.InputId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One input, read when the linter gets to it, with its identity. */
public interface Input {

    InputId id();

    /**
     * The input's bytes.
     *
     * @throws TooLarge when it is larger than {@link Limits#MAX_FILE_BYTES}, without reading it
     */
    byte[] read() throws IOException;

    /** The file on disk, where {@code --fix} writes; empty for standard input and bytes in memory. */
    default Optional<Path> path() {
        return Optional.empty();
    }

    /** An input larger than dbzlint reads. */
    final class TooLarge extends IOException {
        private final long size;

        public TooLarge(long size) {
            super("larger than " + Limits.MAX_FILE_BYTES + " bytes", null);
            this.size = size;
        }

        /** The size in bytes, or -1 when it is not known (a stream cut at the limit). */
        public long size() {
            return size;
        }
    }

    static Input of(Path path, InputId id) {
        return new Input() {
            @Override
            public InputId id() {
                return id;
            }

            @Override
            public Optional<Path> path() {
                return Optional.of(path);
            }

            @Override
            public byte[] read() throws IOException {
                long size = Files.size(path);
                if (size > Limits.MAX_FILE_BYTES) {
                    throw new TooLarge(size);
                }
                return Files.readAllBytes(path);
            }
        };
    }

    static Input ofBytes(InputId id, byte[] bytes) {
        return new Input() {
            @Override
            public InputId id() {
                return id;
            }

            @Override
            public byte[] read() throws IOException {
                if (bytes.length > Limits.MAX_FILE_BYTES) {
                    throw new TooLarge(bytes.length);
                }
                return bytes;
            }
        };
    }

    /** A stream read once, when first asked, up to the size limit. */
    static Input ofStream(InputId id, InputStream in) {
        return new Input() {
            private byte[] bytes;

            @Override
            public InputId id() {
                return id;
            }

            @Override
            public synchronized byte[] read() throws IOException {
                if (bytes == null) {
                    bytes = in.readNBytes((int) Limits.MAX_FILE_BYTES + 1);
                }
                if (bytes.length > Limits.MAX_FILE_BYTES) {
                    throw new TooLarge(-1);
                }
                return bytes;
            }
        };
    }
}
