package io.dbzlint.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.rule.RuleParameters;
import io.dbzlint.ruleset.RuleSetLoader;
import io.kubernetes.client.openapi.models.V1ValidatingAdmissionPolicy;
import io.kubernetes.client.openapi.models.V1ValidatingAdmissionPolicyBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The admission policy's CEL, compiled and evaluated with Google's CEL for Java as the API server
 * evaluates it, against the examples' real KafkaConnector resources: a create and an update.
 */
class AdmissionPolicyTest {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
            .addVar("object", SimpleType.DYN).addVar("params", SimpleType.DYN).addVar("variables", SimpleType.DYN)
            .addLibraries(CelExtensions.strings()) // the API server's CEL has the extended strings library
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .addLibraries(CelExtensions.strings()).build();

    private static Object eval(String expression, Map<String, Object> bindings) throws Exception {
        try {
            return RUNTIME.createProgram(COMPILER.compile(expression).getAst()).eval(bindings);
        } catch (dev.cel.runtime.CelEvaluationException e) {
            throw new AssertionError(expression + ": " + e.getMessage(), e);
        }
    }

    /** The policy's answer: empty when admitted, else the first failing validation's message. */
    private static Optional<String> admit(List<AdmissionPolicy.Variable> variables,
                                          List<AdmissionPolicy.Validation> validations, Map<String, Object> object,
                                          Map<String, Object> params) throws Exception {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put("object", object);
        bindings.put("params", params == null ? Map.of() : params);
        Map<String, Object> values = new LinkedHashMap<>();
        bindings.put("variables", values);
        for (AdmissionPolicy.Variable variable : variables) {
            values.put(variable.name(), eval(variable.expression(), bindings));
        }
        for (AdmissionPolicy.Validation validation : validations) {
            if (!Boolean.TRUE.equals(eval(validation.expression(), bindings))) {
                return Optional.of(String.valueOf(eval(validation.messageExpression(), bindings)));
            }
        }
        return Optional.empty();
    }

    /**
     * The KafkaConnector documents of a file, as the API server hands them to CEL (integers as longs).
     * Config values as strings: CEL for Java's checker binds string() of a dynamic value to one
     * overload, where the API server's cel-go dispatches on the value; quoted is how configs hold them.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> connectors(String file) throws Exception {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(Path.of(file)))) {
            if (document instanceof Map<?, ?> map && "KafkaConnector".equals(map.get("kind"))) {
                found.add((Map<String, Object>) normalized(map));
            }
        }
        return found;
    }

    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), "config".equals(k) && v instanceof Map<?, ?> config
                    ? strings(config) : normalized(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AdmissionPolicyTest::normalized).toList();
        }
        return value instanceof Integer i ? Long.valueOf(i) : value;
    }

    private static Map<String, Object> strings(Map<?, ?> config) {
        Map<String, Object> copy = new LinkedHashMap<>();
        config.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withConfig(Map<String, Object> connector, String name, Map<String, Object> changes) {
        Map<String, Object> copy = (Map<String, Object>) normalized(connector);
        ((Map<String, Object>) copy.get("metadata")).put("name", name);
        ((Map<String, Object>) ((Map<String, Object>) copy.get("spec")).get("config")).putAll(strings(changes));
        return copy;
    }

    private static Optional<String> collision(Map<String, Object> object, Map<String, Object> params) throws Exception {
        return admit(AdmissionPolicy.collisionVariables(), AdmissionPolicy.collisionValidations(), object, params);
    }

    private static Optional<String> own(Map<String, Object> object) throws Exception {
        return own(object, RuleSetLoader.bundled().parameters());
    }

    private static Optional<String> own(Map<String, Object> object, RuleParameters parameters) throws Exception {
        return admit(AdmissionPolicy.variables(parameters), AdmissionPolicy.validations(parameters), object, null);
    }

    @Test
    void should_admit_the_capstone_connectors_beside_each_other_and_on_their_own() throws Exception {
        List<Map<String, Object>> capstone = connectors("examples/capstone-strimzi/connectors.yaml");
        assertThat(capstone).hasSize(2);

        for (Map<String, Object> connector : capstone) {
            assertThat(own(connector)).isEmpty();
            for (Map<String, Object> other : capstone) {
                assertThat(collision(connector, other)).as("an update of itself, or another connector").isEmpty();
            }
        }
    }

    @Test
    void should_refuse_a_new_connector_on_a_slot_server_id_logical_name_or_history_another_holds() throws Exception {
        List<Map<String, Object>> capstone = connectors("examples/capstone-strimzi/connectors.yaml");
        Map<String, Object> mysql = capstone.get(0);
        Map<String, Object> postgres = capstone.get(1);

        Map<String, Object> slot = withConfig(postgres, "payments-postgres", Map.of("topic.prefix", "postgres_payments"));
        assertThat(collision(slot, postgres)).hasValueSatisfying(message -> assertThat(message).startsWith(
                "slot-name-unique: slot.name \"debezium_orders\" on postgres-orders.prod.internal:5432 is also the"
                        + " replication slot of connector \"orders-postgres-outbox\""));

        Map<String, Object> serverId = withConfig(mysql, "billing-mysql", Map.of("topic.prefix", "mysql_billing",
                "schema.history.internal.kafka.topic", "schemahistory.mysql_billing"));
        assertThat(collision(serverId, mysql)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("server-id-unique: database.server.id 184054 is also used by connector"
                        + " \"inventory-mysql-outbox\""));

        Map<String, Object> prefix = withConfig(mysql, "billing-mysql", Map.of("database.server.id", 184055L,
                "database.hostname", "mysql-billing.prod.internal",
                "schema.history.internal.kafka.topic", "schemahistory.mysql_billing"));
        assertThat(collision(prefix, mysql)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("server-name-unique: topic.prefix \"mysql_prod\""));

        Map<String, Object> history = withConfig(mysql, "billing-mysql", Map.of("database.server.id", "184055",
                "database.hostname", "mysql-billing.prod.internal", "topic.prefix", "mysql_billing"));
        assertThat(collision(history, mysql)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("schema-history-topic-unique: the schema history topic \"schemahistory.mysql_prod\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_leave_other_connect_clusters_templates_and_the_update_of_itself_alone() throws Exception {
        List<Map<String, Object>> capstone = connectors("examples/capstone-strimzi/connectors.yaml");
        Map<String, Object> postgres = capstone.get(1);

        Map<String, Object> elsewhere = withConfig(postgres, "payments-postgres", Map.of());
        ((Map<String, Object>) ((Map<String, Object>) elsewhere.get("metadata")).get("labels"))
                .put("strimzi.io/cluster", "other-connect");
        Map<String, Object> templated = withConfig(postgres, "payments-postgres", Map.of("slot.name", "${env:SLOT}",
                "topic.prefix", "${env:PREFIX}"));
        Map<String, Object> update = withConfig(postgres, "orders-postgres-outbox", Map.of("tasks.max", 1L));

        assertThat(collision(elsewhere, postgres)).isEmpty();
        assertThat(collision(templated, withConfig(postgres, "x", Map.of("slot.name", "${env:SLOT}",
                "topic.prefix", "${env:PREFIX}")))).isEmpty();
        assertThat(collision(update, postgres)).isEmpty();
    }

    @Test
    void should_refuse_a_server_id_outside_the_house_range_and_a_debezium_connector_without_a_prefix() throws Exception {
        Map<String, Object> mysql = connectors("examples/capstone-strimzi/connectors.yaml").get(0);

        assertThat(own(withConfig(mysql, "m", Map.of("database.server.id", 5400L)))).hasValueSatisfying(message ->
                assertThat(message).isEqualTo("server-id-range: database.server.id 5400 is outside the house range"
                        + " 184000-184999: pick a free id in it"));
        assertThat(own(withConfig(mysql, "m", Map.of("database.server.id", "${env:ID}")))).isEmpty();
        Map<String, Object> noPrefix = withConfig(mysql, "m", Map.of());
        ((Map<?, ?>) ((Map<?, ?>) noPrefix.get("spec")).get("config")).remove("topic.prefix");
        assertThat(own(noPrefix)).hasValue(
                "config-schema: missing a logical server name: set topic.prefix (database.server.name in Debezium 1.x)");
    }

    @Test
    void should_refuse_a_missing_required_key_of_its_family_only() throws Exception {
        List<Map<String, Object>> capstone = connectors("examples/capstone-strimzi/connectors.yaml");
        Map<String, Object> postgres = withConfig(capstone.get(1), "p", Map.of());
        ((Map<?, ?>) ((Map<?, ?>) postgres.get("spec")).get("config")).remove("database.dbname");
        Map<String, Object> mysql = withConfig(capstone.get(0), "m", Map.of());
        ((Map<?, ?>) ((Map<?, ?>) mysql.get("spec")).get("config")).remove("database.user");
        // Debezium's JDBC sink is a connector of io.debezium.connector too, with no logical name to set
        Map<String, Object> sink = withConfig(capstone.get(0), "sink", Map.of());
        ((Map<String, Object>) ((Map<?, ?>) sink.get("spec")).get("config")).clear();
        ((Map<String, Object>) sink.get("spec")).put("class", "io.debezium.connector.jdbc.JdbcSinkConnector");

        assertThat(own(postgres)).hasValue("config-schema: missing required key database.dbname; add it");
        assertThat(own(mysql)).hasValue("config-schema: missing required key database.user; add it");
        assertThat(own(sink)).isEmpty();
    }

    @Test
    void should_refuse_a_value_outside_its_closed_set_as_the_target_release_defines_it() throws Exception {
        List<Map<String, Object>> capstone = connectors("examples/capstone-strimzi/connectors.yaml");
        Map<String, Object> mysql = capstone.get(0);
        Map<String, Object> postgres = capstone.get(1);

        assertThat(own(withConfig(postgres, "p", Map.of("snapshot.mode", "inital")))).hasValueSatisfying(message ->
                assertThat(message).startsWith("invalid-value: snapshot.mode \"inital\" is not one of ")
                        .contains("initial, ").contains("no_data"));
        assertThat(own(withConfig(postgres, "p", Map.of("plugin.name", "wal2json")))).hasValueSatisfying(message ->
                assertThat(message).startsWith("invalid-value: plugin.name \"wal2json\" is not one of"));
        assertThat(own(withConfig(mysql, "m", Map.of("snapshot.locking.mode", "sometimes")))).isPresent();
        // Debezium compares these values ignoring case and surrounding blanks; a reference is the worker's
        assertThat(own(withConfig(postgres, "p", Map.of("snapshot.mode", " INITIAL ")))).isEmpty();
        assertThat(own(withConfig(postgres, "p", Map.of("snapshot.mode", "${env:SNAPSHOT_MODE}")))).isEmpty();
        // a value Debezium renamed is the deprecation's to report (a warning), not a refusal
        assertThat(own(withConfig(mysql, "m", Map.of("snapshot.mode", "schema_only")))).isEmpty();

        // no_data is new in 2.6: a cluster on 2.1 refuses it, one on 2.6 takes it
        RuleParameters parameters = RuleSetLoader.bundled().parameters();
        assertThat(own(withConfig(postgres, "p", Map.of("snapshot.mode", "no_data")),
                parameters.withDebeziumVersion(DebeziumVersion.parse("2.1.4.Final")))).isPresent();
        assertThat(own(withConfig(postgres, "p", Map.of("snapshot.mode", "no_data")),
                parameters.withDebeziumVersion(DebeziumVersion.parse("2.6.2.Final")))).isEmpty();
    }

    @Test
    void should_write_policies_and_bindings_whose_expressions_all_compile() throws Exception {
        String yaml = AdmissionPolicy.yaml(RuleSetLoader.bundled().parameters());
        List<Object> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(documents::add);

        assertThat(documents.stream().map(document -> String.valueOf(((Map<?, ?>) document).get("kind"))).toList())
                .containsExactly(
                "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "ValidatingAdmissionPolicy",
                "ValidatingAdmissionPolicyBinding");
        for (Object document : documents) {
            Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) document).get("spec");
            for (String list : List.of("variables", "validations")) {
                if (spec.get(list) instanceof List<?> entries) {
                    for (Object entry : entries) {
                        for (String field : List.of("expression", "messageExpression")) {
                            Object expression = ((Map<?, ?>) entry).get(field);
                            if (expression != null) {
                                assertThat(COMPILER.compile((String) expression).getAst()).as((String) expression)
                                        .isNotNull();
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The YAML against Kubernetes' own schema of admissionregistration.k8s.io/v1, as its generated
     * API model checks a document: no unknown field at any depth, every required field, the types.
     * The enumerated strings the schema leaves to descriptions are checked against the API reference.
     */
    @Test
    @SuppressWarnings("unchecked")
    void should_write_documents_kubernetes_admissionregistration_v1_accepts() throws Exception {
        Gson gson = new Gson();
        String yaml = AdmissionPolicy.yaml(RuleSetLoader.bundled().parameters());
        int checked = 0;
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            Map<String, Object> resource = (Map<String, Object>) document;
            JsonElement json = gson.toJsonTree(resource);
            assertThat(resource.get("apiVersion")).isEqualTo("admissionregistration.k8s.io/v1");
            if ("ValidatingAdmissionPolicy".equals(resource.get("kind"))) {
                V1ValidatingAdmissionPolicy.validateJsonElement(json);
                Map<String, Object> spec = (Map<String, Object>) resource.get("spec");
                assertThat(spec.get("failurePolicy")).isIn("Fail", "Ignore");
                for (Map<String, Object> validation : (List<Map<String, Object>>) spec.get("validations")) {
                    assertThat(validation.get("reason")).isIn("Unauthorized", "Forbidden", "Invalid",
                            "RequestEntityTooLarge");
                }
                for (Map<String, Object> rule : (List<Map<String, Object>>) ((Map<String, Object>) spec
                        .get("matchConstraints")).get("resourceRules")) {
                    assertThat((List<String>) rule.get("operations")).isSubsetOf("CREATE", "UPDATE", "DELETE",
                            "CONNECT", "*");
                }
            } else {
                assertThat(resource.get("kind")).isEqualTo("ValidatingAdmissionPolicyBinding");
                V1ValidatingAdmissionPolicyBinding.validateJsonElement(json);
                Map<String, Object> spec = (Map<String, Object>) resource.get("spec");
                assertThat((List<String>) spec.get("validationActions")).isSubsetOf("Deny", "Warn", "Audit");
                if (spec.get("paramRef") instanceof Map<?, ?> paramRef) {
                    assertThat(paramRef.get("parameterNotFoundAction")).isIn("Allow", "Deny");
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(4);

        // the check itself refuses what the API server refuses: a misspelt field, a missing one
        JsonElement misspelt = gson.toJsonTree(Map.of("apiVersion", "admissionregistration.k8s.io/v1",
                "kind", "ValidatingAdmissionPolicy", "spec", Map.of("validation", List.of())));
        assertThatThrownBy(() -> V1ValidatingAdmissionPolicy.validateJsonElement(misspelt))
                .hasMessageContaining("validation");
        JsonElement noExpression = gson.toJsonTree(Map.of("apiVersion", "admissionregistration.k8s.io/v1",
                "kind", "ValidatingAdmissionPolicy", "spec", Map.of("validations", List.of(Map.of("message", "m")))));
        assertThatThrownBy(() -> V1ValidatingAdmissionPolicy.validateJsonElement(noExpression))
                .hasMessageContaining("expression");
    }
}
