package io.dbzlint.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The data bundled into the jar: rules, catalog, schemas. */
public final class Bundled {

    private Bundled() {
    }

    /** A bundled resource's text; a missing one is a broken build, not a user's mistake. */
    public static String text(String resource) {
        return find(resource).orElseThrow(() -> new IllegalStateException(resource + " is missing from the jar"));
    }

    /** A bundled resource's text, if the jar has it. */
    public static Optional<String> find(String resource) {
        try (InputStream in = Bundled.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + resource, e);
        }
    }

    /** A bundled JSON document as a tree, without positions. */
    public static tools.jackson.databind.JsonNode json(String resource) {
        try {
            return JsonTree.read(resource, text(resource));
        } catch (JsonTree.InvalidJson e) {
            throw new IllegalStateException(resource + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
