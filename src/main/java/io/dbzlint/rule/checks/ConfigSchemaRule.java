package io.dbzlint.rule.checks;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.dbzlint.json.Schemas;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Numbers;
import io.dbzlint.model.Printable;
import io.dbzlint.model.ValueKind;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks each config against {@code rules/schemas/<type>.schema.json}. Messages are built from the
 * {@code description} of the schema that failed, so they say what the value must be, and show the
 * value only when its key is not a secret.
 */
public final class ConfigSchemaRule implements ConnectorRule {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String id() {
        return "config-schema";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        String schemaFile = schemaFile(connector.type());
        if (SchemaFastPath.passes(schemaFile, connector)) {
            return; // certainly valid: the validator, and its start-up, are not needed
        }
        Set<String> reported = new HashSet<>();
        for (Error error : validatorErrors(connector)) {
            NodePath instance = error.getInstanceLocation();
            if (instance.getNameCount() == 0) {
                String missing = missingMessage(error);
                if (reported.add(missing)) {
                    sink.report(connector, missingKey(error), connector.location(), missing);
                }
                continue;
            }
            String key = instance.getName(0);
            ConfigEntry entry = connector.config().get(key);
            if (entry != null && !entry.hasReference() && reported.add(key)) {
                sink.report(connector, key, entry.keyLocation(), key + shown(entry) + " must be " + expectation(error));
            }
        }
    }

    /** What the JSON Schema validator finds in the connector, the fast path left aside. */
    static List<Error> validatorErrors(Connector connector) {
        String schemaFile = schemaFile(connector.type());
        return Schemas.get(schemaFile).validate(toJson(connector, namedKeys(schemaFile)));
    }

    public static String schemaFile(ConnectorType type) {
        return switch (type) {
            case MYSQL, MARIADB -> "mysql.schema.json"; // one family, with the same required keys
            case POSTGRESQL -> "postgresql.schema.json";
            case OTHER -> "connector.schema.json";
        };
    }

    /** The key a root-level error is about: the missing one, or the first choice of an anyOf. */
    private static String missingKey(Error error) {
        if (error.getProperty() != null) {
            return error.getProperty();
        }
        JsonNode owner = owningSchema(error);
        JsonNode firstChoice = owner == null ? null : owner.path("anyOf").path(0).path("required").path(0);
        return firstChoice == null || firstChoice.isMissingNode() ? null : firstChoice.asString();
    }

    private static String missingMessage(Error error) {
        JsonNode owner = owningSchema(error);
        if (owner != null && owner.has("description") && !"required".equals(error.getKeyword())) {
            return "missing " + owner.get("description").asString();
        }
        String inAnyOf = describedAncestor(error);
        if (inAnyOf != null) {
            return "missing " + inAnyOf;
        }
        return "missing required key " + error.getProperty() + "; add it";
    }

    private static String expectation(Error error) {
        JsonNode owner = owningSchema(error);
        if (owner != null && owner.has("description")) {
            return owner.get("description").asString();
        }
        return "valid: " + error.getMessage();
    }

    /** The schema object that holds the failed keyword, e.g. {@code $defs/port} for its pattern. */
    private static JsonNode owningSchema(Error error) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        return navigate(error, fragment.getNameCount() - 1);
    }

    /** For a failure inside anyOf: the description of the schema that holds the anyOf. */
    private static String describedAncestor(Error error) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        for (int depth = fragment.getNameCount() - 1; depth >= 0; depth--) {
            if ("anyOf".equals(fragment.getName(depth))) {
                JsonNode holder = navigate(error, depth);
                if (holder != null && holder.has("description")) {
                    return holder.get("description").asString();
                }
            }
        }
        return null;
    }

    private static JsonNode navigate(Error error, int depth) {
        String iri = error.getSchemaLocation().getAbsoluteIri().toString();
        if (!iri.startsWith(Schemas.BASE) || depth < 0) {
            return null;
        }
        NodePath fragment = error.getSchemaLocation().getFragment();
        JsonNode node = Schemas.tree(iri.substring(Schemas.BASE.length()));
        for (int i = 0; i < depth && node != null; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(element.toString());
        }
        return node;
    }

    private static String shown(ConfigEntry entry) {
        if (entry.isSecret()) {
            return "";
        }
        return switch (entry.kind()) {
            case STRING -> " " + Printable.quote(entry.text());
            case NUMBER, BOOLEAN -> " " + entry.text();
            default -> " (" + entry.kind().article() + ")";
        };
    }

    /**
     * The config as the schema sees it, less what cannot fail: a key the schemas never name is
     * checked only by additionalProperties, which takes any string, number or boolean, so such a
     * key with a scalar value is left out. Validating twenty keys instead of two hundred per config
     * was most of this rule's cost.
     */
    private static ObjectNode toJson(Connector connector, Set<String> named) {
        ObjectNode object = NODES.objectNode();
        for (ConfigEntry entry : connector.config().values()) {
            ValueKind kind = entry.kind();
            boolean scalar = kind == ValueKind.STRING || kind == ValueKind.NUMBER || kind == ValueKind.BOOLEAN;
            if (!scalar || named.contains(entry.key())) {
                object.set(entry.key(), toJson(entry));
            }
        }
        return object;
    }

    private static final Map<String, Set<String>> NAMED = new ConcurrentHashMap<>();

    /** Every key a schema or the schemas it refers to name, in properties or in required. */
    private static Set<String> namedKeys(String schemaFile) {
        return NAMED.computeIfAbsent(schemaFile, file -> {
            Set<String> named = new HashSet<>();
            collectNames(Schemas.tree(file), named);
            collectNames(Schemas.tree("connector.schema.json"), named);
            return Set.copyOf(named);
        });
    }

    private static void collectNames(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.path("properties").propertyNames().forEach(into::add);
            node.path("required").forEach(name -> into.add(name.asString()));
            node.forEach(child -> collectNames(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectNames(child, into));
        }
    }

    private static JsonNode toJson(ConfigEntry entry) {
        ValueKind kind = entry.kind();
        return switch (kind) {
            case STRING -> NODES.stringNode(entry.text());
            case NUMBER -> number(entry.text());
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(entry.text()));
            case NULL -> NODES.nullNode();
            case OBJECT -> NODES.objectNode();
            case ARRAY -> NODES.arrayNode();
        };
    }

    /** A number of reasonable magnitude as a number; any other (1e999999999) as its text, which no schema takes. */
    private static JsonNode number(String text) {
        return Numbers.decimal(text).<JsonNode>map(value -> value.scale() <= 0
                ? NODES.numberNode(value.toBigIntegerExact()) : NODES.numberNode(value))
                .orElseGet(() -> NODES.stringNode(text));
    }
}
