package io.dbzlint.json;

import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON (or, by its extension, YAML) file that configures dbzlint, with positions. */
public final class UserFile {

    private UserFile() {
    }

    /**
     * @param name how messages name the file
     * @param what what the file is, for messages: "rules file", "config file", "baseline"
     */
    public static JsonTree.Parsed read(Path file, String name, String what) throws InvalidFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidFileException(name + ": " + what + " not found");
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidFileException(name + ": cannot read " + what + ": " + e.getMessage());
        }
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        InputId id = new InputId(name, null, InputFormat.ofFileName(fileName));
        try {
            return id.format() == InputFormat.YAML ? JsonTree.parseYaml(id, text) : JsonTree.parse(id, text);
        } catch (JsonTree.InvalidJson e) {
            throw new InvalidFileException(e.location() + ": " + e.getMessage());
        }
    }
}
