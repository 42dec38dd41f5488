package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target Debezium version, and the parameters the catalog rules take. */
class DebeziumVersionTest {

    private static final String LEGACY = "examples/mistakes/deprecated-property";

    @TempDir
    Path dir;

    @Test
    void should_report_1x_keys_as_errors_for_debezium_3() {
        Cli run = Cli.run("lint", "--color", "never", LEGACY).expectExit(1);

        assertThat(run.out()).contains("error deprecated-property database.server.name was renamed to topic.prefix"
                + " in Debezium 2.0; Debezium 3.6 no longer reads it");
    }

    @Test
    void should_take_1x_keys_as_current_in_debezium_1_but_warn_of_those_1x_itself_deprecated() {
        Cli run = Cli.run("lint", "--color", "never", "--debezium-version", "1.9.7.Final", LEGACY).expectExit(0);

        // topic.prefix does not exist before 2.0: database.server.name is the name at 1.9
        assertThat(run.out()).doesNotContain("database.server.name is deprecated")
                .contains("warning deprecated-property table.whitelist is deprecated; use table.include.list")
                .contains("0 errors, 1 warning");
    }

    @Test
    void should_take_the_target_version_from_the_rules_parameters() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"parameters\": {\"debeziumVersion\": \"1.9\"}}");

        Cli.run("lint", "--rules", rules.toString(), LEGACY).expectExit(0);
    }

    @Test
    void should_compare_no_connector_that_the_release_known_to_run_refuses_at_creation() throws IOException {
        // database.server.name alone: Debezium 2.0 and later require topic.prefix and refuse it, so it
        // never runs beside the connector whose topic.prefix is the same name
        Files.writeString(dir.resolve("c1.json"), """
                {"name": "c1", "config": {"connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "pg", "database.dbname": "orders", "slot.name": "cdc",
                  "database.server.name": "postgres_prod"}}
                """);
        Files.writeString(dir.resolve("c2.json"), """
                {"name": "c2", "config": {"connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "pg", "database.dbname": "billing", "slot.name": "cdc",
                  "topic.prefix": "postgres_prod"}}
                """);

        Cli known = Cli.run("lint", "--no-config", "--color", "never", "--debezium-version", "2.7", dir.toString());
        Cli assumed = Cli.run("lint", "--no-config", "--color", "never", dir.toString());

        assertThat(known.out()).contains("c1.json:3:3: error deprecated-property database.server.name was renamed")
                .doesNotContain("server-name-unique").doesNotContain("slot-name-unique");
        // the newest release only assumed: c1 may be written for the 1.x it runs, and collides
        assertThat(assumed.out()).contains("c1.json:3:27: error server-name-unique")
                .contains("c1.json:2:72: error slot-name-unique");
    }

    @Test
    void should_refuse_a_version_that_is_not_one() {
        Cli run = Cli.run("lint", "--debezium-version", "latest", LEGACY).expectExit(2);

        assertThat(run.err()).contains("--debezium-version: not a Debezium version: latest");
    }

    @Test
    void should_flag_a_server_id_that_a_replica_uses() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.json"), """
                {"parameters": {"reservedServerIds": [{"id": 184054, "owner": "replica mysql-inventory-2"}]}}
                """);

        Cli run = Cli.run("lint", "--color", "never", "--rules", rules.toString(), "examples/capstone").expectExit(1);

        assertThat(run.out()).contains("inventory-mysql-outbox.json:10:27: error server-id-unique database.server.id"
                + " 184054 is used by replica mysql-inventory-2");
    }
}
