package io.dbzlint.debezium;

import io.dbzlint.model.ConnectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON Schema (draft-07, which VS Code and the YAML language server read) of one connector's
 * config for one Debezium version, from the catalog: descriptions, types, allowed values and
 * defaults for completion and hover, renamed keys marked deprecated, and any other key refused,
 * so a typo is underlined as it is typed. Values may be strings, as Kafka Connect stores them,
 * and any value may hold a config provider reference or a template. Only standard keywords: the
 * schemas pass ajv's strict mode, so a renamed key is {@code deprecated: true} (which VS Code's
 * JSON language service reads) with its new name in the description, not VS Code's own
 * {@code deprecationMessage}.
 */
public final class EditorSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A value holding ${...}: a provider reference or a template, filled in at deploy time. */
    private static final String REFERENCE = "\\$\\{";

    private EditorSchema() {
    }

    /**
     * What a schema cannot check, said in every schema's description and in the README: what needs
     * more than one value, or more than one file, to judge.
     */
    public static final String CANNOT_CHECK = "A schema checks each key and value on its own; it cannot"
            + " check what dbzlint lint does: collisions between connectors (one server id, replication slot or"
            + " topic prefix in two configs), values that depend on other keys (an include and an exclude list"
            + " together, a key only read with another set, a snapshot mode the chosen plugin lacks), the keys"
            + " of custom converters, transforms and post processors the config itself names, and secrets"
            + " written in plain text.";

    /** A key a connector reads in one release, as an editor offers it. */
    public record Key(String name, String type, String defaultValue, List<String> allowed, String description) {
    }

    /** The schema of a connector config, bare or as a REST body ({@code {"name", "config"}}). */
    public static ObjectNode connector(ConnectorType type, DebeziumVersion version) {
        ObjectNode schema = header("Debezium " + version + " " + type.displayName() + " connector config");
        schema.set("definitions", NODES.objectNode().set("config", config(type, version, true)));
        schema.put("type", "object");
        // a REST body has a config object; anything else is the config itself
        schema.set("if", NODES.objectNode().put("type", "object").set("required", NODES.arrayNode().add("config")));
        ObjectNode body = NODES.objectNode().put("type", "object");
        body.set("properties", NODES.objectNode()
                .<ObjectNode>set("name", NODES.objectNode().put("type", "string")
                        .put("description", "The connector's name in Kafka Connect."))
                .set("config", ref()));
        schema.set("then", body);
        schema.set("else", ref());
        return schema;
    }

    /**
     * The schema of a Strimzi file: a KafkaConnector resource whose spec.config is this connector's.
     * One file often holds its KafkaConnect and several KafkaConnectors (documents split by
     * {@code ---}, each checked on its own by the YAML language server): another kind, or a
     * KafkaConnector of another connector class, is accepted with its shape checked only.
     */
    public static ObjectNode strimzi(ConnectorType type, DebeziumVersion version) {
        ObjectNode schema = header("Strimzi KafkaConnector running the Debezium " + version + " "
                + type.displayName() + " connector");
        ObjectNode definitions = schema.putObject("definitions");
        // the class is spec.class here, so the config need not name it
        definitions.set("config", config(type, version, false));
        definitions.set("kafkaConnector", kafkaConnector(type));
        schema.put("type", "object");
        schema.set("required", NODES.arrayNode().add("apiVersion").add("kind").add("metadata"));
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string")
                .set("examples", NODES.arrayNode().add("KafkaConnector").add("KafkaConnect"));
        properties.putObject("metadata").put("type", "object");
        ObjectNode isConnector = schema.putObject("if").put("type", "object");
        isConnector.set("required", NODES.arrayNode().add("kind"));
        isConnector.putObject("properties").putObject("kind").put("const", "KafkaConnector");
        schema.set("then", NODES.objectNode().put("$ref", "#/definitions/kafkaConnector"));
        return schema;
    }

    private static ObjectNode kafkaConnector(ConnectorType type) {
        ObjectNode resource = NODES.objectNode().put("type", "object");
        resource.set("required", NODES.arrayNode().add("apiVersion").add("kind").add("metadata").add("spec"));
        ObjectNode properties = resource.putObject("properties");
        properties.putObject("apiVersion").put("type", "string").put("pattern", "^kafka\\.strimzi\\.io/");
        properties.putObject("kind").put("const", "KafkaConnector");
        properties.putObject("metadata").put("type", "object");
        ObjectNode spec = properties.putObject("spec").put("type", "object");
        ObjectNode specProperties = spec.putObject("properties");
        String simpleName = type.connectorClass().substring(type.connectorClass().lastIndexOf('.') + 1);
        ArrayNode names = NODES.arrayNode().add(type.connectorClass()).add(simpleName);
        if (simpleName.endsWith("Connector")) {
            names.add(simpleName.substring(0, simpleName.length() - "Connector".length()));
        }
        specProperties.putObject("class").put("type", "string")
                .put("description", "The connector class: " + type.connectorClass())
                .set("examples", NODES.arrayNode().add(type.connectorClass()));
        specProperties.putObject("tasksMax").put("type", "integer").put("minimum", 1);
        specProperties.putObject("autoRestart").put("type", "object");
        specProperties.putObject("state").set("enum", NODES.arrayNode().add("running").add("paused")
                .add("stopped"));
        specProperties.putObject("pause").put("type", "boolean").put("deprecated", true)
                .put("description", "Deprecated in Strimzi: use state: paused.");
        specProperties.putObject("version").put("type", "string");
        specProperties.putObject("listOffsets").put("type", "object");
        specProperties.putObject("alterOffsets").put("type", "object");
        specProperties.putObject("config").put("type", "object");
        spec.put("additionalProperties", false);
        // this connector's config is checked where spec.class names this connector (or nothing yet);
        // a KafkaConnector of another class in the same file keeps its config unchecked
        ObjectNode ours = spec.putObject("if").put("type", "object");
        ours.putObject("properties").putObject("class").set("enum", names);
        ObjectNode checked = spec.putObject("then").put("type", "object");
        checked.putObject("properties").set("config", ref());
        return resource;
    }

    private static ObjectNode header(String title) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", title);
        schema.put("description", "Generated by dbzlint from Debezium's own property definitions. " + CANNOT_CHECK);
        return schema;
    }

    private static ObjectNode ref() {
        return NODES.objectNode().put("$ref", "#/definitions/config");
    }

    /**
     * The keys a connector reads in a release, by name: the release catalog's for an older line it
     * describes, else the newest catalog's; the schema history keys of the MySQL family; Kafka
     * Connect's own keys (their type unknown: null). Renamed and alias names are not among them.
     */
    public static Map<String, Key> keys(ConnectorType type, DebeziumVersion version) {
        Catalog catalog = Catalog.bundled();
        ReleaseCatalog releases = ReleaseCatalog.bundled();
        int release = releases.releaseFor(version);
        boolean exact = releases.describes(type, release);
        Map<String, Catalog.Property> current = catalog.properties(type);
        Map<String, Key> keys = new TreeMap<>();
        List<String> names = exact ? releases.keys(type, release) : List.copyOf(current.keySet());
        for (String name : names) {
            Catalog.Property property = current.get(name);
            Optional<ReleaseCatalog.Definition> definition = exact
                    ? releases.definition(type, name, release) : Optional.empty();
            keys.put(name, new Key(name,
                    definition.map(ReleaseCatalog.Definition::type).orElse(property == null ? "string" : property.type()),
                    definition.map(ReleaseCatalog.Definition::defaultValue)
                            .orElse(property == null ? null : property.defaultValue()),
                    definition.map(ReleaseCatalog.Definition::allowed)
                            .orElse(property == null ? List.of() : property.allowed()),
                    property == null ? null : property.description()));
        }
        if (type.isMySqlFamily()) {
            catalog.schemaHistory().values().forEach(property -> keys.putIfAbsent(property.name(), new Key(
                    property.name(), property.type(), property.defaultValue(), property.allowed(),
                    property.description())));
        }
        for (String key : catalog.frameworkKeys()) {
            keys.putIfAbsent(key, new Key(key, null, null, List.of(), "A Kafka Connect key."));
        }
        keys.put("connector.class", new Key("connector.class", "string", null, List.of(),
                "The connector class: " + type.connectorClass()));
        return keys;
    }

    private static ObjectNode config(ConnectorType type, DebeziumVersion version, boolean classRequired) {
        Catalog catalog = Catalog.bundled();
        Map<String, ObjectNode> keys = new TreeMap<>();
        keys(type, version).forEach((name, key) -> keys.put(name, key.type() == null
                ? NODES.objectNode().put("description", key.description())
                : value(key.type(), key.allowed(), key.defaultValue(), key.description())));
        keys.put("connector.class", NODES.objectNode().put("type", "string")
                .put("description", "The connector class: " + type.connectorClass())
                .set("examples", NODES.arrayNode().add(type.connectorClass())));
        for (Catalog.Rename rename : catalog.exactRenames()) {
            if (keys.containsKey(rename.to()) && !keys.containsKey(rename.from())) {
                keys.put(rename.from(), deprecated(rename.from() + " was renamed to " + rename.to()
                        + (rename.removedIn() == null ? "" : " in Debezium " + rename.removedIn())));
            }
        }
        catalog.aliases().forEach((alias, name) -> {
            if (keys.containsKey(name) && !keys.containsKey(alias)) {
                keys.put(alias, deprecated(alias + " is a deprecated name of " + name));
            }
        });
        ObjectNode config = NODES.objectNode().put("type", "object");
        ObjectNode properties = config.putObject("properties");
        keys.forEach(properties::set);
        ObjectNode patterns = config.putObject("patternProperties");
        for (String prefix : catalog.passThroughPrefixes()) {
            patterns.putObject("^" + prefix.replace(".", "\\.")).put("description", "Passed on as it is.");
        }
        for (String pattern : catalog.patterns()) {
            patterns.putObject("^" + pattern + "$");
        }
        if (classRequired) {
            config.set("required", NODES.arrayNode().add("connector.class"));
        }
        config.put("additionalProperties", false);
        return config;
    }

    private static ObjectNode deprecated(String message) {
        return NODES.objectNode().put("deprecated", true).put("description", message + ": rename the key.");
    }

    /** One key's value: its type as Kafka Connect reads it from a string, or a reference. */
    private static ObjectNode value(String type, List<String> allowed, String defaultValue, String description) {
        ObjectNode node = NODES.objectNode();
        StringBuilder text = new StringBuilder(description == null ? "" : description);
        if (defaultValue != null && !defaultValue.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append("Default: ").append(defaultValue).append('.');
            node.put("default", defaultValue);
        }
        if (!text.isEmpty()) {
            node.put("description", text.toString());
        }
        List<ObjectNode> accepted = new ArrayList<>();
        if (!allowed.isEmpty()) {
            ArrayNode values = NODES.arrayNode();
            allowed.forEach(values::add);
            accepted.add(NODES.objectNode().set("enum", values));
            // Debezium reads these values in any case; the enum above is for completion
            accepted.add(NODES.objectNode().put("type", "string").put("pattern", "^(" + anyCase(allowed) + ")$"));
        } else {
            switch (type.toLowerCase(Locale.ROOT)) {
                case "int", "long", "short" -> {
                    accepted.add(NODES.objectNode().put("type", "integer"));
                    accepted.add(NODES.objectNode().put("type", "string").put("pattern", "^\\s*-?[0-9]+\\s*$"));
                }
                case "double" -> {
                    accepted.add(NODES.objectNode().put("type", "number"));
                    accepted.add(NODES.objectNode().put("type", "string")
                            .put("pattern", "^\\s*-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*$"));
                }
                case "boolean" -> {
                    accepted.add(NODES.objectNode().put("type", "boolean"));
                    accepted.add(NODES.objectNode().put("type", "string")
                            .put("pattern", "^\\s*(" + anyCase(List.of("true", "false")) + ")\\s*$"));
                }
                // one alternative a type: a union type ("type": [...]) is what ajv's strict mode warns of
                default -> List.of("string", "number", "boolean")
                        .forEach(json -> accepted.add(NODES.objectNode().put("type", json)));
            }
        }
        accepted.add(NODES.objectNode().put("type", "string").put("pattern", REFERENCE));
        ArrayNode anyOf = node.putArray("anyOf");
        accepted.forEach(anyOf::add);
        return node;
    }

    /** A regular expression matching any of the values in any case: [pP][gG]... */
    static String anyCase(List<String> values) {
        List<String> alternatives = new ArrayList<>();
        for (String value : values) {
            StringBuilder pattern = new StringBuilder();
            for (char c : value.toCharArray()) {
                char lower = Character.toLowerCase(c);
                char upper = Character.toUpperCase(c);
                if (lower != upper) {
                    pattern.append('[').append(lower).append(upper).append(']');
                } else if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
                    pattern.append('\\').append(c); // only what a regular expression reads as syntax
                } else {
                    pattern.append(c);
                }
            }
            alternatives.add(pattern.toString());
        }
        return String.join("|", alternatives);
    }
}
