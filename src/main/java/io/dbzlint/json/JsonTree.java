package io.dbzlint.json;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.model.Numbers;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a small JSON document (a rules file, a schema) into a tree, remembering where each value
 * was written by its JSON Pointer, and refusing duplicate keys.
 *
 * <p>Built on the streaming parser on purpose: creating a Jackson {@code ObjectMapper} costs about
 * 200 ms of start-up, more than the rest of a typical run.
 */
public final class JsonTree {

    private static final JsonFactory JSON = Limits.jsonFactory();
    private static volatile YAMLFactory yaml;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A tree and the location of each of its values, keyed by JSON Pointer ("" for the root). */
    public record Parsed(JsonNode root, Map<String, Location> locations) {

        public Location locationOf(String pointer) {
            Location location = locations.get(pointer);
            return location != null ? location : locations.get("");
        }
    }

    /** A document that is not JSON, or repeats a key. */
    public static final class InvalidJson extends Exception {
        private final Location location;

        InvalidJson(Location location, String message) {
            super(message, null, false, false);
            this.location = location;
        }

        public Location location() {
            return location;
        }
    }

    private JsonTree() {
    }

    public static Parsed parse(InputId file, String text) throws InvalidJson {
        return parse(file, JSON, text, "JSON", new HashMap<>());
    }

    /** A bundled document (catalog, schema, rules): the tree only, without recording positions. */
    public static JsonNode read(String name, String text) throws InvalidJson {
        return parse(InputId.named(name), JSON, text, "JSON", null).root();
    }

    /** The same for YAML (a .dbzlint.yaml): a tree of the same shape, with the same positions. */
    public static Parsed parseYaml(InputId file, String text) throws InvalidJson {
        YAMLFactory factory = yaml;
        if (factory == null) {
            factory = YAMLFactory.builder().streamReadConstraints(Limits.constraints()).build();
            yaml = factory;
        }
        return parse(file, factory, text, "YAML", new HashMap<>());
    }

    /** A YAML document of the project that dbzlint only looks into (a compose file): the tree only. */
    public static JsonNode readYaml(String name, String text) throws InvalidJson {
        YAMLFactory factory = yaml;
        if (factory == null) {
            factory = YAMLFactory.builder().streamReadConstraints(Limits.constraints()).build();
            yaml = factory;
        }
        return parse(InputId.named(name), factory, text, "YAML", null).root();
    }

    /** @param locations where positions go, or null to skip recording them */
    private static Parsed parse(InputId file, TokenStreamFactory factory, String text, String language,
                                Map<String, Location> locations) throws InvalidJson {
        JsonParser parser = factory.createParser(ObjectReadContext.empty(), text);
        try (parser) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new InvalidJson(Location.startOf(file), "file is empty");
            }
            JsonNode root = read(parser, file, "", locations);
            if (parser.nextToken() != null) {
                throw new InvalidJson(at(file, parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON value");
            }
            return new Parsed(root, locations);
        } catch (StreamConstraintsException e) {
            throw new InvalidJson(at(file, parser.currentLocation()), "too large: " + Limits.describe(e));
        } catch (JacksonException e) {
            throw new InvalidJson(at(file, e.getLocation()), "invalid " + language + ": " + JacksonErrors.describe(e));
        }
    }

    private static JsonNode read(JsonParser parser, InputId file, String pointer, Map<String, Location> locations)
            throws InvalidJson {
        if (locations != null) {
            locations.put(pointer, at(file, parser.currentTokenLocation()));
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    Location keyLocation = at(file, parser.currentTokenLocation());
                    if (object.has(name)) {
                        throw new InvalidJson(keyLocation, "key \"" + name + "\" appears twice in one object");
                    }
                    parser.nextToken();
                    object.set(name, read(parser, file, locations == null ? pointer : pointer + "/" + escape(name),
                            locations));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, file, locations == null ? pointer : pointer + "/" + index, locations));
                    index++;
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.stringNode(parser.getString());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                // of reasonable magnitude, or else a double (infinity, zero): 1e999999999 must not expand
                return Numbers.decimal(parser.getString()).<JsonNode>map(NODES::numberNode)
                        .orElseGet(() -> NODES.numberNode(Double.parseDouble(parser.getString())));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new InvalidJson(at(file, parser.currentTokenLocation()), "unexpected token " + token);
        }
    }

    /** JSON Pointer escaping (RFC 6901), as the schema validator writes instance locations. */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Location at(InputId file, TokenStreamLocation location) {
        return JacksonErrors.locationOf(file, location);
    }
}
