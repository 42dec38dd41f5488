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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
            ((tools.jackson.databind.node.ObjectNode) resource.path("spec").path("config")).put("snapshot.mdoe", "x");
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
        assertThat(renamed.path("deprecationMessage").asString()).contains("topic.prefix");
        assertThat(errors(latest, oneX)).isEmpty(); // deprecated is a hint in the editor, not an error
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
