package io.dbzlint.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.LiveStack;
import io.dbzlint.RecordedLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The guard's two ways of letting a colliding connector through, in Kafka's own
 * EmbeddedConnectCluster with Debezium's PostgreSQL connector and a real PostgreSQL: warn mode logs
 * what it would refuse; a guard that cannot start logs why at ERROR and never blocks the cluster.
 * Each case is a worker started with its own properties, as an operator would configure it.
 */
@Tag("slow")
class LiveGuardModesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String connector(LiveStack stack, String name, String slot, String prefix) {
        return """
                {"name": "%s", "config": {"connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                 "database.hostname": "localhost", "database.port": "%d", "database.user": "postgres",
                 "database.password": "${env:PGPASSWORD}", "database.dbname": "postgres", "plugin.name": "pgoutput",
                 "slot.name": "%s", "publication.name": "%s_pub", "topic.prefix": "%s"}}
                """.formatted(name, stack.postgres().getPort(), slot, slot, prefix);
    }

    private static HttpResponse<String> post(LiveStack stack, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.connect().endpointForResource("connectors")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A running connector, then one on its logical name: the guard compares with what the cluster
     * state holds, so the first must run before the second is posted.
     */
    private static HttpResponse<String> postColliding(LiveStack stack) throws Exception {
        assertThat(post(stack, connector(stack, "inventory", "inventory_slot", "postgres_prod")).statusCode())
                .isEqualTo(201);
        stack.connect().assertions().assertConnectorAndAtLeastNumTasksAreRunning("inventory", 1,
                "the first connector runs");
        return post(stack, connector(stack, "orders", "orders_slot", "postgres_prod"));
    }

    @Test
    void should_let_a_colliding_connector_through_in_warn_mode_and_log_what_it_would_refuse() throws Exception {
        try (LiveStack stack = LiveStack.start("dbzlint-guard-warn", Map.of("rest.extension.classes",
                DbzlintGuard.class.getName(), DbzlintGuard.MODE, "warn"))) {
            HttpResponse<String> colliding = postColliding(stack);

            assertThat(colliding.statusCode()).as(colliding.body()).isEqualTo(201);
            assertThat(colliding.body()).doesNotContain("dbzlint");
            assertThat(stack.connect().connectors()).contains("inventory", "orders");
            assertThat(RecordedLog.lines()).contains("INFO dbzlint guard " + new DbzlintGuard().version()
                    + " started in warn mode");
            assertThat(RecordedLog.lines()).anySatisfy(line -> assertThat(line).startsWith(
                    "WARN dbzlint guard (warn mode) would refuse connector \"orders\": server-name-unique: topic.prefix"
                            + " \"postgres_prod\""));
        }
    }

    @Test
    void should_never_block_the_cluster_when_the_guard_cannot_start() throws Exception {
        try (LiveStack stack = LiveStack.start("dbzlint-guard-broken", Map.of("rest.extension.classes",
                DbzlintGuard.class.getName(), DbzlintGuard.RULES, "/no/such/dbzlint-rules.json"))) {
            HttpResponse<String> colliding = postColliding(stack);

            assertThat(colliding.statusCode()).as(colliding.body()).isEqualTo(201);
            assertThat(stack.connect().connectors()).contains("inventory", "orders");
            assertThat(RecordedLog.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("ERROR dbzlint guard cannot start, and lets every request through: ")
                    .contains("dbzlint-rules.json"));
        }
    }
}
