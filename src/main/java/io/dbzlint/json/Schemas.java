package io.dbzlint.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.NodeReader;
import io.dbzlint.json.Bundled;
import io.dbzlint.json.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas bundled from {@code rules/schemas/}, compiled on first use only: a run that
 * has no PostgreSQL connector never pays for the PostgreSQL schema. Schemas refer to each other
 * by {@code $id} under {@value #BASE}, resolved from the jar, never from the network.
 */
public final class Schemas {

    public static final String BASE = "https://dbzlint.io/schemas/";
    private static final String RESOURCE_DIR = "/rules/schemas/";

    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> TREES = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** The compiled schema of a bundled file, e.g. {@code mysql.schema.json}. */
    public static Schema get(String fileName) {
        return COMPILED.computeIfAbsent(fileName, Schemas::compile);
    }

    /**
     * Checks a document (a rules file, a project config, a baseline) against a bundled schema;
     * one line per problem, naming the file, line and column.
     */
    public static List<String> problems(String schemaFile, JsonTree.Parsed document) {
        List<String> problems = new ArrayList<>();
        for (Error error : get(schemaFile).validate(document.root())) {
            String pointer = pointer(error.getInstanceLocation());
            problems.add(document.locationOf(pointer) + ": " + (pointer.isEmpty() ? "/" : pointer) + " "
                    + error.getMessage());
        }
        return problems;
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append('/').append(element instanceof Integer ? element.toString() : JsonTree.escape(element.toString()));
        }
        return pointer.toString();
    }

    /** The raw tree of a bundled schema, for reading descriptions next to a failed keyword. */
    public static JsonNode tree(String fileName) {
        return TREES.computeIfAbsent(fileName, name -> {
            try {
                return JsonTree.read(RESOURCE_DIR + name, bundledText(BASE + name));
            } catch (JsonTree.InvalidJson e) {
                throw new IllegalStateException("bundled schema " + name + " is invalid: " + e.getMessage(), e);
            }
        });
    }

    private static Schema compile(String fileName) {
        return Validator.REGISTRY.getSchema(SchemaLocation.of(BASE + fileName), tree(fileName));
    }

    /**
     * The validator, built on first compile: its dialect loads about 250 classes (45 ms of a
     * start-up), which a lint whose configs all pass {@code SchemaFastPath} never needs.
     */
    private static final class Validator {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Schemas::bundledText).nodeReader(new StreamingNodeReader()));
    }

    /**
     * Reads schema text (ours, and any the validator loads for $ref) with the streaming parser:
     * the validator's own reader builds a Jackson ObjectMapper, which costs about 200 ms of
     * start-up, more than the whole lint of a typical repository.
     */
    private static final class StreamingNodeReader implements NodeReader {
        @Override
        public JsonNode readTree(String content, InputFormat format) {
            if (format != InputFormat.JSON) {
                throw new IllegalArgumentException("dbzlint schemas are JSON, not " + format);
            }
            try {
                return JsonTree.read("schema", content);
            } catch (JsonTree.InvalidJson e) {
                throw new IllegalStateException("invalid schema at " + e.location() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public JsonNode readTree(InputStream content, InputFormat format) {
            try {
                return readTree(new String(content.readAllBytes(), StandardCharsets.UTF_8), format);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String bundledText(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        return Bundled.find(RESOURCE_DIR + iri.substring(BASE.length())).orElse(null);
    }
}
