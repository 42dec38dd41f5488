package io.dbzlint.catalog;

import io.dbzlint.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/** The frame of a generated catalog file: one pretty JSON object, ending with a newline. */
final class GeneratedFile {

    private GeneratedFile() {
    }

    /** The JSON object whose fields {@code fields} writes, as the committed file holds it. */
    static String json(Consumer<JsonGenerator> fields) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartObject();
            fields.accept(json);
            json.writeEndObject();
        }
        return text + "\n";
    }

    /** A generator's main: writes what it generates to its committed file. */
    static void write(Path file, String generated) throws IOException {
        Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
}
