package io.dbzlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.InputId;
import io.dbzlint.result.Finding;
import io.dbzlint.source.Input;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session that remembers each file's outcome (the language server's) answers as a fresh one would. */
class RememberingSessionTest {

    @TempDir
    Path root;

    private static final String CONNECTOR = """
            {"name": "%s", "config": {
              "connector.class": "io.debezium.connector.mysql.MySqlConnector",
              "database.hostname": "mysql.example.com", "database.port": "3306",
              "database.user": "debezium", "database.password": "${file:/secrets/db.properties:password}",
              "database.server.id": "%s", "topic.prefix": "mysql_prod_%s",
              "database.include.list": "%s",
              "schema.history.internal.kafka.bootstrap.servers": "kafka:9092",
              "schema.history.internal.kafka.topic": "schemahistory.%s"}}
            """;

    private static Input connector(String file, String name, String serverId) {
        byte[] bytes = String.format(CONNECTOR, name, serverId, name, name, name).getBytes(StandardCharsets.UTF_8);
        return Input.ofBytes(InputId.named(file), bytes);
    }

    private static List<String> collisions(LintSession session, List<Input> inputs) {
        return session.lint(inputs).findings().stream().filter(f -> f.ruleId().equals("server-id-unique"))
                .map(Finding::location).map(location -> location.file()).toList();
    }

    @Test
    void should_find_a_collision_an_edit_makes_and_lose_it_when_the_edit_is_undone() {
        LintSession remembering = LintSession.bundled(root).remembering();
        Input orders = connector("orders.json", "orders", "184001");
        Input billing = connector("billing.json", "billing", "184002");
        assertThat(collisions(remembering, List.of(orders, billing))).isEmpty();

        Input edited = connector("billing.json", "billing", "184001");
        assertThat(collisions(remembering, List.of(orders, edited)))
                .containsExactlyInAnyOrder("orders.json", "billing.json")
                .isEqualTo(collisions(LintSession.bundled(root), List.of(orders, edited)));

        assertThat(collisions(remembering, List.of(orders, billing))).isEmpty();
    }

    @Test
    void should_give_the_findings_a_fresh_session_gives_after_files_change_and_go() {
        LintSession remembering = LintSession.bundled(root).remembering();
        List<Input> first = List.of(connector("a.json", "a", "1"), connector("b.json", "b", "184100"),
                connector("c.json", "c", "184100"));
        remembering.lint(first);
        List<Input> second = List.of(connector("a.json", "a", "184100"), connector("c.json", "c", "184100"));

        assertThat(remembering.lint(second).findings())
                .isEqualTo(LintSession.bundled(root).lint(second).findings())
                .extracting(Finding::ruleId).contains("server-id-unique").doesNotContain("server-id-range");
    }
}
