package io.dbzlint.json;

import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
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
        name = Printable.escape(name);
        String text;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new InvalidFileException(name + ": the " + what + " is not a regular file");
            }
            long size = Files.size(file);
            if (size > Limits.MAX_FILE_BYTES) {
                throw new InvalidFileException(name + ": the " + what + " is " + Limits.mebibytes(size)
                        + ", larger than the " + Limits.mebibytes(Limits.MAX_FILE_BYTES) + " dbzlint reads");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidFileException(name + ": " + what + " not found");
        } catch (MalformedInputException | UnmappableCharacterException e) {
            throw new InvalidFileException(name + ": the " + what + " is not valid UTF-8 text; save it as UTF-8");
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidFileException(name + ": cannot read " + what + ": "
                    + Printable.cut(String.valueOf(e.getMessage()), Printable.MAX_VALUE));
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
