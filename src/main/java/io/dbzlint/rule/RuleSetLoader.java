package io.dbzlint.rule;

import io.dbzlint.load.InvalidFileException;
import io.dbzlint.load.JsonTree;
import io.dbzlint.load.UserFile;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.report.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the bundled {@code rules/rules.json} and merges a user's rules file over it. A user's
 * file is checked against {@code rules/schemas/rules.schema.json} first.
 */
public final class RuleSetLoader {

    private static final String BUNDLED = "/rules/rules.json";
    private static final String SCHEMA = "rules.schema.json";

    private RuleSetLoader() {
    }

    /** The bundled rules, read once per JVM (they are immutable). */
    public static RuleSet bundled() {
        return Bundled.RULES;
    }

    private static final class Bundled {
        static final RuleSet RULES = read();

        private static RuleSet read() {
            try {
                return toRuleSet(bundledTree(), BUNDLED);
            } catch (InvalidFileException e) {
                throw new IllegalStateException("bundled rules are invalid: " + e.getMessage(), e);
            }
        }
    }

    /** One source of overrides, merged over the bundled rules in order: a project config, a rules file. */
    public record Layer(String source, JsonNode tree) {
    }

    /** The bundled rules with the user's rules file merged over them. */
    public static RuleSet withOverrides(Path file) throws InvalidFileException {
        return build(List.of(new Layer(file.toString(), readRulesFile(file))));
    }

    /** A rules file, checked against rules/schemas/rules.schema.json. */
    public static JsonNode readRulesFile(Path file) throws InvalidFileException {
        JsonTree.Parsed user = UserFile.read(file, file.toString(), "rules file");
        List<String> problems = Schemas.problems(SCHEMA, user);
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        return user.root();
    }

    /**
     * The bundled rules with each layer merged over them in turn. A rule may be given as a bare
     * severity ({@code "off"}) or as an object of the rules-file shape.
     */
    public static RuleSet build(List<Layer> layers) throws InvalidFileException {
        if (layers.isEmpty()) {
            return bundled();
        }
        List<String> problems = new ArrayList<>();
        ObjectNode merged = bundledTree();
        for (Layer layer : layers) {
            ObjectNode tree = (ObjectNode) layer.tree().deepCopy();
            if (tree.get("rules") instanceof ObjectNode rules) {
                for (String id : List.copyOf(rules.propertyNames())) {
                    if (RuleRegistry.find(id).isEmpty()) {
                        problems.add(layer.source() + ": unknown rule \"" + id + "\"; known rules: "
                                + String.join(", ", RuleRegistry.ids()));
                    } else if (rules.get(id).isString()) {
                        String severity = rules.get(id).asString();
                        rules.putObject(id).put("severity", severity);
                    }
                }
            }
            tree.remove(List.of("$schema", "include", "exclude", "ignore"));
            deepMerge(merged, tree);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        return toRuleSet(merged, layers.get(layers.size() - 1).source());
    }

    private static ObjectNode bundledTree() {
        try (InputStream in = RuleSetLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the jar");
            }
            return (ObjectNode) JsonTree.read(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonTree.InvalidJson e) {
            throw new IllegalStateException("bundled rules are not JSON: " + e.getMessage(), e);
        }
    }

    private static void deepMerge(ObjectNode target, JsonNode overrides) {
        for (Map.Entry<String, JsonNode> property : overrides.properties()) {
            JsonNode existing = target.get(property.getKey());
            if (existing instanceof ObjectNode existingObject && property.getValue().isObject()) {
                deepMerge(existingObject, property.getValue());
            } else {
                target.set(property.getKey(), property.getValue());
            }
        }
    }

    private static RuleSet toRuleSet(JsonNode tree, String name) throws InvalidFileException {
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> infos = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> rule : tree.path("rules").properties()) {
            String id = rule.getKey();
            if (RuleRegistry.find(id).isEmpty()) {
                problems.add(name + ": unknown rule \"" + id + "\"; known rules: "
                        + String.join(", ", RuleRegistry.ids()));
                continue;
            }
            JsonNode node = rule.getValue();
            String severity = node.path("severity").asString("");
            if (severity.isEmpty()) {
                problems.add(name + ": rule \"" + id + "\" has no severity");
                continue;
            }
            Optional<Severity> effective = severity.equals("off") ? Optional.empty()
                    : Optional.of(Severity.fromLabel(severity));
            infos.put(id, new RuleInfo(id, effective, node.path("summary").asString(""),
                    node.path("rationale").asString(""), node.path("fix").asString(""),
                    node.path("example").path("bad").asString(""), node.path("example").path("good").asString("")));
        }

        JsonNode parameters = tree.path("parameters");
        long min = parameters.path("serverIdRange").path("min").asLong();
        long max = parameters.path("serverIdRange").path("max").asLong();
        if (min > max) {
            problems.add(name + ": parameters.serverIdRange: min " + min + " is greater than max " + max);
        }
        Map<ConnectorType, String> words = new EnumMap<>(ConnectorType.class);
        for (Map.Entry<String, JsonNode> word : parameters.path("databaseTypes").properties()) {
            words.put(ConnectorType.fromId(word.getKey()), word.getValue().asString());
        }
        String environmentPattern = parameters.path("environmentPattern").asString();
        try {
            Pattern.compile(environmentPattern);
        } catch (PatternSyntaxException e) {
            problems.add(name + ": parameters.environmentPattern is not a valid regular expression: "
                    + e.getDescription());
        }
        DebeziumVersion version = null;
        try {
            version = DebeziumVersion.parse(parameters.path("debeziumVersion").asString());
        } catch (IllegalArgumentException e) {
            problems.add(name + ": parameters.debeziumVersion: " + e.getMessage());
        }
        Map<Long, String> reserved = new LinkedHashMap<>();
        for (JsonNode entry : parameters.path("reservedServerIds")) {
            reserved.put(entry.path("id").asLong(), entry.path("owner").asString());
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        RuleParameters params = new RuleParameters(min, max, words,
                parameters.path("serverNamePattern").asString(), environmentPattern,
                parameters.path("outboxTopicPattern").asString(), version, reserved);
        return new RuleSet(infos, params);
    }
}
