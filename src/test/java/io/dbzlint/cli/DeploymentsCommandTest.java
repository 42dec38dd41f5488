package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** dbzlint deployments: the grouping lint compares within, with its evidence. */
class DeploymentsCommandTest {

    @TempDir
    Path repo;

    private static String connector(String name, String prefix) {
        return """
                {"name": "%s", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "postgres", "database.dbname": "orders", "topic.prefix": "%s"
                }}
                """.formatted(name, prefix);
    }

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        for (String demo : new String[] {"demo-a", "demo-b"}) {
            Files.createDirectories(repo.resolve(demo));
            Files.writeString(repo.resolve(demo + "/docker-compose.yml"), "services: {}\n");
            Files.writeString(repo.resolve(demo + "/register.json"), connector("orders", "postgres_prod"));
        }
        Files.createDirectories(repo.resolve("overlays/prod"));
        Files.writeString(repo.resolve("overlays/prod/orders.json"), connector("orders", "postgres_prod"));
    }

    @Test
    void should_show_each_deployment_with_its_evidence_and_connectors() {
        Cli run = Cli.runIn(repo, "deployments").expectExit(0);

        assertThat(run.out()).isEqualTo("""
                demo-a/: a compose project (demo-a/docker-compose.yml)
                  demo-a/register.json:1:10  "orders"
                demo-b/: a compose project (demo-b/docker-compose.yml)
                  demo-b/register.json:1:10  "orders"
                overlays/prod/: an environment folder (prod)
                  overlays/prod/orders.json:1:10  "orders"
                3 deployments of 3 connectors
                """);
    }

    @Test
    void should_agree_with_lint_which_pairs_none_of_them() {
        Cli lint = Cli.runIn(repo, "lint", "--color", "never");

        assertThat(lint.out()).contains("3 connectors").doesNotContain("-unique");
    }

    @Test
    void should_write_json() throws Exception {
        Cli run = Cli.runIn(repo, "deployments", "-f", "json", "demo-a").expectExit(0);

        JsonNode deployments = JsonMapper.builder().build().readTree(run.out());
        assertThat(deployments).hasSize(1);
        assertThat(deployments.get(0).get("name").asString()).isEqualTo("demo-a/");
        assertThat(deployments.get(0).get("connectors").get(0).get("file").asString()).isEqualTo("demo-a/register.json");
    }

    @Test
    void should_lint_each_stack_at_the_debezium_release_its_images_name() throws IOException {
        String legacy = """
                {"name": "inventory", "config": {
                  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.hostname": "mysql", "database.user": "debezium", "database.server.id": "184054",
                  "database.server.name": "mysql_prod",
                  "database.history.kafka.bootstrap.servers": "kafka:9092",
                  "database.history.kafka.topic": "schemahistory.mysql_prod"
                }}
                """;
        Files.writeString(repo.resolve("demo-a/docker-compose.yml"), "services:\n  connect:\n"
                + "    image: quay.io/debezium/connect:1.9.7.Final\n");
        Files.writeString(repo.resolve("demo-b/docker-compose.yml"), "services:\n  connect:\n"
                + "    image: debezium/connect:2.7\n");
        Files.writeString(repo.resolve("demo-a/register.json"), legacy);
        Files.writeString(repo.resolve("demo-b/register.json"), legacy);

        Cli shown = Cli.runIn(repo, "deployments", "demo-a", "demo-b").expectExit(0);
        Cli lint = Cli.runIn(repo, "lint", "--color", "never", "demo-a", "demo-b");
        Cli forced = Cli.runIn(repo, "lint", "--color", "never", "--debezium-version", "1.9", "demo-a", "demo-b");

        assertThat(shown.out()).contains("demo-a/: a compose project (demo-a/docker-compose.yml); Debezium 1.9"
                + " (demo-a/docker-compose.yml: debezium/connect:1.9)")
                .contains("demo-b/: a compose project (demo-b/docker-compose.yml); Debezium 2.7"
                        + " (demo-b/docker-compose.yml: debezium/connect:2.7)");
        assertThat(lint.out()).doesNotContain("demo-a/register.json:4:3: error deprecated-property")
                .contains("demo-b/register.json:4:3: error deprecated-property database.server.name was renamed to"
                        + " topic.prefix in Debezium 2.0; Debezium 2.7 no longer reads it");
        assertThat(forced.out()).as("the option beats the repository").doesNotContain("error deprecated-property");
    }

    /**
     * A compose file at the root whose Connect runs an image, and connectors/orders.json: a
     * PostgreSQL connector with the keys given besides its connection.
     */
    private void composeWithOrders(String image, String keys) throws IOException {
        Files.createDirectories(repo.resolve("connectors"));
        Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  connect:\n    image: " + image + "\n");
        Files.writeString(repo.resolve("connectors/orders.json"), """
                {"name": "orders", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "pg", "database.user": "debezium", "database.dbname": "orders",
                  "plugin.name": "pgoutput",
                """ + keys + "}}\n");
    }

    @Test
    void should_lint_at_the_release_of_a_compose_file_at_the_root() throws IOException {
        // the repository's own deployment: the release must reach the connectors, not only the listing
        composeWithOrders("debezium/connect:2.3.4.Final", """
                "topic.prefix": "postgres_prod",
                "transforms": "unwrap", "transforms.unwrap.type": "io.debezium.transforms.ExtractNewRecordState",
                "transforms.unwrap.drop.tombstones": "false"
                """);

        Cli lint = Cli.runIn(repo, "lint", "--color", "never", "--no-config", "connectors");

        assertThat(lint.out()).as("drop.tombstones is removed only in 3.2").doesNotContain("deprecated-property")
                .contains("1 connector");
    }

    @Test
    void should_judge_a_pre_release_as_its_line_or_the_line_before() throws IOException {
        composeWithOrders("quay.io/debezium/connect:2.0.0.Beta1", """
                "database.server.name": "postgres_prod"
                """);

        Cli listing = Cli.runIn(repo, "deployments").expectExit(0);
        Cli lint = Cli.runIn(repo, "lint", "--color", "never", "--no-config", "connectors");

        assertThat(listing.out()).contains("Debezium 2.0 (docker-compose.yml: debezium/connect:2.0.0.Beta1 (a pre-release))");
        assertThat(lint.out()).as("a Beta of 2.0 still read database.server.name").doesNotContain("deprecated-property")
                .contains("1 connector");
    }

    @Test
    void should_warn_of_what_the_newest_release_refuses_where_no_release_is_named() throws IOException {
        Files.createDirectories(repo.resolve("connectors"));
        // old and new names mixed: no release reads them all, so the newest is assumed
        Files.writeString(repo.resolve("connectors/inventory.json"), """
                {"name": "inventory", "config": {
                  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.hostname": "mysql", "database.user": "debezium", "database.server.id": "184054",
                  "database.server.name": "mysql_prod", "snapshot.mode": "schema_only",
                  "schema.history.internal.kafka.topic": "schemahistory.mysql_prod",
                  "schema.history.internal.kafka.bootstrap.servers": "kafka:9092"
                }}
                """);
        // a MySQL value in a PostgreSQL connector: refused since PostgreSQL reads the key, ignored before
        Files.writeString(repo.resolve("connectors/orders.json"), """
                {"name": "orders", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "pg", "database.user": "debezium", "database.dbname": "orders",
                  "plugin.name": "pgoutput", "topic.prefix": "postgres_prod", "snapshot.locking.mode": "minimal"
                }}
                """);

        Cli assumed = Cli.runIn(repo, "lint", "--color", "never", "--no-config", "connectors");
        Cli named = Cli.runIn(repo, "lint", "--color", "never", "--no-config", "--debezium-version", "3.6",
                "connectors");

        assertThat(assumed.out()).contains("connectors/inventory.json:4:3: warning deprecated-property"
                        + " database.server.name was renamed to topic.prefix in Debezium 2.0; Debezium 3.6 no longer"
                        + " reads it: rename the key (no Debezium release is named in the repository: 3.6 assumed;")
                .contains("warning deprecated-property snapshot.mode \"schema_only\" is refused by Debezium 3.6")
                .contains("warning invalid-value snapshot.locking.mode \"minimal\" is not one of")
                .doesNotContain("error deprecated-property").doesNotContain("error invalid-value");
        assertThat(named.out()).contains("connectors/inventory.json:4:3: error deprecated-property")
                .contains("error invalid-value snapshot.locking.mode \"minimal\"")
                .doesNotContain("assumed");
    }

    @Test
    void should_read_a_config_of_old_names_alone_as_written_for_the_release_that_reads_them() throws IOException {
        Files.createDirectories(repo.resolve("connectors"));
        Files.writeString(repo.resolve("connectors/inventory.json"), """
                {"name": "inventory", "config": {
                  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.hostname": "mysql", "database.user": "debezium", "database.server.id": "184054",
                  "database.server.name": "mysql_prod", "database.whitelist": "inventory",
                  "database.history.kafka.topic": "schemahistory.mysql_prod",
                  "database.history.kafka.bootstrap.servers": "kafka:9092"
                }}
                """);
        // SQL Server, which the release catalog does not describe: its renamed keys tell the line
        Files.writeString(repo.resolve("connectors/sales.json"), """
                {"name": "sales", "config": {
                  "connector.class": "io.debezium.connector.sqlserver.SqlServerConnector",
                  "database.hostname": "mssql", "database.user": "sa", "database.dbname": "sales",
                  "database.server.name": "sqlserver_prod",
                  "database.history.kafka.topic": "schemahistory.sqlserver_prod",
                  "database.history.kafka.bootstrap.servers": "kafka:9092"
                }}
                """);

        Cli run = Cli.runIn(repo, "lint", "--color", "never", "--no-config", "connectors");

        assertThat(run.out()).as("1.9 reads every key; database.whitelist is deprecated there, the rest current")
                .contains("connectors/inventory.json:4:41: warning deprecated-property database.whitelist is"
                        + " deprecated; use database.include.list instead")
                .doesNotContain("database.server.name is deprecated").doesNotContain("no longer reads")
                .doesNotContain("sales.json");
    }

    @Test
    void should_not_give_a_strimzi_connector_the_release_of_a_compose_stack_elsewhere() throws IOException {
        Files.createDirectories(repo.resolve("labs/elastic/connect"));
        Files.writeString(repo.resolve("labs/elastic/docker-compose.yml"), "services:\n  connect:\n    build: ./connect\n");
        Files.writeString(repo.resolve("labs/elastic/connect/Dockerfile"), "FROM quay.io/strimzi/kafka:0.41.0-kafka-3.7.0\n"
                + "RUN curl -O https://repo1.maven.org/maven2/io/debezium/debezium-connector-mysql/2.3.2.Final/x.tar.gz\n");
        Files.writeString(repo.resolve("kafka-connector.yaml"), """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnector
                metadata:
                  name: inventory
                  labels:
                    strimzi.io/cluster: my-connect-cluster
                spec:
                  class: io.debezium.connector.mysql.MySqlConnector
                  config:
                    database.hostname: mysql
                    database.server.id: 184054
                    database.server.name: mysql_prod
                    database.whitelist: inventory
                """);

        Cli shown = Cli.runIn(repo, "deployments", "kafka-connector.yaml", "labs").expectExit(0);
        Cli lint = Cli.runIn(repo, "lint", "--color", "never", "--no-config", "kafka-connector.yaml");

        assertThat(shown.out()).contains("strimzi:my-connect-cluster: the Strimzi KafkaConnect my-connect-cluster"
                + " (strimzi.io/cluster)\n");
        assertThat(lint.out()).as("judged as written for a 1.x release, not by the compose stack's 2.3")
                .doesNotContain("2.3 no longer reads").contains("warning deprecated-property database.whitelist");
    }

    @Test
    void should_keep_a_kubernetes_folder_apart_from_the_compose_stack() throws IOException {
        Files.createDirectories(repo.resolve("infra/connectors"));
        Files.createDirectories(repo.resolve("kubernetes/debezium"));
        Files.writeString(repo.resolve("infra/connectors/orders.json"), connector("orders", "postgres_prod")
                .replace("\"postgres\"", "\"postgres_db\""));
        Files.writeString(repo.resolve("kubernetes/debezium/orders.json"), connector("orders", "postgres_prod")
                .replace("\"postgres\"", "\"postgres.cdc.svc.cluster.local\""));

        Cli lint = Cli.runIn(repo, "lint", "--color", "never", "--no-config", "infra", "kubernetes");

        assertThat(lint.out()).contains("2 connectors").doesNotContain("-unique");
        assertThat(Cli.runIn(repo, "deployments", "infra", "kubernetes").out())
                .contains("kubernetes/: a Kubernetes folder (kubernetes)");
    }

    @Test
    void should_read_a_config_at_the_release_it_is_written_for_among_those_the_project_runs() throws IOException {
        // two stacks of their own releases; the scripts at the root post to neither in particular
        Files.writeString(repo.resolve("demo-a/docker-compose.yml"), "services:\n  connect:\n"
                + "    image: debezium/connect:1.9\n");
        Files.writeString(repo.resolve("demo-b/docker-compose.yml"), "services:\n  connect:\n"
                + "    image: debezium/connect:2.1\n");
        Files.createDirectories(repo.resolve("scripts"));
        String legacy = """
                {"name": "%s", "config": {
                  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.hostname": "mysql", "database.user": "debezium", "database.server.id": "%s",
                  "database.server.name": "mysql_%s", "database.whitelist": "inventory"%s
                }}
                """;
        Files.writeString(repo.resolve("scripts/old.json"), legacy.formatted("old", "184001", "old", ""));
        Files.writeString(repo.resolve("scripts/mixed.json"), legacy.formatted("mixed", "184002", "mixed",
                ", \"schema.history.internal.kafka.topic\": \"schemahistory.mixed\""));

        Cli lint = Cli.runIn(repo, "lint", "--color", "never", "--no-config", "scripts");

        assertThat(lint.out()).as("1.x names alone: read as 1.9, where the whitelist is deprecated")
                .contains("scripts/old.json:4:40: warning deprecated-property database.whitelist is deprecated")
                .doesNotContain("scripts/old.json:4:3:");
        assertThat(lint.out()).as("old and new names: the newest release the project runs, said so")
                .contains("scripts/mixed.json:4:3: warning deprecated-property database.server.name was renamed to"
                        + " topic.prefix in Debezium 2.0; Debezium 2.1 no longer reads it: rename the key (the"
                        + " repository runs several Debezium releases (1.9, 2.1) and names none for this config:"
                        + " 2.1 assumed;");
    }
}
