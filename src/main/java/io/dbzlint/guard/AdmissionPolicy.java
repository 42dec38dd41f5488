package io.dbzlint.guard;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.json.Schemas;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.rule.RuleParameters;
import io.dbzlint.rule.checks.ConfigSchemaRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Kubernetes ValidatingAdmissionPolicy for Strimzi's KafkaConnector resources, for clusters whose
 * Connect is managed by Strimzi (which ignores a worker's rest.* keys, so the guard extension does
 * not fit there): CEL that refuses a connector colliding with another KafkaConnector of the same
 * Connect cluster (each other one is a param; the connector itself is excluded by name), and the
 * per-connector checks CEL can express. Messages say what dbzlint says.
 */
public final class AdmissionPolicy {

    /** A CEL variable: {@code variables.NAME} in later expressions. */
    public record Variable(String name, String expression) {
    }

    /** A CEL validation: true admits; else the message expression says why not. */
    public record Validation(String expression, String messageExpression) {
    }

    public static final String POLICY = "dbzlint-kafkaconnector";
    public static final String COLLISIONS = "dbzlint-kafkaconnector-collisions";

    private AdmissionPolicy() {
    }

    /** What a KafkaConnector's own config says, for {@code object}, and with a prefix for {@code params}. */
    static List<Variable> connector(String prefix, String of) {
        String cfg = "variables." + prefix + "cfg";
        return List.of(
                new Variable(prefix + "cfg", "has(" + of + ".spec) && has(" + of + ".spec.config) ? " + of
                        + ".spec.config : {}"),
                new Variable(prefix + "cls", "has(" + of + ".spec) && has(" + of + ".spec.class) ? string(" + of
                        + ".spec.class) : ''"),
                new Variable(prefix + "mysql", "variables." + prefix + "cls.endsWith('MySqlConnector') || variables."
                        + prefix + "cls.endsWith('MariaDbConnector')"),
                new Variable(prefix + "postgres", "variables." + prefix + "cls.endsWith('PostgresConnector')"),
                new Variable(prefix + "host", "'database.hostname' in " + cfg + " ? string(" + cfg
                        + "['database.hostname']) : ''"),
                new Variable(prefix + "port", "'database.port' in " + cfg + " ? string(" + cfg + "['database.port'])"
                        + " : (variables." + prefix + "mysql ? '3306' : '5432')"),
                new Variable(prefix + "slot", "'slot.name' in " + cfg + " ? string(" + cfg + "['slot.name'])"
                        + " : 'debezium'"),
                new Variable(prefix + "serverId", "'database.server.id' in " + cfg + " ? string(" + cfg
                        + "['database.server.id']) : ''"),
                new Variable(prefix + "prefix", "'topic.prefix' in " + cfg + " ? string(" + cfg + "['topic.prefix'])"
                        + " : ('database.server.name' in " + cfg + " ? string(" + cfg + "['database.server.name']) : '')"),
                new Variable(prefix + "history", "'schema.history.internal.kafka.topic' in " + cfg + " ? string(" + cfg
                        + "['schema.history.internal.kafka.topic']) : ('database.history.kafka.topic' in " + cfg
                        + " ? string(" + cfg + "['database.history.kafka.topic']) : '')"),
                new Variable(prefix + "cluster", "has(" + of + ".metadata.labels) && 'strimzi.io/cluster' in " + of
                        + ".metadata.labels ? " + of + ".metadata.labels['strimzi.io/cluster'] : ''"));
    }

    /** The connector families the per-connector checks know, as the class names them. */
    private static final Map<ConnectorType, String> FAMILIES = families();

    private static Map<ConnectorType, String> families() {
        Map<ConnectorType, String> families = new EnumMap<>(ConnectorType.class);
        families.put(ConnectorType.POSTGRESQL, "variables.postgres");
        families.put(ConnectorType.MYSQL, "variables.cls.endsWith('MySqlConnector')");
        families.put(ConnectorType.MARIADB, "variables.cls.endsWith('MariaDbConnector')");
        return families;
    }

    /**
     * The per-connector policy's variables: the object's own, and for the values with a closed set
     * (snapshot.mode, plugin.name ...) the keys whose literal value the target release refuses.
     */
    public static List<Variable> variables(RuleParameters parameters) {
        List<Variable> variables = new ArrayList<>(connector("", "object"));
        StringBuilder allowed = new StringBuilder();
        for (Map.Entry<ConnectorType, String> family : FAMILIES.entrySet()) {
            allowed.append(family.getValue()).append(" ? {");
            String separator = "";
            for (Map.Entry<String, List<String>> key : Debezium.bundled()
                    .enumerations(family.getKey(), parameters.debeziumVersion()).entrySet()) {
                allowed.append(separator).append(literal(key.getKey())).append(": [");
                allowed.append(String.join(", ", key.getValue().stream().map(AdmissionPolicy::literal).toList()));
                allowed.append(']');
                separator = ", ";
            }
            allowed.append("} : ");
        }
        variables.add(new Variable("allowed", allowed.append("{}").toString()));
        // a literal value only: a config provider reference or a template is resolved by the worker
        variables.add(new Variable("invalid", "variables.allowed.filter(k, k in variables.cfg"
                + " && !string(variables.cfg[k]).contains('${') && string(variables.cfg[k]).trim() != ''"
                + " && !(string(variables.cfg[k]).trim().lowerAscii() in variables.allowed[k]))"));
        return variables;
    }

    /**
     * The per-connector validations: the house server id range of the rule set, the keys the house
     * schemas require, and values outside their closed set, each with dbzlint's message.
     */
    public static List<Validation> validations(RuleParameters parameters) {
        long min = parameters.serverIdMin();
        long max = parameters.serverIdMax();
        List<Validation> validations = new ArrayList<>();
        validations.add(new Validation("!variables.mysql || !variables.serverId.matches('^[0-9]{1,18}$') || "
                + "(int(variables.serverId) >= " + min + " && int(variables.serverId) <= " + max + ")",
                "'server-id-range: database.server.id ' + variables.serverId + ' is outside the house range "
                        + min + "-" + max + ": pick a free id in it'"));
        validations.addAll(requiredKeys());
        validations.add(new Validation("size(variables.invalid) == 0",
                "'invalid-value: ' + variables.invalid[0] + ' \"' + string(variables.cfg[variables.invalid[0]])"
                        + " + '\" is not one of ' + variables.allowed[variables.invalid[0]].join(', ')"));
        return validations;
    }

    /**
     * What the house schemas of rules/schemas/ require of each family: a key each, and a choice of
     * keys (a logical server name: topic.prefix or 1.x's database.server.name), as config-schema says.
     */
    private static List<Validation> requiredKeys() {
        Map<String, List<String>> familiesOf = new LinkedHashMap<>();
        Map<String, String> choices = new LinkedHashMap<>();
        for (Map.Entry<ConnectorType, String> family : FAMILIES.entrySet()) {
            JsonNode schema = Schemas.tree(ConfigSchemaRule.schemaFile(family.getKey()));
            for (JsonNode key : schema.path("required")) {
                familiesOf.computeIfAbsent(key.asString(), k -> new ArrayList<>()).add(family.getValue());
            }
            for (JsonNode part : schema.path("allOf")) {
                if (part.has("anyOf")) {
                    List<String> present = new ArrayList<>();
                    part.path("anyOf").forEach(choice -> present.add(literal(choice.path("required").path(0).asString())
                            + " in variables.cfg"));
                    familiesOf.computeIfAbsent(String.join(" || ", present), k -> new ArrayList<>())
                            .add(family.getValue());
                    choices.put(String.join(" || ", present), "missing " + part.path("description").asString());
                }
            }
        }
        List<Validation> validations = new ArrayList<>();
        familiesOf.forEach((key, families) -> {
            String present = choices.containsKey(key) ? key : literal(key) + " in variables.cfg";
            String message = choices.getOrDefault(key, "missing required key " + key + "; add it");
            validations.add(new Validation("!(" + String.join(" || ", families) + ") || " + present,
                    literal("config-schema: " + message)));
        });
        return validations;
    }

    /** A CEL string literal. */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The collision policy's variables: the object's, the param's (another KafkaConnector), and whether they meet. */
    public static List<Variable> collisionVariables() {
        List<Variable> variables = new ArrayList<>(connector("", "object"));
        variables.addAll(connector("other", "params"));
        // the connector itself (an update) is not compared with itself; other Connect clusters never meet it
        variables.add(new Variable("compared", "params.metadata.name != object.metadata.name"
                + " && variables.cluster != '' && variables.cluster == variables.othercluster"));
        return variables;
    }

    private static final String NO_TEMPLATE = "!%s.contains('${')";

    public static List<Validation> collisionValidations() {
        return List.of(
                new Validation("!(variables.compared && variables.postgres && variables.otherpostgres"
                        + " && variables.host != '' && variables.host == variables.otherhost"
                        + " && variables.port == variables.otherport && variables.slot == variables.otherslot"
                        + " && " + NO_TEMPLATE.formatted("variables.slot") + ")",
                        "'slot-name-unique: slot.name \"' + variables.slot + '\" on ' + variables.host + ':'"
                                + " + variables.port + ' is also the replication slot of connector \"'"
                                + " + params.metadata.name + '\"; a slot name is one per PostgreSQL server, and a"
                                + " slot serves one connector: give each its own slot.name'"),
                new Validation("!(variables.compared && variables.mysql && variables.othermysql"
                        + " && variables.host != '' && variables.host == variables.otherhost"
                        + " && variables.port == variables.otherport && variables.serverId != ''"
                        + " && variables.serverId == variables.otherserverId && "
                        + NO_TEMPLATE.formatted("variables.serverId") + ")",
                        "'server-id-unique: database.server.id ' + variables.serverId + ' is also used by connector \"'"
                                + " + params.metadata.name + '\" on ' + variables.host + ':' + variables.port"
                                + " + '; MySQL lets one replication client per id connect, so they keep"
                                + " disconnecting each other: give each connector its own id'"),
                new Validation("!(variables.compared && variables.prefix != '' && variables.prefix == variables.otherprefix"
                        + " && " + NO_TEMPLATE.formatted("variables.prefix") + ")",
                        "'server-name-unique: topic.prefix \"' + variables.prefix + '\" is also the logical server"
                                + " name of connector \"' + params.metadata.name + '\"; their topics collide: give each"
                                + " connector its own topic.prefix'"),
                new Validation("!(variables.compared && variables.history != '' && variables.history"
                        + " == variables.otherhistory && " + NO_TEMPLATE.formatted("variables.history") + ")",
                        "'schema-history-topic-unique: the schema history topic \"' + variables.history + '\" is also"
                                + " the history of connector \"' + params.metadata.name + '\"; each connector needs its"
                                + " own history topic, or it recovers another database\\'s schema: give each its own'"));
    }

    /** Both policies and their bindings, as one YAML stream for kubectl apply -f. */
    public static String yaml(RuleParameters parameters) {
        StringBuilder out = new StringBuilder();
        out.append("# dbzlint's checks for Strimzi KafkaConnector resources, as ValidatingAdmissionPolicies\n")
                .append("# (admissionregistration.k8s.io/v1, Kubernetes 1.30+), with the values Debezium ")
                .append(parameters.debeziumVersion()).append(" accepts. Generated by: dbzlint policy --strimzi\n");
        policy(out, POLICY, null, variables(parameters), validations(parameters));
        binding(out, POLICY, false);
        policy(out, COLLISIONS, "kafka.strimzi.io/v1beta2", collisionVariables(), collisionValidations());
        binding(out, COLLISIONS, true);
        return out.toString();
    }

    private static void policy(StringBuilder out, String name, String paramVersion, List<Variable> variables,
                               List<Validation> validations) {
        out.append("---\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n")
                .append("  name: ").append(name).append("\nspec:\n  failurePolicy: Fail\n");
        if (paramVersion != null) {
            out.append("  paramKind:\n    apiVersion: ").append(paramVersion).append("\n    kind: KafkaConnector\n");
        }
        out.append("  matchConstraints:\n    resourceRules:\n      - apiGroups: [\"kafka.strimzi.io\"]\n")
                .append("        apiVersions: [\"*\"]\n        operations: [\"CREATE\", \"UPDATE\"]\n")
                .append("        resources: [\"kafkaconnectors\"]\n  variables:\n");
        for (Variable variable : variables) {
            out.append("    - name: ").append(variable.name()).append("\n      expression: ")
                    .append(quote(variable.expression())).append('\n');
        }
        out.append("  validations:\n");
        for (Validation validation : validations) {
            out.append("    - expression: ").append(quote(validation.expression())).append('\n')
                    .append("      messageExpression: ").append(quote(validation.messageExpression())).append('\n')
                    .append("      reason: Invalid\n");
        }
    }

    private static void binding(StringBuilder out, String policy, boolean params) {
        out.append("---\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\n")
                .append("metadata:\n  name: ").append(policy).append("\nspec:\n  policyName: ").append(policy)
                .append("\n  validationActions: [\"Deny\"]\n");
        if (params) {
            // every other KafkaConnector of the object's namespace that runs on a Strimzi Connect cluster
            out.append("  paramRef:\n    selector:\n      matchExpressions:\n")
                    .append("        - key: strimzi.io/cluster\n          operator: Exists\n")
                    .append("    parameterNotFoundAction: Allow\n");
        }
    }

    /** A YAML double-quoted scalar. */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
