package io.dbzlint.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.LiveStack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The guard installed as a worker installs it (rest.extension.classes) in Kafka's own
 * EmbeddedConnectCluster, with Debezium's PostgreSQL connector against a real PostgreSQL: a
 * colliding POST, PUT and PATCH are refused with the finding; a clean one is accepted and runs.
 */
@Tag("slow")
class LiveGuardTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedPostgres postgres;
    private static EmbeddedConnectCluster connect;

    private static LiveStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LiveStack.start("dbzlint-guard", Map.of("rest.extension.classes", DbzlintGuard.class.getName(),
                DbzlintGuard.MODE, "enforce"));
        postgres = stack.postgres();
        connect = stack.connect();
        assertThat(send("POST", "connectors", "{\"name\": \"inventory\", \"config\": " + config("inventory_slot",
                "postgres_prod") + "}").statusCode()).isEqualTo(201);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("inventory", 1, "the clean connector runs");
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
        }
    }

    private static String config(String slot, String prefix) {
        return """
                {"connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                 "database.hostname": "localhost", "database.port": "%d", "database.user": "postgres",
                 "database.password": "${env:PGPASSWORD}", "database.dbname": "postgres", "plugin.name": "pgoutput",
                 "slot.name": "%s", "publication.name": "%s_pub", "topic.prefix": "%s"}
                """.formatted(postgres.getPort(), slot, slot, prefix);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connect.endpointForResource(path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_refuse_a_colliding_post_with_kafka_connects_error_body_naming_the_finding() throws Exception {
        HttpResponse<String> response = send("POST", "connectors", "{\"name\": \"orders\", \"config\": "
                + config("inventory_slot", "postgres_orders") + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error_code\":400,\"message\":\"dbzlint refused connector \\\"orders\\\":"
                + " slot-name-unique: slot.name \\\"inventory_slot\\\"").contains("connector \\\"inventory\\\"");
        assertThat(connect.connectors()).doesNotContain("orders");
    }

    @Test
    void should_refuse_a_colliding_put_and_a_patch_that_makes_a_collision() throws Exception {
        HttpResponse<String> put = send("PUT", "connectors/payments/config", config("payments_slot", "postgres_prod"));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(put.body()).contains("server-name-unique", "topic.prefix \\\"postgres_prod\\\"");

        HttpResponse<String> clean = send("PUT", "connectors/shipping/config", config("shipping_slot",
                "postgres_shipping"));
        assertThat(clean.statusCode()).as(clean.body()).isEqualTo(201);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("shipping", 1, "a clean PUT runs");

        HttpResponse<String> patch = send("PATCH", "connectors/shipping/config", "{\"slot.name\": \"inventory_slot\"}");
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(400);
        assertThat(patch.body()).contains("slot-name-unique");

        HttpResponse<String> itself = send("PUT", "connectors/shipping/config", config("shipping_slot",
                "postgres_shipping").replace("\"pgoutput\"", "\"pgoutput\", \"tasks.max\": \"1\""));
        assertThat(itself.statusCode()).as("an update of itself: %s", itself.body()).isEqualTo(200);
    }

    @Test
    void should_let_connect_answer_a_request_the_guard_cannot_read() throws Exception {
        HttpResponse<String> broken = send("POST", "connectors", "{\"name\": \"x\", \"config\": {");

        assertThat(broken.statusCode()).isIn(400, 500);
        assertThat(broken.body()).doesNotContain("dbzlint");
    }
}
