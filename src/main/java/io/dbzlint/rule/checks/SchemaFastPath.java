package io.dbzlint.rule.checks;

import io.dbzlint.json.Schemas;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A quick, one-sided answer to "does this connector pass its house schema?". It says yes only
 * when every keyword of the schema holds by a check that cannot disagree with the JSON Schema
 * validator; otherwise it does not know, and {@link ConfigSchemaRule} asks the validator, whose
 * errors give the messages. Most configs pass, so most never reach the validator: its compiled
 * schemas and first validation were a tenth of a lint's CPU at scale and a part of its start-up.
 *
 * <p>It reads the bundled schema and knows the keywords the house schemas use: type, required,
 * anyOf of required lists, allOf, properties, additionalProperties, $ref, minimum, maximum,
 * pattern and minLength. A schema with any other keyword is never answered here.
 */
final class SchemaFastPath {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$defs",
            "$comment");
    private static final Map<String, Optional<Node>> COMPILED = new ConcurrentHashMap<>();

    private SchemaFastPath() {
    }

    /** A schema reduced to the keywords this class checks; each field null when the keyword is absent. */
    private record Node(Set<String> types, List<String> required, List<List<String>> anyOfRequired,
                        List<Node> allOf, Map<String, Node> properties, Node additional, BigDecimal minimum,
                        BigDecimal maximum, Pattern pattern, Integer minLength) {
    }

    /** True only when the connector certainly passes the bundled schema {@code file}. */
    static boolean passes(String file, Connector connector) {
        return COMPILED.computeIfAbsent(file, name -> compile(name, Schemas.tree(name)))
                .map(schema -> passesObject(schema, connector))
                .orElse(false);
    }

    private static boolean passesObject(Node node, Connector connector) {
        Map<String, ConfigEntry> config = connector.config();
        if (node.types() != null && !node.types().contains("object")) {
            return false;
        }
        if (node.required() != null && !config.keySet().containsAll(node.required())) {
            return false;
        }
        if (node.anyOfRequired() != null
                && node.anyOfRequired().stream().noneMatch(group -> config.keySet().containsAll(group))) {
            return false;
        }
        if (node.allOf() != null && !node.allOf().stream().allMatch(child -> passesObject(child, connector))) {
            return false;
        }
        if (node.minimum() != null || node.maximum() != null || node.pattern() != null || node.minLength() != null) {
            return false; // keywords for numbers and strings at the top: not the house schemas' shape
        }
        for (ConfigEntry entry : config.values()) {
            Node property = node.properties() == null ? null : node.properties().get(entry.key());
            if (property != null && !passesValue(property, entry)) {
                return false;
            }
            if (property == null && node.additional() != null && !passesValue(node.additional(), entry)) {
                return false;
            }
        }
        return true;
    }

    /** The value as ConfigSchemaRule hands it to the validator, against a schema of types and bounds. */
    private static boolean passesValue(Node node, ConfigEntry entry) {
        if (node.required() != null || node.anyOfRequired() != null || node.properties() != null
                || node.additional() != null) {
            return false; // keywords for objects below the top: not the house schemas' shape
        }
        if (node.allOf() != null && !node.allOf().stream().allMatch(child -> passesValue(child, entry))) {
            return false;
        }
        String text = entry.text();
        switch (entry.kind()) {
            case STRING:
                return passesString(node, text);
            case NUMBER:
                Optional<BigDecimal> number = Numbers.decimal(text);
                if (number.isEmpty()) {
                    return passesString(node, text); // ConfigSchemaRule passes a number too large to read as its text
                }
                // an integer type takes 3306; 3306.5, or 3306.0 (whether the validator calls that an
                // integer is its own rule), only a number type certainly takes
                boolean integral = number.get().scale() <= 0;
                return (node.types() == null || node.types().contains("number")
                        || integral && node.types().contains("integer"))
                        && (node.minimum() == null || number.get().compareTo(node.minimum()) >= 0)
                        && (node.maximum() == null || number.get().compareTo(node.maximum()) <= 0);
            case BOOLEAN:
                return node.types() == null || node.types().contains("boolean");
            default:
                return false; // null, objects and arrays: left to the validator and its messages
        }
    }

    private static boolean passesString(Node node, String text) {
        return (node.types() == null || node.types().contains("string"))
                && (node.pattern() == null || node.pattern().matcher(text).find())
                && (node.minLength() == null || text.codePointCount(0, text.length()) >= node.minLength());
    }

    /** The schema in the bundled file, or empty when it uses a keyword this class does not check. */
    private static Optional<Node> compile(String file, JsonNode root) {
        try {
            return Optional.of(node(file, root, root));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static Node node(String file, JsonNode root, JsonNode schema) {
        if (!schema.isObject()) {
            throw new Unsupported();
        }
        if (schema.has("$ref")) {
            if (schema.size() != 1) {
                throw new Unsupported(); // $ref beside other keywords: both apply, and nothing here needs that
            }
            return reference(file, root, schema.get("$ref").asString());
        }
        Set<String> types = null;
        List<String> required = null;
        List<List<String>> anyOfRequired = null;
        List<Node> allOf = null;
        Map<String, Node> properties = null;
        Node additional = null;
        BigDecimal minimum = null;
        BigDecimal maximum = null;
        Pattern pattern = null;
        Integer minLength = null;
        for (String keyword : schema.propertyNames()) {
            JsonNode value = schema.get(keyword);
            switch (keyword) {
                case "type" -> types = value.isArray() ? Set.copyOf(strings(value)) : Set.of(value.asString());
                case "required" -> required = strings(value);
                case "anyOf" -> anyOfRequired = anyOfRequired(value);
                case "allOf" -> {
                    allOf = new ArrayList<>();
                    for (JsonNode child : value) {
                        allOf.add(node(file, root, child));
                    }
                }
                case "properties" -> {
                    properties = new LinkedHashMap<>();
                    for (String name : value.propertyNames()) {
                        properties.put(name, node(file, root, value.get(name)));
                    }
                }
                case "additionalProperties" -> additional = node(file, root, value);
                case "minimum" -> minimum = value.decimalValue();
                case "maximum" -> maximum = value.decimalValue();
                case "pattern" -> pattern = Pattern.compile(value.asString());
                case "minLength" -> minLength = value.intValue();
                default -> {
                    if (!ANNOTATIONS.contains(keyword)) {
                        throw new Unsupported();
                    }
                }
            }
        }
        return new Node(types, required, anyOfRequired, allOf, properties, additional, minimum, maximum, pattern,
                minLength);
    }

    /** A reference to a bundled file, or to a definition in it or in this file. */
    private static Node reference(String file, JsonNode root, String ref) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        if (target.contains("/") || target.contains(":")) {
            throw new Unsupported(); // only sibling files of the bundle
        }
        String targetFile = target.isEmpty() ? file : target;
        JsonNode targetRoot = target.isEmpty() ? root : Schemas.tree(targetFile);
        JsonNode schema = pointer.isEmpty() ? targetRoot : targetRoot.at(pointer);
        if (schema.isMissingNode()) {
            throw new Unsupported();
        }
        return node(targetFile, targetRoot, schema);
    }

    /** anyOf whose every branch is only a required list. */
    private static List<List<String>> anyOfRequired(JsonNode branches) {
        List<List<String>> groups = new ArrayList<>();
        for (JsonNode branch : branches) {
            if (!branch.isObject() || branch.size() != 1 || !branch.has("required")) {
                throw new Unsupported();
            }
            groups.add(strings(branch.get("required")));
        }
        return groups;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isString()) {
                throw new Unsupported();
            }
            strings.add(element.asString());
        }
        return List.copyOf(strings);
    }
}
