package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --diff-base REF} on a real temporary git repository with two commits. */
class DiffBaseTest {

    @TempDir
    Path repo;

    private static String postgres(String name, String prefix, String slot, String tables) {
        return """
                {"name": "%s", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "postgres-orders.prod.internal",
                  "database.user": "debezium",
                  "database.dbname": "orders",
                  "topic.prefix": "%s",
                  "plugin.name": "pgoutput",
                  "slot.name": "%s",
                  "table.include.list": "%s"
                }}
                """.formatted(name, prefix, slot, tables);
    }

    @BeforeEach
    void twoCommits() throws Exception {
        boolean gitThere;
        try {
            gitThere = new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            gitThere = false;
        }
        assumeTrue(gitThere, "git is not installed");
        git("init", "-q", "-b", "main");
        Files.createDirectories(repo.resolve("connectors"));
        Files.writeString(repo.resolve("connectors/orders.json"), postgres("orders", "postgres_prod", "debezium_orders", "public.orders"));
        git("add", ".");
        git("commit", "-q", "-m", "first");
        Files.writeString(repo.resolve("connectors/orders.json"),
                postgres("orders", "postgres_production", "debezium_orders", "public.orders,public.items"));
        Files.writeString(repo.resolve("connectors/new.json"), postgres("items", "postgres_new", "debezium_new", "public.x"));
        git("add", ".");
        git("commit", "-q", "-m", "second");
    }

    @Test
    void should_report_a_changed_logical_name_against_the_base_with_both_values() {
        Cli run = Cli.runIn(repo, "lint", "--color", "never", "--diff-base", "HEAD~1", "connectors").expectExit(1);

        assertThat(run.out()).contains("connectors/orders.json:6:19: error changed-from-base topic.prefix changed from"
                + " \"postgres_prod\" to \"postgres_production\" since HEAD~1");
        assertThat(run.out()).as("an unchanged slot, and a connector new since the base, are fine")
                .doesNotContain("slot.name changed").doesNotContain("postgres_new\" since");
    }

    @Test
    void should_report_a_new_server_id_and_tables_added_while_the_history_keeps_only_captured_ddl() throws Exception {
        String mysql = """
                {"name": "inventory", "config": {
                  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.hostname": "mysql", "database.user": "debezium",
                  "database.server.id": "%s",
                  "topic.prefix": "mysql_prod",
                  "schema.history.internal.kafka.bootstrap.servers": "kafka:9092",
                  "schema.history.internal.kafka.topic": "schemahistory.mysql_prod",
                  "schema.history.internal.store.only.captured.tables.ddl": "true",
                  "table.include.list": "%s"
                }}
                """;
        Files.writeString(repo.resolve("connectors/inventory.json"), mysql.formatted("184054", "inventory.orders"));
        git("add", ".");
        git("commit", "-q", "-m", "third");
        Files.writeString(repo.resolve("connectors/inventory.json"),
                mysql.formatted("184055", "inventory.orders, inventory.customers"));

        Cli run = Cli.runIn(repo, "lint", "--color", "never", "--diff-base", "HEAD", "connectors").expectExit(1);

        assertThat(run.out()).contains("database.server.id changed from \"184054\" to \"184055\" since HEAD")
                .contains("tables inventory.customers added to table.include.list since HEAD")
                .doesNotContain("tables inventory.orders");
    }

    @Test
    void should_apply_the_project_config_ignores_to_changes_from_the_base() throws IOException {
        Files.writeString(repo.resolve(".dbzlint.json"), """
                {"ignore": [{"rules": ["changed-from-base"], "files": "connectors/orders.json",
                             "reason": "the rename is planned (OPS-7)"}]}
                """);

        Cli run = Cli.runIn(repo, "lint", "--color", "never", "--diff-base", "HEAD~1", "connectors").expectExit(0);

        assertThat(run.out()).doesNotContain("changed-from-base").endsWith("; 1 suppressed\n");
    }

    @Test
    void should_record_changes_from_the_base_in_a_written_baseline_and_then_report_none() throws IOException {
        Cli written = Cli.runIn(repo, "lint", "--color", "never", "--diff-base", "HEAD~1",
                "--write-baseline", "baseline.json", "connectors").expectExit(0);

        assertThat(written.err()).matches("dbzlint: wrote \\d+ findings to baseline.json\n");
        assertThat(Files.readString(repo.resolve("baseline.json"))).contains("changed-from-base");
        assertThat(written.out()).doesNotContain("changed-from-base");

        Cli again = Cli.runIn(repo, "lint", "--color", "never", "--diff-base", "HEAD~1", "--baseline", "baseline.json",
                "connectors").expectExit(0);
        assertThat(again.out()).doesNotContain("changed-from-base");
    }

    @Test
    void should_report_nothing_against_the_same_commit() {
        Cli run = Cli.runIn(repo, "lint", "--diff-base", "HEAD", "connectors");

        assertThat(run.out()).doesNotContain("changed-from-base");
    }

    @Test
    void should_refuse_an_unknown_ref_and_a_folder_outside_git_in_one_line(@TempDir Path elsewhere) throws IOException {
        Cli unknown = Cli.runIn(repo, "lint", "--diff-base", "no-such-branch", "connectors").expectExit(2);
        assertThat(unknown.err()).isEqualTo("dbzlint: --diff-base: unknown git ref \"no-such-branch\"\n");

        Files.writeString(elsewhere.resolve("c.json"), postgres("c", "postgres_prod", "s", "public.t"));
        Cli outside = Cli.runIn(elsewhere, "lint", "--diff-base", "main", "c.json").expectExit(2);
        assertThat(outside.err()).startsWith("dbzlint: --diff-base needs a git repository").doesNotContain("\tat ");

        Cli option = Cli.runIn(repo, "lint", "--diff-base", "--output=x", "connectors").expectExit(2);
        assertThat(option.err()).doesNotContain("\tat ");
    }

    @Test
    void should_fail_closed_when_the_base_holds_a_file_it_cannot_read() throws Exception {
        // a partial clone's missing blob, as the repository's own object store would lack it
        String blob = gitOutput("rev-parse", "HEAD~1:connectors/orders.json").strip();
        Files.delete(repo.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));

        Cli run = Cli.runIn(repo, "lint", "--color", "never", "--diff-base", "HEAD~1", "connectors").expectExit(2);

        assertThat(run.err()).contains("--diff-base: cannot read HEAD~1:connectors/orders.json");
    }

    private String gitOutput(String... args) throws Exception {
        Process process = new ProcessBuilder(List.of(args).stream().collect(java.util.stream.Collectors.toCollection(
                () -> new ArrayList<>(List.of("git"))))).directory(repo.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).isZero();
        return output;
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    }
}
