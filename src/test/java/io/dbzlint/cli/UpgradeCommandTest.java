package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 'dbzlint upgrade': what must change between two Debezium releases, read from the releases themselves. */
class UpgradeCommandTest {

    @Test
    void should_list_renames_and_changed_defaults_from_1_9_to_3_6() {
        Cli run = Cli.run("upgrade", "--from", "1.9", "--to", "3.6", "examples/upgrade/inventory-mysql-1.9.json")
                .expectExit(1);

        assertThat(run.out())
                .contains("13:5: error upgrade database.server.name was renamed topic.prefix in Debezium 2.0")
                .contains("12:5: error upgrade table.whitelist was renamed table.include.list")
                .contains("warning upgrade database.ssl.mode is unset, and its default changes from \"disabled\""
                        + " in Debezium 1.9 to \"preferred\" in Debezium 3.6")
                .contains("schema.name.adjustment.mode is unset, and its default changes from \"avro\"")
                .endsWith("4 errors, 2 warnings in 1 connector (1 file); 4 fixable with --fix (--diff to see how)\n");
    }

    @Test
    void should_name_a_value_the_new_release_refuses_with_its_replacement_from_2_4_to_3_6() {
        Cli run = Cli.run("upgrade", "--from", "2.4", "--to", "3.6", "examples/upgrade/orders-postgres-2.4.json")
                .expectExit(1);

        assertThat(run.out()).contains("14:22: error upgrade snapshot.mode \"never\" is refused by Debezium 3.6"
                + " (the last of the catalog's releases that accepts it is 3.2): use \"no_data\"");
    }

    @Test
    void should_exit_0_when_only_defaults_change() {
        Cli run = Cli.run("upgrade", "--from", "3.4", "--to", "3.6", "examples/upgrade/orders-postgres-2.4.json")
                .expectExit(0);

        // 3.6 adds a secret pattern to what Debezium masks in its logs: a default change, nothing to rename
        assertThat(run.out()).contains("warning upgrade custom.sanitize.pattern is unset, and its default changes")
                .endsWith("0 errors, 1 warning in 1 connector (1 file)\n");
    }

    @Test
    void should_write_the_lint_formats() {
        Cli run = Cli.run("upgrade", "--from", "1.9", "--format", "json", "examples/upgrade/inventory-mysql-1.9.json")
                .expectExit(1);

        JsonNode findings = JsonMapper.builder().build().readTree(run.out()).get("findings");
        assertThat(findings).allSatisfy(f -> assertThat(f.get("rule").asString()).isEqualTo("upgrade"));
        assertThat(findings).anySatisfy(f -> assertThat(f.get("key").asString()).isEqualTo("database.server.name"));
    }

    private static final Path MYSQL_19 = Path.of("examples/upgrade/inventory-mysql-1.9.json");
    private static final Path POSTGRES_24 = Path.of("examples/upgrade/orders-postgres-2.4.json");

    @Test
    void should_apply_the_renames_and_value_changes_with_fix_and_report_what_remains(@TempDir Path dir)
            throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Path mysql = Files.writeString(dir.resolve("mysql.json"), Files.readString(MYSQL_19));
        Path postgres = Files.writeString(dir.resolve("postgres.json"), Files.readString(POSTGRES_24));

        Cli run = Cli.runIn(dir, "upgrade", "--from", "1.9", "--to", "3.6", "--fix", ".").expectExit(0);

        assertThat(run.err()).isEqualTo("dbzlint: fixed 5 problems in 2 files\n");
        assertThat(Files.readString(mysql)).isEqualTo(Files.readString(MYSQL_19)
                .replace("\"table.whitelist\"", "\"table.include.list\"")
                .replace("\"database.server.name\"", "\"topic.prefix\"")
                .replace("\"database.history.kafka.", "\"schema.history.internal.kafka."));
        assertThat(Files.readString(postgres)).isEqualTo(Files.readString(POSTGRES_24)
                .replace("\"snapshot.mode\": \"never\"", "\"snapshot.mode\": \"no_data\""));
        assertThat(run.out()).as("what is left: defaults to set by hand").doesNotContain("error upgrade")
                .contains("warning upgrade database.ssl.mode is unset").doesNotContain("fixable");
        Cli again = Cli.runIn(dir, "upgrade", "--from", "1.9", "--to", "3.6", "--fix", ".").expectExit(0);
        assertThat(again.err()).as("nothing left to fix").isEmpty();
    }

    @Test
    void should_print_the_changes_as_a_diff_and_touch_no_file_unless_asked(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Path postgres = Files.writeString(dir.resolve("postgres.json"), Files.readString(POSTGRES_24));

        Cli diff = Cli.runIn(dir, "upgrade", "--from", "2.4", "--to", "3.6", "--diff", "postgres.json").expectExit(1);
        Cli report = Cli.runIn(dir, "upgrade", "--from", "2.4", "--to", "3.6", "postgres.json").expectExit(1);

        assertThat(diff.out()).startsWith("--- a/postgres.json\n+++ b/postgres.json\n")
                .contains("-    \"snapshot.mode\": \"never\",\n+    \"snapshot.mode\": \"no_data\",\n");
        assertThat(diff.err()).isEqualTo("dbzlint: would fix 1 problem in 1 file\n");
        assertThat(report.out()).contains("use \"no_data\"");
        assertThat(Files.readString(postgres)).as("neither --diff nor a report writes").isEqualTo(
                Files.readString(POSTGRES_24));
    }

    @Test
    void should_not_rename_a_key_into_one_that_is_set_too(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        String both = Files.readString(MYSQL_19).replace("\"database.include.list\": \"inventory\"",
                "\"table.include.list\": \"inventory.orders\"");
        Path mysql = Files.writeString(dir.resolve("mysql.json"), both);

        Cli run = Cli.runIn(dir, "upgrade", "--from", "1.9", "--to", "3.6", "--fix", "mysql.json").expectExit(1);

        assertThat(Files.readString(mysql)).as("the other renames are made").contains("\"topic.prefix\"")
                .as("no second table.include.list").contains("\"table.whitelist\"");
        assertThat(run.out()).contains("error upgrade table.whitelist was renamed table.include.list");
    }

    @Test
    void should_not_fix_through_a_link_out_of_the_project(@TempDir Path dir) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        Path outside = Files.writeString(dir.resolve("outside.json"), Files.readString(POSTGRES_24));
        try {
            Files.createSymbolicLink(project.resolve("linked.json"), outside);
        } catch (UnsupportedOperationException e) {
            org.assertj.core.api.Assumptions.assumeThat(false).as("no links here").isTrue();
        }

        Cli run = Cli.runIn(project, "upgrade", "--from", "2.4", "--to", "3.6", "--fix", "linked.json");

        assertThat(run.err()).contains("cannot write linked.json: a link out of the project: not fixed");
        assertThat(Files.readString(outside)).isEqualTo(Files.readString(POSTGRES_24));
        assertThat(Files.isSymbolicLink(project.resolve("linked.json"))).isTrue();
    }

    @Test
    void should_write_standard_input_upgraded_to_standard_output_and_the_report_to_standard_error()
            throws IOException {
        Cli run = Cli.piped(Path.of("").toAbsolutePath(), Files.readString(POSTGRES_24), "upgrade", "--from", "2.4",
                "--to", "3.6", "--fix", "-").expectExit(0);

        assertThat(run.out()).isEqualTo(Files.readString(POSTGRES_24)
                .replace("\"snapshot.mode\": \"never\"", "\"snapshot.mode\": \"no_data\""));
        assertThat(run.err()).startsWith("dbzlint: fixed 1 problem in 1 file\n").contains("0 errors");
    }

    @Test
    void should_refuse_a_version_pair_that_goes_back_or_does_not_exist() {
        Cli back = Cli.run("upgrade", "--from", "3.6", "--to", "2.4", "examples/upgrade").expectExit(2);
        Cli unknown = Cli.run("upgrade", "--from", "9.x", "examples/upgrade").expectExit(2);

        assertThat(back.err()).contains("--from 3.6 is not before --to 2.4");
        assertThat(unknown.err()).contains("--from: not a Debezium version");
    }

    @Test
    void should_write_each_format_to_its_file_and_only_one_to_standard_output(@TempDir Path dir) throws IOException {
        Cli run = Cli.runIn(Path.of("").toAbsolutePath(), "upgrade", "--from", "1.9", "-f", "text",
                "-f", "json=" + dir.resolve("upgrade.json"), "examples/upgrade/inventory-mysql-1.9.json");

        assertThat(run.out()).contains("database.server.name").doesNotContain("\"findings\"");
        assertThat(Files.readString(dir.resolve("upgrade.json"))).startsWith("{").contains("\"findings\"")
                .contains("database.server.name");

        Cli two = Cli.run("upgrade", "--from", "1.9", "-f", "text", "-f", "json", "examples/upgrade").expectExit(2);
        assertThat(two.err()).contains("only one --format can go to standard output");
    }
}
