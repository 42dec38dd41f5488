package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.connect.FakeConnect;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --connect-url} against a stand-in worker on loopback: what a cluster runs joins the
 * run, and every way of failing to read it is one line while the files are still linted. The same
 * against Kafka's own embedded cluster is {@code LiveConnectIT}.
 */
class ConnectLintTest {

    private static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "junit");

    @TempDir
    Path repo;

    private FakeConnect connect;

    @BeforeEach
    void start() throws IOException {
        connect = new FakeConnect();
    }

    @AfterEach
    void stop() {
        connect.close();
    }

    private static String postgres(String name, String slot, String prefix) {
        return """
                {"name": "%s", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "pg.internal", "database.port": "5432",
                  "database.user": "debezium", "database.password": "${file:/opt/secrets.properties:pw}",
                  "database.dbname": "inventory", "plugin.name": "pgoutput",
                  "slot.name": "%s", "publication.name": "%s_pub", "topic.prefix": "%s"
                }}
                """.formatted(name, slot, slot, prefix);
    }

    private static String deployed(String slot, String prefix, String password) {
        return "\"connector.class\":\"io.debezium.connector.postgresql.PostgresConnector\","
                + "\"database.hostname\":\"pg.internal\",\"database.port\":\"5432\",\"database.user\":\"debezium\","
                + "\"database.password\":\"" + password + "\",\"database.dbname\":\"inventory\","
                + "\"plugin.name\":\"pgoutput\",\"slot.name\":\"" + slot + "\",\"publication.name\":\"" + slot
                + "_pub\",\"topic.prefix\":\"" + prefix + "\"";
    }

    private Cli lint(Map<String, String> env, String... args) {
        return Cli.runIn(repo, env, args);
    }

    @Test
    void should_fail_a_file_whose_slot_a_deployed_connector_on_the_same_server_holds_and_name_it() throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "inventory_slot", "postgres_prod"));
        connect.running("inventory", deployed("inventory_slot", "postgres_stage", "S3cr3tPw"));

        Cli run = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".").expectExit(1);

        String cluster = "connect://127.0.0.1:" + connect.url().replaceAll(".*:", "");
        assertThat(run.out()).contains("orders.json:6:16: error slot-name-unique slot.name \"inventory_slot\" on"
                + " pg.internal:5432 is also the replication slot of connector \"inventory\" (" + cluster
                + "/inventory:11:18); ", "in 2 connectors (2 files)");
        assertThat(run.out()).as("the deployed connector is named once")
                .doesNotContain("(" + cluster + "/inventory:11:18) and connector");
    }

    @Test
    void should_fail_a_file_whose_logical_name_and_local_database_server_a_deployed_connector_shares()
            throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "debezium", "postgres_prod")
                .replace("pg.internal", "postgres"));
        connect.running("inventory", deployed("debezium", "postgres_prod", "${env:PW}").replace("pg.internal",
                "postgres"));
        Files.createDirectories(repo.resolve("demo"));
        Files.writeString(repo.resolve("demo/docker-compose.yml"), "services: {}\n");
        Files.writeString(repo.resolve("demo/other.json"), postgres("other", "debezium", "postgres_prod")
                .replace("pg.internal", "postgres"));

        Cli run = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".").expectExit(1);

        assertThat(run.out()).contains("orders.json:6:80: error server-name-unique",
                "orders.json:6:16: error slot-name-unique", "demo/other.json:6:16: error slot-name-unique")
                .containsPattern("demo/other.json:6:16: error slot-name-unique [^\\n]*connector \"inventory\""
                        + " \\(connect://");
        assertThat(run.out()).as("the two deployments of the repository still do not meet")
                .doesNotContain("(orders.json:6:16)", "(demo/other.json:6:16)");
    }

    @Test
    void should_fail_a_file_whose_server_id_a_deployed_mysql_connector_on_the_same_server_holds() throws IOException {
        Files.writeString(repo.resolve("billing.json"), """
                {"name": "billing", "config": {
                  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.hostname": "mysql.internal", "database.port": "3306", "database.user": "debezium",
                  "database.password": "${env:PW}", "database.server.id": "184054", "topic.prefix": "mysql_billing",
                  "schema.history.internal.kafka.bootstrap.servers": "kafka:9092",
                  "schema.history.internal.kafka.topic": "schemahistory.mysql_billing"
                }}
                """);
        connect.running("inventory", "\"connector.class\":\"io.debezium.connector.mysql.MySqlConnector\","
                + "\"database.hostname\":\"mysql.internal\",\"database.port\":\"3306\",\"database.user\":\"debezium\","
                + "\"database.password\":\"${env:PW}\",\"database.server.id\":\"184054\",\"topic.prefix\":\"mysql_prod\","
                + "\"schema.history.internal.kafka.bootstrap.servers\":\"kafka:9092\","
                + "\"schema.history.internal.kafka.topic\":\"schemahistory.mysql_prod\"");

        Cli run = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".").expectExit(1);

        assertThat(run.out()).containsPattern("billing\\.json:4:\\d+: error server-id-unique database\\.server\\.id"
                + " 184054 is also used by connector \"inventory\" \\(connect://127\\.0\\.0\\.1:\\d+/inventory:");
    }

    @Test
    void should_compare_a_deployed_copy_of_a_file_once_and_lint_what_the_cluster_runs() throws IOException {
        Files.writeString(repo.resolve("inventory.json"), postgres("inventory", "inventory_slot", "postgres_prod"));
        connect.running("inventory", deployed("inventory_slot", "postgres_prod", "${file:/opt/secrets.properties:pw}"));

        Cli run = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".");

        run.expectExit(0);
        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
    }

    @Test
    void should_lint_a_deployed_connector_at_its_cluster_and_never_print_its_password() throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "postgres_prod"));
        connect.running("inventory", deployed("inventory_slot", "pg", "S3cr3tPw"));

        for (String format : FORMATS) {
            Cli run = lint(Map.of(), "lint", "--no-config", "-f", format, "--connect-url", connect.url(), ".");
            assertThat(run.out()).as(format).contains("plaintext-secret", "server-name-pattern")
                    .doesNotContain("S3cr3tPw");
            assertThat(run.err()).as(format).doesNotContain("S3cr3tPw");
        }
        Cli text = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".");
        assertThat(text.out()).containsPattern("connect://127\\.0\\.0\\.1:\\d+/inventory:\\d+:\\d+: warning"
                + " plaintext-secret database\\.password");
        Cli diff = lint(Map.of(), "lint", "--no-config", "--diff", "--connect-url", connect.url(), ".");
        assertThat(diff.out()).as("a deployed connector is no file to fix").doesNotContain("connect://");
    }

    @Test
    void should_say_in_one_line_that_the_cluster_refused_the_credentials_and_still_lint_the_files() throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "pg"));
        connect.requiring("Basic " + Base64.getEncoder().encodeToString("ci:Pa55word".getBytes()));

        Cli refused = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".").expectExit(2);
        assertThat(refused.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("dbzlint: Kafka Connect at " + connect.url())
                .contains("authentication failed (401)", "DBZLINT_CONNECT_USERNAME"));
        assertThat(refused.out()).contains("orders.json:6:86: warning server-name-pattern", "in 1 connector (1 file)");

        Cli allowed = lint(Map.of("DBZLINT_CONNECT_USERNAME", "ci", "DBZLINT_CONNECT_PASSWORD", "Pa55word"),
                "lint", "--no-config", "--connect-url", connect.url(), ".");
        assertThat(allowed.err()).isEmpty();
        assertThat(allowed.out()).doesNotContain("Pa55word");
    }

    @Test
    void should_take_the_credentials_of_kcctls_context_for_the_cluster() throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "postgres_prod"));
        connect.requiring("Basic " + Base64.getEncoder().encodeToString("kc:K0ntext".getBytes()));
        Path home = Files.createDirectories(repo.resolve("home"));
        Files.writeString(home.resolve(".kcctl"), "{\"currentContext\": \"local\", \"local\": {\"cluster\": \""
                + connect.url() + "\", \"username\": \"kc\", \"password\": \"K0ntext\"}}");

        Cli byUrl = lint(Map.of("HOME", home.toString()), "lint", "--no-config", "--connect-url", connect.url(),
                "orders.json");
        Cli byContext = lint(Map.of("HOME", home.toString()), "lint", "--no-config", "--connect-url", "kcctl",
                "orders.json");

        for (Cli run : List.of(byUrl, byContext)) {
            assertThat(run.err()).isEmpty();
            run.expectExit(0);
        }
    }

    @Test
    void should_say_in_one_line_that_a_cluster_is_unreachable_and_still_lint_the_files() throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "postgres_prod"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli run = lint(Map.of(), "lint", "--no-config", "--connect-url", "http://127.0.0.1:" + closed,
                "--connect-timeout", "2", ".").expectExit(2);

        assertThat(run.err()).isEqualTo("dbzlint: Kafka Connect at http://127.0.0.1:" + closed
                + ": cannot read the Kafka Connect cluster after 3 tries (connection refused)\n");
        assertThat(run.out()).contains("0 errors, 0 warnings in 1 connector (1 file)");
    }

    @Test
    void should_try_again_while_the_workers_rebalance() throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "postgres_prod"));
        connect.failing(409, 2);

        Cli run = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("in 1 connector (1 file)");
        assertThat(connect.requests()).isEqualTo(4);
    }

    @Test
    void should_give_up_on_a_cluster_that_keeps_rebalancing_in_one_line() throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "postgres_prod"));
        connect.failing(409, 10);

        Cli run = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".").expectExit(2);

        assertThat(run.err().lines()).singleElement().asString().contains("the workers are rebalancing (409)");
    }

    @Test
    void should_refuse_an_endpoint_that_is_not_kafka_connect_and_a_url_with_a_password() throws IOException {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "postgres_prod"));
        connect.answeringRoot("{\"status\": \"UP\"}");

        Cli notConnect = lint(Map.of(), "lint", "--no-config", "--connect-url", connect.url(), ".").expectExit(2);
        assertThat(notConnect.err().lines()).singleElement().asString().contains("does not answer as Kafka Connect");

        Cli withPassword = lint(Map.of(), "lint", "--no-config", "--connect-url",
                connect.url().replace("http://", "http://ci:Hunter2@"), ".").expectExit(2);
        assertThat(withPassword.err().lines()).singleElement().asString()
                .contains("a URL with credentials in it", "DBZLINT_CONNECT_PASSWORD").doesNotContain("Hunter2");
        assertThat(connect.authorizations()).doesNotContain("Hunter2");
    }

    @Test
    void should_list_drift_with_both_values_and_no_secret_in_every_format() throws IOException {
        Files.writeString(repo.resolve("inventory.json"), postgres("inventory", "inventory_slot", "postgres_prod")
                .replace("${file:/opt/secrets.properties:pw}", "N3wS3cret"));
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "postgres_prod"));
        connect.running("inventory", deployed("old_slot", "postgres_prod", "0ldS3cret"));
        connect.running("legacy", deployed("legacy_slot", "postgres_legacy", "${file:/s.properties:pw}"));

        Cli text = lint(Map.of(), "drift", "--connect-url", connect.url(), ".").expectExit(1);

        String cluster = "connect://127.0.0.1:" + connect.url().replaceAll(".*:", "");
        assertThat(text.out()).contains(
                cluster + "/inventory: 3 keys differ from inventory.json:1:10; FAILED:"
                        + " org.apache.kafka.connect.errors.ConnectException: boom",
                "inventory.json:4:53 database.password: differs (a secret: not shown)",
                "slot.name: \"inventory_slot\" in the repository, \"old_slot\" on the cluster",
                "orders.json:1:10: \"orders\" is only in the repository, not on " + cluster,
                cluster + "/legacy: only on the cluster, not in the repository; FAILED",
                "3 connectors compared: 1 changed, 1 only in the repository, 1 only on the cluster");
        for (String format : List.of("text", "json", "sarif")) {
            Cli run = lint(Map.of(), "drift", "-f", format, "--connect-url", connect.url(), ".").expectExit(1);
            assertThat(run.out()).as(format).doesNotContain("N3wS3cret", "0ldS3cret").contains("old_slot");
        }
        Cli same = lint(Map.of(), "drift", "--connect-url", connect.url(), "orders.json");
        assertThat(same.out()).contains("1 only in the repository, 2 only on the cluster");
    }

    @Test
    void should_write_drift_as_sarif_the_official_schema_accepts() throws Exception {
        Files.writeString(repo.resolve("orders.json"), postgres("orders", "orders_slot", "postgres_prod"));
        connect.running("orders", deployed("old_slot", "postgres_prod", "${file:/s.properties:pw}"));
        connect.running("legacy", deployed("legacy_slot", "postgres_legacy", "${file:/s.properties:pw}"));

        Cli run = lint(Map.of(), "drift", "-f", "sarif", "--connect-url", connect.url(), ".").expectExit(1);

        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        try (var in = getClass().getResourceAsStream("/sarif-schema-2.1.0.json")) {
            var schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                    com.networknt.schema.SpecificationVersion.DRAFT_4).getSchema(mapper.readTree(in));
            assertThat(schema.validate(mapper.readTree(run.out()))).isEmpty();
        }
        assertThat(run.out()).contains("drift-changed", "drift-only-on-cluster");
    }

    @Test
    void should_read_the_clusters_the_project_config_names_into_their_deployments_with_connect() throws IOException {
        Files.createDirectories(repo.resolve("prod"));
        Files.createDirectories(repo.resolve("staging"));
        Files.writeString(repo.resolve("prod/orders.json"), postgres("orders", "inventory_slot", "postgres_prod"));
        Files.writeString(repo.resolve("staging/orders.json"), postgres("orders", "inventory_slot", "postgres_stage")
                .replace("pg.internal", "postgres"));
        Files.writeString(repo.resolve(".dbzlint.yaml"), """
                deployments:
                  - name: prod
                    files: ["prod/**"]
                    connect: %s
                  - name: staging
                    files: ["staging/**"]
                """.formatted(connect.url()));
        connect.running("inventory", deployed("inventory_slot", "postgres_prod", "${env:PW}").replace("pg.internal",
                "postgres"));

        Cli withoutFlag = lint(Map.of(), "lint", ".").expectExit(0);
        assertThat(connect.requests()).as("a cluster is read only when asked").isZero();
        assertThat(withoutFlag.out()).contains("in 2 connectors (2 files)");

        Cli run = lint(Map.of(), "lint", "--connect", ".").expectExit(1);
        assertThat(run.out()).contains("prod/orders.json:6:92: error server-name-unique",
                "in 3 connectors (3 files)").containsPattern("connect://127\\.0\\.0\\.1:\\d+/inventory:13:21: error"
                + " server-name-unique [^\\n]*\\(prod/orders\\.json:6:92\\)");
        assertThat(run.out()).as("staging is not applied to the prod cluster").doesNotContain("staging/orders.json:");

        Cli noCluster = Cli.runIn(repo, Map.of(), "lint", "--no-config", "--connect", ".").expectExit(2);
        assertThat(noCluster.err()).contains("--connect reads the Kafka Connect clusters");
    }
}
