package io.dbzlint.rule;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas bundled from {@code rules/schemas/}, compiled on first use only: a run that
 * has no PostgreSQL connector never pays for the PostgreSQL schema. Schemas refer to each other
 * by {@code $id} under {@value #BASE}, resolved from the jar, never from the network.
 */
public final class Schemas {

    public static final String BASE = "https://dbzlint.io/schemas/";
    private static final String RESOURCE_DIR = "/rules/schemas/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Schemas::bundledText));
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> TREES = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** The compiled schema of a bundled file, e.g. {@code mysql.schema.json}. */
    public static Schema get(String fileName) {
        return COMPILED.computeIfAbsent(fileName,
                name -> REGISTRY.getSchema(SchemaLocation.of(BASE + name)));
    }

    /** The raw tree of a bundled schema, for reading descriptions next to a failed keyword. */
    public static JsonNode tree(String fileName) {
        return TREES.computeIfAbsent(fileName, name -> MAPPER.readTree(bundledText(BASE + name)));
    }

    private static String bundledText(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        String resource = RESOURCE_DIR + iri.substring(BASE.length());
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled schema " + resource, e);
        }
    }
}
