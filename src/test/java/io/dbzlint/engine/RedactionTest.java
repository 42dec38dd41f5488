package io.dbzlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.load.ConfigLoader;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The safety net under every connector rule: whatever a rule's message quotes, a connector's
 * secrets do not reach the output. No rule quotes a secret on purpose, so this is tested here,
 * with messages that do.
 */
class RedactionTest {

    private static Connector connector(String json) {
        return new ConfigLoader().load(InputId.named("c.json"), json.getBytes(StandardCharsets.UTF_8))
                .connectors().get(0);
    }

    @Test
    void should_blank_a_secret_keys_value_and_a_password_inside_a_url() {
        Linter.Redaction redaction = new Linter.Redaction(connector("""
                {"connector.class": "MySqlConnector", "database.hostname": "db1",
                 "database.password": "S3cretPassw0rd",
                 "schema.history.internal.kafka.bootstrap.servers": "kafka:9092",
                 "database.jdbc.url": "jdbc:mysql://db1/inventory?user=debezium&password=Url5ecret"}
                """));

        String safe = redaction.apply("password S3cretPassw0rd, url password=Url5ecret, host db1");

        assertThat(safe).isEqualTo("password ****, url password=****, host db1");
    }

    @Test
    void should_leave_a_provider_reference_and_a_secret_other_values_spell_out() {
        Linter.Redaction redaction = new Linter.Redaction(connector("""
                {"connector.class": "PostgresConnector", "database.hostname": "postgres",
                 "database.user": "postgres", "database.password": "postgres",
                 "database.dbname": "${file:/secrets/db.properties:password}"}
                """));

        assertThat(redaction.apply("postgres on postgres: ${file:/secrets/db.properties:password}"))
                .isEqualTo("postgres on postgres: ${file:/secrets/db.properties:password}");
    }
}
