package io.dbzlint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.model.ValueKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static final InputId FILE = InputId.named("dir/inventory.json");

    private final ConfigLoader loader = new ConfigLoader();

    private LoadedFile load(String json) {
        return loader.load(FILE, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Location range(int line, int column, int endLine, int endColumn) {
        return new Location(FILE, line, column, endLine, endColumn);
    }

    @Test
    void should_read_a_rest_body_with_its_name_and_config_positions() {
        LoadedFile file = load("""
                {
                  "name": "inventory-mysql",
                  "config": {
                    "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                    "database.server.id": 184054
                  }
                }
                """);

        assertThat(file.problems()).isEmpty();
        Connector connector = file.connectors().get(0);
        assertThat(connector.name()).isEqualTo("inventory-mysql");
        assertThat(connector.nameLocation()).isEqualTo(range(2, 11, 2, 28));
        assertThat(connector.location()).isEqualTo(range(3, 13, 3, 14));
        assertThat(connector.type()).isEqualTo(ConnectorType.MYSQL);
        ConfigEntry id = connector.entry("database.server.id").orElseThrow();
        assertThat(id.text()).isEqualTo("184054");
        assertThat(id.kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(id.keyLocation()).isEqualTo(range(5, 5, 5, 25));
        assertThat(id.valueLocation()).isEqualTo(range(5, 27, 5, 33));
    }

    @Test
    void should_name_a_bare_config_by_its_name_key_or_else_by_the_file() {
        Connector named = load("{\"name\": \"orders\", \"connector.class\": \"PostgresConnector\"}")
                .connectors().get(0);
        Connector unnamed = load("{\"connector.class\": \"PostgresConnector\"}").connectors().get(0);

        assertThat(named.name()).isEqualTo("orders");
        assertThat(named.type()).isEqualTo(ConnectorType.POSTGRESQL);
        assertThat(unnamed.name()).isEqualTo("inventory");
        assertThat(unnamed.nameLocation()).isEqualTo(unnamed.location());
    }

    @Test
    void should_read_an_array_of_configs_in_either_shape() {
        LoadedFile file = load("""
                [
                  {"name": "a", "config": {"connector.class": "MySqlConnector"}},
                  {"connector.class": "io.debezium.connector.postgresql.PostgresConnector"}
                ]
                """);

        assertThat(file.connectors()).extracting(Connector::name).containsExactly("a", "inventory[1]");
        assertThat(file.connectors()).extracting(Connector::type)
                .containsExactly(ConnectorType.MYSQL, ConnectorType.POSTGRESQL);
    }

    @Test
    void should_keep_string_number_and_boolean_values_as_kafka_connect_reads_them() {
        Connector connector = load("""
                {"a": "184054", "b": 184054, "c": true, "d": null, "e": {"x": 1}, "f": [1]}
                """).connectors().get(0);

        assertThat(connector.value("a")).contains("184054");
        assertThat(connector.value("b")).contains("184054");
        assertThat(connector.value("c")).contains("true");
        assertThat(connector.value("d")).isEmpty();
        assertThat(connector.entry("e").orElseThrow().kind()).isEqualTo(ValueKind.OBJECT);
        assertThat(connector.entry("f").orElseThrow().kind()).isEqualTo(ValueKind.ARRAY);
    }

    @Test
    void should_report_a_duplicate_key_at_the_second_and_keep_the_last_value() {
        LoadedFile file = load("""
                {
                  "slot.name": "first",
                  "slot.name": "second"
                }
                """);

        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.ruleId()).isEqualTo("duplicate-key");
            assertThat(problem.location()).isEqualTo(range(3, 3, 3, 14));
            assertThat(problem.related()).containsExactly(range(2, 3, 2, 14));
            assertThat(problem.message()).contains("\"slot.name\"", "line 2");
        });
        assertThat(file.connectors().get(0).value("slot.name")).contains("second");
    }

    @Test
    void should_report_invalid_json_where_the_parser_stopped_and_load_no_connector() {
        LoadedFile file = load("""
                {
                  "name": "x",
                  "config": {"a": "b" "c": "d"}
                }
                """);

        assertThat(file.connectors()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.ruleId()).isEqualTo("parse-error");
            assertThat(problem.location()).isEqualTo(range(3, 23, 3, 24));
            assertThat(problem.message()).contains("was expecting comma");
            assertThat(problem.message()).startsWith("invalid JSON: ");
        });
    }

    @Test
    void should_report_each_comment_and_trailing_comma_and_still_read_the_connector() {
        LoadedFile file = load("""
                {
                  // a line comment, with a "quote" and a ,}
                  "name": "x", /* a block
                  comment */ "config": {"connector.class": "MySqlConnector", "url": "http://a//b,}",},
                }
                """);

        assertThat(file.connectors()).singleElement().satisfies(connector -> {
            assertThat(connector.name()).isEqualTo("x");
            assertThat(connector.value("url")).contains("http://a//b,}");
        });
        assertThat(file.problems()).extracting(LoadProblem::ruleId).containsOnly("strict-json");
        assertThat(file.problems()).extracting(LoadProblem::location).containsExactly(
                range(2, 3, 2, 45), range(3, 16, 4, 13), range(4, 84, 4, 85), range(4, 86, 4, 87));
        assertThat(file.problems().get(0).message()).startsWith("a // comment").contains("Kafka Connect refuses");
    }

    @Test
    void should_report_an_unterminated_document_with_a_position_but_no_parser_internals() {
        LoadedFile file = load("{\n  \"connector.class\": \"x\",\n");

        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location().line()).isEqualTo(3);
            assertThat(problem.message()).contains("end-of-input").doesNotContain("Source", "REDACTED");
        });
    }

    @Test
    void should_read_no_connector_and_no_problem_from_an_empty_file() {
        LoadedFile file = load("  \n");

        assertThat(file.connectors()).isEmpty();
        assertThat(file.problems()).isEmpty();
    }

    @Test
    void should_read_a_rest_body_as_a_connector_but_not_another_tools_envelope() {
        LoadedFile connect = load("{\"name\": \"a\", \"type\": \"source\", \"tasks\": [], \"config\": {\"k\": \"v\"}}");
        LoadedFile platform = load("{\"name\": \"a\", \"type\": \"io.debezium.connector.postgresql.PostgresConnector\","
                + " \"schema\": \"s\", \"connection\": {\"id\": 1}, \"config\": {\"topic.prefix\": \"x\"}}");

        assertThat(connect.connectors()).hasSize(1);
        assertThat(platform.connectors()).isEmpty();
        assertThat(platform.problems()).isEmpty();
    }

    @Test
    void should_read_a_top_level_that_is_not_an_object_or_array_as_data_not_a_connector() {
        // a saved Kafka message is often one JSON string holding escaped JSON
        for (String scalar : java.util.List.of("\n  \"just a string\"", "42", "true", "null")) {
            LoadedFile file = load(scalar);

            assertThat(file.connectors()).as(scalar).isEmpty();
            assertThat(file.problems()).as(scalar).isEmpty();
        }
    }

    @Test
    void should_report_an_array_element_that_is_not_an_object() {
        LoadedFile file = load("[{\"connector.class\": \"MySqlConnector\"}, 42]");

        assertThat(file.connectors()).isEmpty();
        assertThat(file.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("array element 2 is a number"));
    }

    @Test
    void should_skip_an_array_of_data_before_any_connector() {
        for (String data : List.of("[\"string\", \"number\", \"boolean\"]", "[1, 2, 3]", "[{\"id\": 1}, \"two\"]")) {
            LoadedFile file = load(data);

            assertThat(file.connectors()).as(data).isEmpty();
            assertThat(file.problems()).as(data).isEmpty();
        }
    }

    @Test
    void should_report_content_after_a_connector_document() {
        LoadedFile file = load("{\"connector.class\": \"X\"}\n{\"c\": \"d\"}");

        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo(range(2, 1, 2, 2));
            assertThat(problem.message()).contains("after the end");
        });
    }

    @Test
    void should_leave_json_lines_data_alone_when_its_first_value_is_no_connector() {
        LoadedFile file = load("{\"site_id\": 1, \"lat\": -11.47}\n{\"site_id\": 2, \"lat\": 27.09}\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.connectors()).isEmpty();
    }

    @Test
    void should_read_the_bodies_of_a_json_file_that_holds_a_command_instead_of_reporting_it() {
        LoadedFile file = load("""
                curl -i -X POST -H "Content-Type:application/json" http://localhost:8083/connectors/ \\
                    -d '{"name": "inventory", "config": {
                          "connector.class": "io.debezium.connector.mysql.MySqlConnector"}}'
                """);

        assertThat(file.problems()).isEmpty();
        assertThat(file.connectors()).singleElement().satisfies(connector -> {
            assertThat(connector.name()).isEqualTo("inventory");
            assertThat(connector.entry("connector.class").orElseThrow().keyLocation().line()).isEqualTo(3);
        });
    }

    @Test
    void should_read_the_commands_of_a_json_file_below_commented_out_ones_without_taking_urls_for_comments() {
        LoadedFile file = load("""
                // curl -i -X GET http://connect:8083/connectors/inventory/status
                # then post it
                curl http://connect:8083/connectors -X POST -H 'Content-Type: application/json' -d '{
                    "name": "inventory",
                    "config": {"connector.class": "io.debezium.connector.mysql.MySqlConnector"}}'
                """);

        assertThat(file.problems()).isEmpty();
        assertThat(file.connectors()).singleElement()
                .satisfies(connector -> assertThat(connector.name()).isEqualTo("inventory"));
    }

    @Test
    void should_read_a_debezium_platform_source_with_its_type_as_connector_class_unless_its_database_is_elsewhere() {
        LoadedFile source = load("""
                {
                  "name": "pg-source",
                  "type": "io.debezium.connector.postgresql.PostgresConnector",
                  "schema": "dummy",
                  "vaults": [],
                  "config": {"database.hostname": "postgresql", "topic.prefix": "inventory"}
                }
                """);
        String withConnection = """
                {"name": "pg-source", "type": "io.debezium.connector.postgresql.PostgresConnector",
                 "connection": {"id": 1}, "config": {"topic.prefix": "inventory"}}
                """;
        String destination = """
                {"name": "out", "type": "kafka", "config": {"producer.bootstrap.servers": "kafka:9092"}}
                """;

        Connector connector = source.connectors().get(0);
        assertThat(connector.name()).isEqualTo("pg-source");
        assertThat(connector.type()).isEqualTo(ConnectorType.POSTGRESQL);
        assertThat(connector.runsOnDebeziumServer()).as("the platform runs it on Debezium Server").isTrue();
        assertThat(connector.config()).containsOnlyKeys("connector.class", "database.hostname", "topic.prefix");
        assertThat(connector.entry("connector.class").orElseThrow().valueLocation()).isEqualTo(range(3, 11, 3, 63));
        assertThat(load(withConnection).connectors()).as("its connection holds the database settings").isEmpty();
        assertThat(load(destination).connectors()).isEmpty();
    }

    @Test
    void should_read_a_connector_config_written_as_yaml_keys_as_its_json_body_is_read() {
        InputId yaml = new InputId("examples/postgres-connector.yaml", "examples/postgres-connector.yaml",
                InputFormat.YAML);
        LoadedFile flat = loader.load(yaml, """
                # a connector's config, as a tool turns it into a REST body
                name: orders
                connector.class: io.debezium.connector.postgresql.PostgresConnector
                tasks.max: 1
                database.hostname: postgres
                """.getBytes(StandardCharsets.UTF_8));
        LoadedFile body = loader.load(yaml, """
                name: orders
                config:
                  connector.class: io.debezium.connector.postgresql.PostgresConnector
                  database.hostname: postgres
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(flat.problems()).isEmpty();
        Connector connector = flat.connectors().get(0);
        assertThat(connector.name()).isEqualTo("orders");
        assertThat(connector.nameLocation()).isEqualTo(new Location(yaml, 2, 7, 2, 13));
        assertThat(connector.type()).isEqualTo(ConnectorType.POSTGRESQL);
        assertThat(connector.config()).containsOnlyKeys("name", "connector.class", "tasks.max", "database.hostname");
        assertThat(connector.entry("database.hostname").orElseThrow().keyLocation())
                .isEqualTo(new Location(yaml, 5, 1, 5, 18));
        assertThat(connector.entry("tasks.max").orElseThrow().kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(connector.runsOnDebeziumEngine()).isFalse();
        Connector engine = loader.load(yaml, """
                connector.class: io.debezium.connector.mysql.MySqlConnector
                offset.storage: io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore
                """.getBytes(StandardCharsets.UTF_8)).connectors().get(0);
        assertThat(engine.runsOnDebeziumEngine()).as("an application's config for the embedded engine").isTrue();
        Connector rest = body.connectors().get(0);
        assertThat(rest.name()).isEqualTo("orders");
        assertThat(rest.config()).containsOnlyKeys("connector.class", "database.hostname");
        assertThat(rest.entry("database.hostname").orElseThrow().valueLocation())
                .isEqualTo(new Location(yaml, 4, 22, 4, 30));
    }

    @Test
    void should_read_yaml_whose_emoji_straddles_the_parsers_buffer_boundary() {
        InputId file = new InputId("connect/orders.yaml", "connect/orders.yaml", InputFormat.YAML);
        // a block scalar whose 1,024th character is the first half of a surrogate pair
        for (int pad = 1000; pad < 1040; pad++) {
            String text = "notes: |\n  " + "x".repeat(pad) + "\uD83D\uDE00 done\n"
                    + "connector.class: io.debezium.connector.postgresql.PostgresConnector\n"
                    + "topic.prefix: postgres_prod\n";

            LoadedFile loaded = loader.load(file, text.getBytes(StandardCharsets.UTF_8));

            assertThat(loaded.problems()).as("pad %d", pad).isEmpty();
        }
    }

    @Test
    void should_leave_yaml_alone_that_only_holds_a_connector_class_deeper_or_beside_other_things() {
        InputId values = new InputId("chart/values.yaml", "chart/values.yaml", InputFormat.YAML);
        String helmValues = """
                replicaCount: 1
                connectors:
                  orders:
                    connector.class: io.debezium.connector.postgresql.PostgresConnector
                """;
        String platformSource = """
                name: orders
                type: io.debezium.connector.postgresql.PostgresConnector
                config:
                  connector.class: io.debezium.connector.postgresql.PostgresConnector
                """;
        String workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n";

        for (String text : List.of(helmValues, platformSource, workflow)) {
            assertThat(loader.load(values, text.getBytes(StandardCharsets.UTF_8)).connectors()).as(text).isEmpty();
        }
    }

    @Test
    void should_mark_a_connector_template_leave_other_broken_yaml_alone_and_report_a_broken_resource() {
        InputId chart = new InputId("chart/templates/connector.yaml", null, InputFormat.YAML);
        String template = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnector
                metadata:
                  name: {{ .Values.name }}
                """;
        String workflow = "jobs:\n  build:\n   - bad: [\n";
        String resource = "kind: KafkaConnector\nspec:\n  class: io.debezium.connector.mysql.MySqlConnector\n"
                + "  config: [\n";

        assertThat(loader.load(chart, template.getBytes(StandardCharsets.UTF_8)).problems()).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.ruleId()).isEqualTo(LoadProblem.TEMPLATE);
                    assertThat(problem.location()).isEqualTo(new Location(chart, 4, 9, 4, 11));
                });
        assertThat(loader.load(chart, workflow.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
        assertThat(loader.load(chart, resource.getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("invalid YAML"));
    }

    @Test
    void should_read_a_connector_with_unquoted_substitutions_as_the_template_it_is() {
        LoadedFile file = load("""
                {
                  "name": "inventory",
                  "config": {
                    "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                    "database.port": ${DB_PORT},
                    "tasks.max": ${TASKS:-1},
                    "database.hostname": "${DB_HOST}"
                  }
                }
                """);

        assertThat(file.problems()).isEmpty();
        assertThat(file.connectors()).singleElement().satisfies(connector -> {
            assertThat(connector.value("database.port")).contains("$DB_PORT");
            assertThat(connector.value("tasks.max")).contains("$TASKS:-1");
            assertThat(connector.entry("database.port").orElseThrow().valueLocation()).isEqualTo(range(5, 22, 5, 32));
            assertThat(connector.value("database.hostname")).contains("${DB_HOST}");
        });
    }

    @Test
    void should_leave_another_tools_template_alone_but_report_a_broken_connector_template() {
        String taskDefinition = """
                [{"name": "${NAME}", "cpu": ${CPU}, "environment": ${ENV}}]
                """;
        String brokenConnector = """
                {"name": "x", "config": {"connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.port": ${PORT} "tasks.max": 1}}
                """;

        String hugoLayout = """
                {{- /* a Hugo output format: the section as JSON */ -}}
                {"title": {{ .Title | jsonify }}, "pages": [{{ range $i, $p := .Pages }}{{ if $i }},{{ end }}"x"{{ end }}]}
                """;

        assertThat(load(taskDefinition).problems()).isEmpty();
        assertThat(load(taskDefinition).connectors()).isEmpty();
        assertThat(load(hugoLayout).problems()).as("no strict-json for its comments either").isEmpty();
        assertThat(load(brokenConnector).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.ruleId()).isEqualTo("parse-error"));
    }

    @Test
    void should_report_bytes_that_are_not_utf8_at_their_position() {
        byte[] bytes = "{\n  \"a\": \"caf\u00e9 X\"\n}".getBytes(StandardCharsets.ISO_8859_1);

        LoadedFile file = loader.load(InputId.named("latin1.json"), bytes);

        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.ruleId()).isEqualTo("parse-error");
            assertThat(problem.location()).isEqualTo(Location.at(InputId.named("latin1.json"), 2, 12));
            assertThat(problem.message()).contains("not valid UTF-8", "0xE9");
        });
    }

    @Test
    void should_accept_a_utf8_byte_order_mark() {
        byte[] body = "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        LoadedFile file = loader.load(InputId.named("bom.json"), bytes);

        assertThat(file.problems()).isEmpty();
        assertThat(file.connectors().get(0).name()).isEqualTo("x");
    }

    @Test
    void should_count_columns_in_characters_not_bytes() {
        Connector connector = load("{\"d\u00e9j\u00e0\": \"\u00e9\", \"k\": \"v\"}").connectors().get(0);

        // é and à are two bytes each in UTF-8: a byte count would say 17
        assertThat(connector.entry("k").orElseThrow().keyLocation().column()).isEqualTo(15);
    }

    @Test
    void should_give_each_key_and_value_its_range_in_characters() {
        Connector connector = load("""
                {"caf\u00e9": "a\\"b\u00e9", "n": -1.5e3, "t": true, "o": {"x": [1,
                  2]}, "z": null}
                """).connectors().get(0);

        assertThat(connector.entry("caf\u00e9").orElseThrow().keyLocation()).isEqualTo(range(1, 2, 1, 8));
        assertThat(connector.entry("caf\u00e9").orElseThrow().valueLocation()).isEqualTo(range(1, 10, 1, 17));
        assertThat(connector.entry("n").orElseThrow().valueLocation()).isEqualTo(range(1, 24, 1, 30));
        assertThat(connector.entry("t").orElseThrow().valueLocation()).isEqualTo(range(1, 37, 1, 41));
        assertThat(connector.entry("o").orElseThrow().valueLocation()).isEqualTo(range(1, 48, 2, 6));
        assertThat(connector.entry("z").orElseThrow().valueLocation()).isEqualTo(range(2, 13, 2, 17));
    }

    @Test
    void should_never_repeat_an_unquoted_token_in_a_parse_error_because_it_may_be_a_secret() {
        LoadedFile file = load("{\"database.password\": hunter2secret}");

        assertThat(file.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).doesNotContain("hunter2"));
    }
}
