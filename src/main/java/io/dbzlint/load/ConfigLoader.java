package io.dbzlint.load;

import io.dbzlint.model.InputId;

/** Reads an input into connectors, with the reader of the format its identity names. */
public final class ConfigLoader {

    /** The connectors in one input, read by its format. */
    public LoadedFile load(InputId input, byte[] bytes) {
        return Readers.of(input.format()).read(input, bytes);
    }
}
