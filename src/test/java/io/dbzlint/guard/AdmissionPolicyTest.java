package io.dbzlint.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.dbzlint.ruleset.RuleSetLoader;
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
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

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
        return admit(AdmissionPolicy.variables(), AdmissionPolicy.validations(RuleSetLoader.bundled().parameters()),
                object, null);
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
        assertThat(own(noPrefix)).hasValueSatisfying(message -> assertThat(message).startsWith(
                "config-schema: connector m has no topic.prefix"));
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
}
