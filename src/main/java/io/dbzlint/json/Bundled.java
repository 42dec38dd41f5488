package io.dbzlint.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The data bundled into the jar: rules, catalog, schemas. Read from the jar (or classes directory)
 * this class was loaded from, not through the class loader: a class loader asks its parents first,
 * and they look for a resource outside any package in every module of the runtime image, about
 * 10 ms on the first lookup of a start-up. The jar is the class path's, already open, so opening
 * it again reads nothing twice.
 */
public final class Bundled {

    private static final Origin ORIGIN = Origin.find();

    private Bundled() {
    }

    /** A bundled resource's text; a missing one is a broken build, not a user's mistake. */
    public static String text(String resource) {
        return find(resource).orElseThrow(() -> new IllegalStateException(resource + " is missing from the jar"));
    }

    /** A bundled resource's text (an absolute name, e.g. {@code /rules/schemas/mysql.schema.json}), if the jar has it. */
    public static Optional<String> find(String resource) {
        if (!resource.startsWith("/") || resource.contains("..") || resource.contains("\\")) {
            return Optional.empty(); // only our own names, never a way out of the bundle
        }
        try {
            Optional<byte[]> bytes = ORIGIN == null ? fromClassLoader(resource) : ORIGIN.read(resource.substring(1));
            return bytes.map(b -> new String(b, StandardCharsets.UTF_8));
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

    private static Optional<byte[]> fromClassLoader(String resource) throws IOException {
        try (InputStream in = Bundled.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }

    /** The jar or directory dbzlint's classes come from; null when the JVM does not say (then the class loader). */
    private record Origin(ZipFile jar, Path directory) {

        static Origin find() {
            try {
                CodeSource source = Bundled.class.getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                    return null;
                }
                Path path = Path.of(source.getLocation().toURI());
                return Files.isDirectory(path) ? new Origin(null, path) : new Origin(new ZipFile(path.toFile()), null);
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return null;
            }
        }

        Optional<byte[]> read(String name) throws IOException {
            if (directory != null) {
                Path file = directory.resolve(name);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }
            ZipEntry entry = jar.getEntry(name);
            if (entry == null || entry.isDirectory()) {
                return Optional.empty();
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return Optional.of(in.readAllBytes());
            }
        }
    }
}
