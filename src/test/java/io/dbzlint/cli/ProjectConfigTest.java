package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .dbzlint.json / .dbzlint.yaml: discovery, rules, parameters, include/exclude, ignores, errors. */
class ProjectConfigTest {

    @TempDir
    Path repo;

    private Path connectors;

    /** A repository with one error (server-id-range) and one warning (server-name-pattern). */
    @BeforeEach
    void writeRepository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        connectors = repo.resolve("connectors");
        Files.createDirectories(connectors.resolve("server-id-range"));
        Files.createDirectories(connectors.resolve("server-name-pattern"));
        Files.copy(Path.of("examples/mistakes/server-id-range/inventory-mysql.json"),
                connectors.resolve("server-id-range/inventory-mysql.json"));
        Files.writeString(connectors.resolve("server-name-pattern/orders-postgres.json"),
                Files.readString(Path.of("examples/mistakes/server-name-pattern/orders-postgres.json"))
                        .replace("\"mysql_prod\"", "\"orders\""));
    }

    private void config(String name, String text) throws IOException {
        Files.writeString(repo.resolve(name), text);
    }

    private Cli lint(Path cwd, String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "lint";
        System.arraycopy(extra, 0, args, 1, extra.length);
        args[args.length - 1] = connectors.toString();
        return Cli.runIn(cwd, args);
    }

    @Test
    void should_find_the_config_in_a_parent_directory_and_apply_its_severities() throws IOException {
        config(".dbzlint.json", """
                {"rules": {"server-id-range": "warning", "server-name-pattern": {"severity": "off"}}}
                """);
        Path subdirectory = Files.createDirectories(repo.resolve("connectors/server-id-range"));

        Cli run = lint(subdirectory).expectExit(0);

        assertThat(run.out()).contains("warning server-id-range").doesNotContain("server-name-pattern");
    }

    @Test
    void should_not_look_above_the_repository_root() throws IOException {
        Path outer = repo.resolve("outer");
        Files.createDirectories(outer.resolve("inner/.git"));
        Files.writeString(outer.resolve(".dbzlint.json"), "{\"rules\": {\"server-id-range\": \"off\"}}");

        Cli run = lint(outer.resolve("inner")).expectExit(1);

        assertThat(run.out()).contains("error server-id-range");
    }

    @Test
    void should_read_yaml_and_apply_its_parameters() throws IOException {
        config(".dbzlint.yaml", """
                # the range of this team's replicas
                parameters:
                  serverIdRange:
                    min: 5000
                    max: 5999
                rules:
                  server-name-pattern: "off"
                """);

        Cli run = lint(repo).expectExit(0);

        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
    }

    @Test
    void should_lint_only_included_files_and_never_excluded_ones() throws IOException {
        config(".dbzlint.json", """
                {"include": ["connectors/**/*.json"], "exclude": ["connectors/server-id-range/**"]}
                """);

        Cli run = lint(repo).expectExit(0);

        assertThat(run.out()).contains("(1 file)").doesNotContain("server-id-range");
    }

    @Test
    void should_leave_out_ignored_findings_and_count_them() throws IOException {
        config(".dbzlint.json", """
                {"ignore": [
                  {"rules": ["server-id-range"], "files": "connectors/server-id-range/*.json",
                   "connector": "inventory-mysql", "reason": "replica ids predate the house range (OPS-12)"},
                  {"rules": ["server-name-pattern"], "files": "connectors/**", "connector": "someone-else",
                   "reason": "does not match this connector"}
                ]}
                """);

        Cli run = lint(repo).expectExit(0);

        assertThat(run.out()).doesNotContain("server-id-range").contains("warning server-name-pattern")
                .endsWith("0 errors, 1 warning in 2 connectors (2 files); 1 suppressed\n");
    }

    @Test
    void should_exit_2_with_position_for_an_ignore_without_a_reason() throws IOException {
        config(".dbzlint.json", """
                {
                  "ignore": [
                    {"rules": ["server-id-range"], "files": "**"}
                  ]
                }
                """);

        Cli run = lint(repo).expectExit(2);

        assertThat(run.err()).startsWith("dbzlint: .dbzlint.json:3:5: /ignore/0 ")
                .contains("reason");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void should_exit_2_for_a_config_that_is_not_json_or_names_an_unknown_rule() throws IOException {
        config(".dbzlint.json", "{\"rules\": {\"server-id-rnage\": \"off\"}}");
        Cli unknown = lint(repo).expectExit(2);

        config(".dbzlint.json", "{\"rules\": {\n  \"server-id-range\": \"off\",\n  \"server-id-range\": \"error\"\n}}");
        Cli duplicate = lint(repo).expectExit(2);

        assertThat(unknown.err()).contains("unknown rule \"server-id-rnage\"");
        assertThat(duplicate.err()).contains(".dbzlint.json:3:3: key \"server-id-range\" appears twice");
    }

    @Test
    void should_report_a_broken_config_in_one_line_from_every_command_that_reads_it() throws IOException {
        config(".dbzlint.json", "{\"rules\": {\"server-id-rnage\": \"off\"}}");
        String[][] commands = {
                {"deployments", connectors.toString()},
                {"upgrade", "--from", "1.9", connectors.toString()},
                {"preflight", connectors.toString()},
                {"drift", "--connect-url", "http://127.0.0.1:1", connectors.toString()},
                {"policy", "--strimzi"}};

        for (String[] command : commands) {
            Cli run = Cli.runIn(repo, command).expectExit(2);

            assertThat(run.err()).as(command[0]).isEqualTo("dbzlint: .dbzlint.json:1:31: unknown rule \"server-id-rnage\";"
                    + " did you mean server-id-range? 'dbzlint rules' lists them all\n");
        }
    }

    @Test
    void should_blame_the_layer_that_set_a_bad_parameter_not_the_last_one() throws IOException {
        config(".dbzlint.yaml", """
                parameters:
                  serverIdRange:
                    min: 185000
                    max: 184000
                """);

        Cli run = lint(repo, "--debezium-version", "3.4").expectExit(2);

        assertThat(run.err()).contains(".dbzlint.yaml: parameters.serverIdRange: min 185000 is greater than max 184000")
                .doesNotContain("--debezium-version:");
    }

    @Test
    void should_compare_connectors_only_within_the_deployments_the_config_declares() throws IOException {
        String body = """
                {"name": "%s", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "pg-%s.internal.example", "database.user": "debezium",
                  "database.dbname": "orders", "topic.prefix": "postgres_prod", "plugin.name": "pgoutput",
                  "slot.name": "debezium_orders"
                }}
                """;
        Files.createDirectories(repo.resolve("team-a"));
        Files.createDirectories(repo.resolve("team-b"));
        Files.writeString(repo.resolve("team-a/orders.json"), body.formatted("orders-a", "a"));
        Files.writeString(repo.resolve("team-b/orders.json"), body.formatted("orders-b", "b"));
        config(".dbzlint.yaml", """
                deployments:
                  - name: cluster-a
                    files: ["team-a/**"]
                  - name: cluster-b
                    files: ["team-b/**"]
                """);
        Cli apart = Cli.runIn(repo, "lint", "--color", "never", "team-a", "team-b");
        Cli shown = Cli.runIn(repo, "deployments", "team-a", "team-b").expectExit(0);

        config(".dbzlint.yaml", """
                deployments:
                  - name: cluster-a
                    files: ["team-a/**"]
                    kafka: kafka-1:9092,kafka-2:9092
                  - name: cluster-b
                    files: ["team-b/**"]
                    kafka: KAFKA-1:9092,kafka-2:9092
                """);
        Cli oneKafka = Cli.runIn(repo, "lint", "--color", "never", "team-a", "team-b").expectExit(1);

        assertThat(apart.out()).doesNotContain("server-name-unique");
        assertThat(shown.out()).startsWith("cluster-a: declared in .dbzlint.yaml (deployments)\n");
        assertThat(oneKafka.out()).contains("team-a/orders.json:4:48: error server-name-unique")
                .contains("team-b/orders.json:4:48: error server-name-unique");
    }

    @Test
    void should_exit_2_with_position_for_a_glob_that_does_not_compile() throws IOException {
        config(".dbzlint.json", "{\n  \"exclude\": [\"connectors/[abc\"]\n}\n");

        Cli run = lint(repo).expectExit(2);

        assertThat(run.err()).startsWith("dbzlint: .dbzlint.json:2:15: /exclude/0 is not a valid glob")
                .doesNotContain("internal error");
    }

    @Test
    void should_report_yaml_syntax_errors_with_their_position() throws IOException {
        config(".dbzlint.yaml", "rules:\n  server-id-range: [off\n");

        Cli run = lint(repo).expectExit(2);

        assertThat(run.err()).startsWith("dbzlint: .dbzlint.yaml:").contains("invalid YAML");
    }

    @Test
    void should_refuse_two_configs_in_one_folder() throws IOException {
        config(".dbzlint.json", "{}");
        config(".dbzlint.yaml", "rules: {}\n");

        Cli run = lint(repo).expectExit(2);

        assertThat(run.err()).contains("both .dbzlint.json and .dbzlint.yaml exist; keep one");
    }

    @Test
    void should_use_an_explicit_config_and_ignore_any_with_no_config() throws IOException {
        config(".dbzlint.json", "{\"rules\": {\"server-id-range\": \"off\"}}");
        Path other = repo.resolve("strict.json");
        Files.writeString(other, "{\"rules\": {\"server-name-pattern\": \"error\"}}");

        Cli explicit = lint(repo, "--config", other.toString()).expectExit(1);
        Cli none = lint(repo, "--no-config").expectExit(1);

        assertThat(explicit.out()).contains("error server-name-pattern").contains("error server-id-range");
        assertThat(none.out()).contains("error server-id-range").contains("warning server-name-pattern");
    }

    @Test
    void should_never_lint_the_config_file_itself() throws IOException {
        config(".dbzlint.json", "{}");

        Cli run = Cli.runIn(repo, "lint", repo.toString()).expectExit(1);

        assertThat(run.out()).doesNotContain(".dbzlint.json").contains("(2 files)");
    }

    @Test
    void should_keep_only_what_debezium_requires_under_the_debezium_preset() throws IOException {
        config(".dbzlint.yaml", "preset: debezium\n");
        Files.writeString(connectors.resolve("server-id-range/unset.json"), Files.readString(
                connectors.resolve("server-id-range/inventory-mysql.json")).replaceAll("\"database.server.id\": \"\\d+\",", "")
                .replace("inventory-mysql", "unset-mysql").replace("mysql_prod", "mysql_unset"));
        assertThat(Files.readString(connectors.resolve("server-id-range/unset.json"))).doesNotContain("server.id");

        Cli run = lint(repo).expectExit(0);

        // the house range, the naming scheme and a missing server id are the house's, not Debezium's
        assertThat(run.out()).doesNotContain("server-id-range", "server-name-pattern")
                .contains("0 errors, 0 warnings");
    }

    @Test
    void should_let_a_project_take_back_a_rule_over_its_preset_and_refuse_an_unknown_preset() throws IOException {
        config(".dbzlint.yaml", """
                preset: debezium
                rules:
                  server-name-pattern: warning
                parameters:
                  serverIdRange: {min: 184000, max: 184999}
                """);

        Cli run = lint(repo).expectExit(1);
        assertThat(run.out()).contains("warning server-name-pattern", "error server-id-range");

        config(".dbzlint.yaml", "preset: strict\n");
        Cli unknown = lint(repo).expectExit(2);
        assertThat(unknown.err().lines()).singleElement().asString().contains(".dbzlint.yaml").contains("preset");
    }
}
