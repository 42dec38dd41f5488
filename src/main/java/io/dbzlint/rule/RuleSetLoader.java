package io.dbzlint.rule;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.dbzlint.load.JsonTree;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.report.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
            } catch (RulesFileException e) {
                throw new IllegalStateException("bundled rules are invalid: " + e.getMessage(), e);
            }
        }
    }

    /** The bundled rules with the user's file merged over them. */
    public static RuleSet withOverrides(Path file) throws RulesFileException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RulesFileException(name + ": rules file not found");
        } catch (IOException | UncheckedIOException e) {
            throw new RulesFileException(name + ": cannot read rules file: " + e.getMessage());
        }
        JsonTree.Parsed user;
        try {
            user = JsonTree.parse(name, text);
        } catch (JsonTree.InvalidJson e) {
            throw new RulesFileException(e.location() + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (Error error : Schemas.get(SCHEMA).validate(user.root())) {
            String pointer = pointer(error.getInstanceLocation());
            problems.add(user.locationOf(pointer) + ": " + (pointer.isEmpty() ? "/" : pointer) + " "
                    + error.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new RulesFileException(problems);
        }
        ObjectNode merged = bundledTree();
        deepMerge(merged, user.root());
        return toRuleSet(merged, name);
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append('/').append(element instanceof Integer ? element.toString() : JsonTree.escape(element.toString()));
        }
        return pointer.toString();
    }

    private static ObjectNode bundledTree() {
        try (InputStream in = RuleSetLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the jar");
            }
            return (ObjectNode) JsonTree.parse(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8)).root();
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

    private static RuleSet toRuleSet(JsonNode tree, String name) throws RulesFileException {
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
                    node.path("rationale").asString(""), node.path("fix").asString("")));
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
        if (!problems.isEmpty()) {
            throw new RulesFileException(problems);
        }
        RuleParameters params = new RuleParameters(min, max, words,
                parameters.path("serverNamePattern").asString(), environmentPattern,
                parameters.path("outboxTopicPattern").asString());
        return new RuleSet(infos, params);
    }
}
