package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dbzlint.Cli;
import io.dbzlint.json.JsonTree;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code dbzlint schema}: the clean examples validate against the schema of their connector, and
 * the mistakes a schema can express (a typo, a port that is no number, a value Debezium refuses)
 * are rejected, as an editor would underline them.
 */
class SchemaCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> cleanJsonExamples() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("examples/capstone", "examples/mariadb", "examples/references")) {
            try (Stream<Path> found = Files.list(Path.of(folder))) {
                found.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanJsonExamples")
    void should_accept_the_clean_examples(Path file) throws IOException {
        JsonNode body = JSON.readTree(Files.readString(file));

        assertThat(errors(schemaFor(body, false), body)).isEmpty();
    }

    @Test
    void should_accept_the_strimzi_capstone_and_reject_a_typo_in_its_config() throws Exception {
        String text = Files.readString(Path.of("examples/capstone-strimzi/connectors.yaml"));
        int connectors = 0;
        for (String document : text.split("\n---\n")) {
            JsonNode resource = JsonTree.parseYaml(InputId.named("connectors.yaml"), document).root();
            if (!resource.path("kind").asString().equals("KafkaConnector")) {
                continue;
            }
            connectors++;
            Schema schema = schemaFor(resource.path("spec"), true);
            assertThat(errors(schema, resource)).isEmpty();
            ((ObjectNode) resource.path("spec").path("config")).put("snapshot.mdoe", "x");
            assertThat(errors(schema, resource)).anyMatch(error -> error.contains("snapshot.mdoe"));
        }
        assertThat(connectors).isEqualTo(2);
    }

    @Test
    void should_reject_a_typo_a_port_that_is_no_number_and_a_refused_value() throws IOException {
        JsonNode typo = JSON.readTree(Files.readString(
                Path.of("examples/mistakes/unknown-property/inventory-mysql-outbox.json")));
        assertThat(errors(schemaFor(typo, false), typo)).anyMatch(error -> error.contains("snapshot.mdoe"));

        JsonNode port = JSON.readTree(Files.readString(Path.of("examples/mistakes/config-schema/orders-postgres.json")));
        assertThat(errors(schemaFor(port, false), port)).anyMatch(error -> error.contains("database.port"));

        JsonNode refused = JSON.readTree("""
                {"connector.class": "io.debezium.connector.postgresql.PostgresConnector", "plugin.name": "wal2json"}""");
        assertThat(errors(schemaFor(refused, false), refused)).anyMatch(error -> error.contains("plugin.name"));
    }

    @Test
    void should_accept_references_any_case_enums_and_native_json_types() {
        JsonNode config = JSON.readTree("""
                {"connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                 "database.port": "${file:/secrets/db.properties:port}", "plugin.name": "PGOUTPUT",
                 "tasks.max": 1, "tombstones.on.delete": false, "database.dbname": "orders",
                 "driver.connectTimeout": "5"}""");

        assertThat(errors(schemaFor(config, false), config)).isEmpty();
    }

    @Test
    void should_know_each_version_s_keys() {
        JsonNode oneX = JSON.readTree("""
                {"connector.class": "io.debezium.connector.mysql.MySqlConnector", "database.server.name": "shop"}""");
        Schema latest = schema("--connector", "mysql");
        Schema old = schema("--connector", "mysql", "--debezium-version", "1.9");

        assertThat(errors(old, oneX)).isEmpty();
        JsonNode renamed = JSON.readTree(Cli.run("schema", "--connector", "mysql").out())
                .at("/definitions/config/properties/database.server.name");
        assertThat(renamed.path("deprecated").asBoolean()).isTrue();
        assertThat(renamed.path("description").asString()).contains("topic.prefix");
        assertThat(errors(latest, oneX)).isEmpty(); // deprecated is a hint in the editor, not an error
    }

    /** The cases .ci/check-schemas gives ajv and Python jsonschema, here checked by the Java validator. */
    static Stream<JsonNode> sharedCases() throws IOException {
        JsonNode cases = JSON.readTree(Files.readString(Path.of(".ci/schemas/cases.json"))).path("cases");
        List<JsonNode> all = new ArrayList<>();
        cases.forEach(all::add);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCases")
    void should_judge_the_cases_the_ci_check_gives_ajv_and_python_jsonschema(JsonNode testCase) throws Exception {
        String name = testCase.path("schema").asString();
        List<String> options = new ArrayList<>(List.of("--connector", name.split("-")[0]));
        if (name.endsWith("-strimzi")) {
            options.add("--strimzi");
        } else if (name.contains("-")) {
            options.addAll(List.of("--debezium-version", name.substring(name.indexOf('-') + 1)));
        }
        Schema schema = schema(options.toArray(String[]::new));
        List<String> errors = new ArrayList<>();
        for (JsonNode document : documents(Path.of(testCase.path("document").asString()))) {
            errors.addAll(errors(schema, document));
        }

        if (testCase.has("rejects")) {
            assertThat(errors).anyMatch(error -> error.contains(testCase.path("rejects").asString()));
        } else {
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void should_check_each_document_of_a_strimzi_file_by_its_kind_and_class() throws Exception {
        List<JsonNode> documents = documents(Path.of("examples/capstone-strimzi/connectors.yaml"));
        assertThat(documents).extracting(document -> document.path("kind").asString())
                .containsExactly("KafkaConnect", "KafkaConnector", "KafkaConnector");
        Schema mysql = schema("--connector", "mysql", "--strimzi");

        for (JsonNode document : documents) {
            assertThat(errors(mysql, document)).as(document.path("metadata").path("name").asString()).isEmpty();
        }
        // the MySQL connector's config is checked, the PostgreSQL one's (another class) is not
        ((ObjectNode) documents.get(1).path("spec").path("config")).put("snapshot.mdoe", "x");
        ((ObjectNode) documents.get(2).path("spec").path("config")).put("slot.nmae", "x");
        assertThat(errors(mysql, documents.get(1))).anyMatch(error -> error.contains("snapshot.mdoe"));
        assertThat(errors(mysql, documents.get(2))).isEmpty();
        // the resource's shape is checked whatever its class
        ((ObjectNode) documents.get(2).path("spec")).put("taskMax", 1);
        assertThat(errors(mysql, documents.get(2))).anyMatch(error -> error.contains("taskMax"));
    }

    @Test
    void should_use_only_draft_07_keywords_and_say_what_a_schema_cannot_check() {
        for (List<String> options : List.of(List.of("--connector", "mysql"), List.of("--connector", "postgresql",
                "--strimzi"), List.of("--connector", "mariadb", "--debezium-version", "2.7"))) {
            JsonNode schema = JSON.readTree(Cli.run(Stream.concat(Stream.of("schema"), options.stream())
                    .toArray(String[]::new)).expectExit(0).out());
            List<String> unknown = new ArrayList<>();
            keywords(schema, "#", unknown);
            assertThat(unknown).as("keywords ajv's strict mode refuses, in " + options).isEmpty();
            assertThat(schema.path("description").asString()).contains("collisions between connectors")
                    .contains("values that depend on other keys");
        }
    }

    /** The keywords of draft-07 (validation and annotation), the only ones ajv's strict mode accepts. */
    private static final Set<String> DRAFT_07 = Set.of("$schema", "$id", "$ref", "$comment",
            "title", "description", "default", "examples", "readOnly", "writeOnly", "deprecated", "definitions",
            "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
            "maxLength", "minLength", "pattern", "items", "additionalItems", "maxItems", "minItems",
            "uniqueItems", "contains", "maxProperties", "minProperties", "required", "properties",
            "patternProperties", "additionalProperties", "dependencies", "propertyNames", "if", "then", "else",
            "allOf", "anyOf", "oneOf", "not", "format", "contentMediaType", "contentEncoding");

    private static void keywords(JsonNode schema, String at, List<String> unknown) {
        if (!schema.isObject()) {
            return;
        }
        for (var field : schema.properties()) {
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (!DRAFT_07.contains(keyword)) {
                unknown.add(at + "/" + keyword);
            } else if (keyword.equals("type") && value.isArray()) {
                unknown.add(at + "/type is a union type, which strict mode warns of");
            } else if (List.of("properties", "patternProperties", "definitions").contains(keyword)) {
                value.properties().forEach(entry -> keywords(entry.getValue(), at + "/" + keyword + "/"
                        + entry.getKey(), unknown));
            } else if (List.of("allOf", "anyOf", "oneOf").contains(keyword)) {
                value.forEach(alternative -> keywords(alternative, at + "/" + keyword, unknown));
            } else if (value.isObject() && !List.of("default", "examples", "const", "enum").contains(keyword)) {
                keywords(value, at + "/" + keyword, unknown);
            }
        }
    }

    /** The documents of a file: a YAML file's split by ---, each checked on its own as an editor does. */
    private static List<JsonNode> documents(Path file) throws IOException, JsonTree.InvalidJson {
        String text = Files.readString(file);
        if (!file.toString().endsWith(".yaml")) {
            return List.of(JSON.readTree(text));
        }
        List<JsonNode> documents = new ArrayList<>();
        for (String document : text.split("\n---\n")) {
            documents.add(JsonTree.parseYaml(InputId.named(file.getFileName().toString()), document).root());
        }
        return documents;
    }

    @Test
    void should_refuse_an_unknown_connector_and_a_bad_version() {
        Cli.run("schema", "--connector", "oracle").expectExit(2);
        Cli.run("schema", "--connector", "mysql", "--debezium-version", "banana").expectExit(2);
    }

    private static Schema schemaFor(JsonNode config, boolean strimzi) {
        JsonNode inner = config.has("config") ? config.get("config") : config;
        String connectorClass = strimzi ? config.path("class").asString() : inner.path("connector.class").asString();
        String id = ConnectorType.fromConnectorClass(connectorClass).id();
        return strimzi ? schema("--connector", id, "--strimzi") : schema("--connector", id);
    }

    private static Schema schema(String... options) {
        String[] args = Stream.concat(Stream.of("schema"), Stream.of(options)).toArray(String[]::new);
        Cli run = Cli.run(args).expectExit(0);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JSON.readTree(run.out()));
    }

    private static List<String> errors(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }
}
