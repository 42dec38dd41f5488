package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dbzlint.Cli;
import io.dbzlint.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LintCommandTest {

    private static final String CLEAN_MYSQL = """
            {
              "name": "inventory-mysql",
              "config": {
                "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                "database.hostname": "mysql",
                "database.user": "debezium",
                "database.server.id": "184054",
                "topic.prefix": "mysql_prod",
                "schema.history.internal.kafka.bootstrap.servers": "kafka:9092",
                "schema.history.internal.kafka.topic": "schemahistory.mysql_prod"
              }
            }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private static void assertNoStackTrace(Cli run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void should_exit_0_with_a_summary_for_clean_configs() {
        Cli run = Cli.run("lint", "examples/capstone").expectExit(0);

        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_exit_1_and_report_file_line_and_column_for_an_error() {
        Cli run = Cli.run("lint", "examples/mistakes/server-id-range").expectExit(1);

        assertThat(run.out()).startsWith(
                "examples/mistakes/server-id-range/inventory-mysql.json:10:27: error server-id-range ");
        assertThat(run.out()).endsWith("1 error, 0 warnings in 1 connector (1 file)\n");
    }

    @Test
    void should_read_a_script_without_an_extension_in_a_walk_and_leave_other_such_files() throws IOException {
        write("post-connectors/register", "#!/usr/bin/env bash\ncurl -X POST -H 'Content-Type: application/json' "
                + "http://localhost:8083/connectors -d '" + CLEAN_MYSQL.replace("184054", "42") + "'\n");
        write("post-connectors/NOTES", CLEAN_MYSQL.replace("184054", "43"));
        write("Makefile", "lint:\n\tdbzlint lint .\n");

        Cli run = Cli.runIn(dir, "lint", "--color", "never", "--no-config", ".").expectExit(1);

        assertThat(run.out()).contains("post-connectors/register:", "error server-id-range")
                .doesNotContain("NOTES").endsWith("in 1 connector (1 file)\n");
    }

    @Test
    void should_list_a_large_collision_group_whole_once_in_the_json_report() throws IOException {
        int members = 30;
        for (int i = 0; i < members; i++) {
            write("c" + (100 + i) + ".json", CLEAN_MYSQL.replace("inventory-mysql", "orders-" + i)
                    .replace("mysql_prod", "mysql_prod_" + i));
        }

        Cli run = Cli.runIn(dir, "lint", "--no-config", "-f", "json", ".").expectExit(1);

        List<JsonNode> findings = new ArrayList<>();
        JsonMapper.builder().build().readTree(run.out()).get("findings").forEach(finding -> {
            if (finding.get("rule").asString().equals("server-id-unique")) {
                findings.add(finding);
            }
        });
        assertThat(findings).hasSize(members);
        assertThat(findings).allSatisfy(finding -> assertThat(finding.get("related").size()).isEqualTo(20));
        List<JsonNode> listing = findings.stream().filter(finding -> finding.has("group")).toList();
        assertThat(listing).as("one finding lists the group").hasSize(1);
        JsonNode group = listing.get(0).get("group");
        assertThat(group.size()).isEqualTo(members);
        assertThat(group.get(0).get("file").asString()).isEqualTo(listing.get(0).get("file").asString());
        java.util.Set<String> files = new java.util.HashSet<>();
        group.forEach(member -> files.add(member.get("file").asString()));
        assertThat(files).hasSize(members);
    }

    @Test
    void should_exit_0_when_there_are_only_warnings() {
        Cli run = Cli.run("lint", "examples/mistakes/server-name-pattern").expectExit(0);

        assertThat(run.out()).contains("warning server-name-pattern").contains("0 errors, 2 warnings");
    }

    @Test
    void should_exit_2_with_one_line_for_a_path_that_does_not_exist_and_still_lint_the_others() {
        Cli run = Cli.run("lint", "examples/capstone", "no/such/dir").expectExit(2);

        assertThat(run.err()).isEqualTo("dbzlint: no/such/dir: no such file or directory\n");
        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
    }

    @Test
    void should_lint_the_working_directory_when_no_path_is_given() throws IOException {
        write("inventory-mysql.json", Files.readString(Path.of("examples/mistakes/server-id-range/inventory-mysql.json")));

        Cli run = Cli.runIn(dir, "lint", "--color", "never").expectExit(1);

        assertThat(run.out()).startsWith("inventory-mysql.json:").contains("error server-id-range")
                .contains("in 1 connector (1 file)");
    }

    @Test
    void should_show_standard_input_as_the_file_it_stands_for_and_apply_the_project_config_to_it()
            throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write(".dbzlint.json", """
                {"ignore": [{"rules": ["server-id-range"], "files": "legacy/**", "reason": "ids predate the range"}]}
                """);
        String config = Files.readString(Path.of("examples/mistakes/server-id-range/inventory-mysql.json"));

        Cli shown = Cli.piped(dir, config, "lint", "--color", "never", "--stdin-filename", "connectors/inventory.json")
                .expectExit(1);
        Cli ignored = Cli.piped(dir, config, "lint", "--stdin-filename", "legacy/inventory.json", "-").expectExit(0);
        Cli withoutDash = Cli.piped(dir, config, "lint", "--stdin-filename", "x.json", "connectors").expectExit(2);

        assertThat(shown.out()).startsWith("connectors/inventory.json:").contains("error server-id-range");
        assertThat(ignored.out()).endsWith("; 1 suppressed\n");
        assertThat(withoutDash.err()).contains("--stdin-filename names what standard input stands for");
    }

    @Test
    void should_exit_2_for_a_directory_without_connector_files() throws IOException {
        write("notes.txt", "not a config");

        Cli run = Cli.run("lint", dir.toString()).expectExit(2);

        assertThat(run.err()).contains(dir.toString()).contains("no connector files in this directory (*.json,");
    }

    @Test
    void should_report_an_unreadable_file_and_still_lint_the_others() throws IOException {
        write("a-good.json", CLEAN_MYSQL);
        write("b-bad.json", CLEAN_MYSQL.replace("184054", "99"));
        Files.createSymbolicLink(dir.resolve("c-broken.json"), dir.resolve("missing-target.json"));

        Cli run = Cli.run("lint", dir.toString()).expectExit(2);

        assertThat(run.out()).contains("b-bad.json:7:27: error server-id-range")
                .contains("in 2 connectors (2 files)");
        assertThat(run.err()).isEqualTo("dbzlint: " + dir.resolve("c-broken.json") + ": cannot read: "
                + "no such file (a broken link?)\n");
        assertNoStackTrace(run);
    }

    @Test
    void should_report_a_file_without_read_permission_by_name() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads every file").isNotEqualTo("root");
        Path locked = write("locked.json", CLEAN_MYSQL);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        Cli run = Cli.run("lint", dir.toString()).expectExit(2);

        assertThat(run.err()).contains("locked.json: cannot read: permission denied");
    }

    @Test
    void should_report_each_kind_of_bad_input_as_a_finding_and_lint_the_rest() throws IOException {
        write("1-invalid.json", "{\"name\": \"x\",, \"connector.class\": \"MySqlConnector\"}");
        write("2-empty.json", "");
        write("3-scalar.json", "42");
        write("4-duplicate.json", "{\"connector.class\": \"X\", \"connector.class\": \"Y\"}");
        Files.write(dir.resolve("5-latin1.json"), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'});
        write("6-good.json", CLEAN_MYSQL);
        write("7-other-tools-template.json", "{\"connectorName\": \"x\", \"bootstrapServers\": \"<INPUT: servers>\n}");

        Cli run = Cli.run("lint", "--color", "never", dir.toString()).expectExit(1);

        String prefix = dir.toString() + "/";
        assertThat(run.out().lines().filter(line -> line.contains(": error ")))
                .containsExactly(
                        prefix + "1-invalid.json:1:14: error parse-error invalid JSON: unexpected character"
                                + " ',': was expecting double-quote to start property name",
                        prefix + "4-duplicate.json:1:26: error duplicate-key key \"connector.class\" is already set"
                                + " at line 1; Kafka Connect silently keeps only this last value: remove one of them",
                        prefix + "5-latin1.json:1:7: error parse-error not valid UTF-8: byte 0xE9 cannot appear here;"
                                + " save the file as UTF-8");
        // the empty file, the number alone and broken JSON that names no connector (another tool's
        // template) hold no connector config: skipped, not errors
        assertThat(run.out()).endsWith("3 errors, 0 warnings in 2 connectors (4 files); 3 files skipped: no connector"
                + " config\n");
        assertThat(run.err()).isEmpty();
        assertNoStackTrace(run);
    }

    @Test
    void should_never_write_control_characters_from_a_config_to_the_terminal() throws IOException {
        write("escape.json", CLEAN_MYSQL.replace("\"mysql_prod\"", "\"mysql\\u001b[2Jprod\"")
                .replace("\"topic.prefix\"", "\"topic.prefix\\u0007\": \"x\", \"topic.prefix\""));

        Cli run = Cli.run("lint", "--color", "never", dir.toString()).expectExit(1);

        assertThat(run.out()).contains("mysql\\u001b[2Jprod", "topic.prefix\\u0007")
                .doesNotContain("\u001b", "\u0007");
    }

    @Test
    void should_read_one_config_from_stdin_as_stdin() {
        Cli run = Cli.runWith(CLEAN_MYSQL.replace("184054", "1"), Map.of(), "lint", "-").expectExit(1);

        assertThat(run.out()).startsWith("<stdin>:7:27: error server-id-range");
    }

    @Test
    void should_lint_directories_recursively_in_sorted_order_each_file_once() throws IOException {
        write("b/deep/z.json", CLEAN_MYSQL.replace("184054", "1").replace("inventory-mysql", "z"));
        write("a.json", CLEAN_MYSQL.replace("184054", "2").replace("mysql_prod", "mysql_dev"));

        Cli run = Cli.run("lint", dir.toString(), dir.resolve("a.json").toString()).expectExit(1);

        assertThat(run.out().lines().filter(line -> line.contains("server-id-range")).map(l -> l.split(":")[0]))
                .containsExactly(dir.resolve("a.json").toString(), dir.resolve("b/deep/z.json").toString());
        assertThat(run.out()).contains("(2 files)");
    }

    @Test
    void should_skip_hidden_folders_and_node_modules_when_walking() throws IOException {
        write("connector.json", CLEAN_MYSQL);
        write(".git/config.json", "not json");
        write("node_modules/pkg/package.json", "{\"name\": \"pkg\"}");

        Cli run = Cli.run("lint", dir.toString()).expectExit(0);

        assertThat(run.out()).contains("(1 file)");
    }

    @Test
    void should_write_the_documented_json_shape() {
        Cli run = Cli.run("lint", "--format", "json", "examples/mistakes/server-id-unique").expectExit(1);

        JsonNode root = JsonMapper.builder().build().readTree(run.out());
        JsonNode first = root.get("findings").get(0);
        assertThat(first.propertyNames()).containsExactly(
                "rule", "severity", "file", "line", "column", "endLine", "endColumn", "connector", "key", "message", "related");
        assertThat(first.get("key").asString()).isEqualTo("database.server.id");
        assertThat(first.get("rule").asString()).isEqualTo("server-id-unique");
        assertThat(first.get("related").get(0).get("file").asString())
                .isEqualTo("examples/mistakes/server-id-unique/inventory-mysql.json");
        assertThat(root.get("summary").get("errors").asInt()).isEqualTo(2);
        assertThat(root.get("summary").get("files").asInt()).isEqualTo(2);
        assertThat(root.get("summary").get("suppressed").asInt()).isZero();
    }

    @Test
    void should_colour_text_only_when_asked_or_on_a_terminal() {
        String always = Cli.run("lint", "--color", "always", "examples/mistakes/server-id-range").out();
        String never = Cli.run("lint", "--color", "never", "examples/mistakes/server-id-range").out();
        String autoNotATerminal = Cli.run("lint", "examples/mistakes/server-id-range").out();
        String noColor = Cli.runWith("", Map.of("NO_COLOR", "1"), "lint", "examples/mistakes/server-id-range").out();

        assertThat(always).contains("\u001B[");
        assertThat(never).doesNotContain("\u001B[");
        assertThat(autoNotATerminal).doesNotContain("\u001B[");
        assertThat(noColor).doesNotContain("\u001B[");
    }

    @Test
    void should_turn_a_rule_off_and_change_parameters_from_a_rules_file() throws IOException {
        Path rules = write("house-rules.json", """
                {
                  "rules": { "server-id-unique": { "severity": "off" } },
                  "parameters": { "serverIdRange": { "min": 184054, "max": 184054 } }
                }
                """);

        Cli run = Cli.run("lint", "--rules", rules.toString(), "examples/mistakes/server-id-unique").expectExit(0);

        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
    }

    @Test
    void should_take_a_bare_severity_in_a_rules_file_as_the_project_config_does() throws IOException {
        Path rules = write("house-rules.json", "{\"rules\": {\"server-id-unique\": \"off\"}}");

        Cli run = Cli.run("lint", "--rules", rules.toString(), "examples/mistakes/server-id-unique").expectExit(0);

        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
    }

    @Test
    void should_refuse_a_severity_no_rule_has_in_a_rules_file() throws IOException {
        Path rules = write("house-rules.json", "{\"rules\": {\"server-id-unique\": \"fatal\"}}");

        Cli run = Cli.run("lint", "--rules", rules.toString(), "examples/mistakes/server-id-unique").expectExit(2);

        assertThat(run.err()).startsWith("dbzlint: " + rules + ":1:32: /rules/server-id-unique ");
    }

    @Test
    void should_downgrade_a_rule_to_a_warning_from_a_rules_file() throws IOException {
        Path rules = write("house-rules.json", "{\"rules\": {\"server-id-range\": {\"severity\": \"warning\"}}}");

        Cli run = Cli.run("lint", "--rules", rules.toString(), "examples/mistakes/server-id-range").expectExit(0);

        assertThat(run.out()).contains("warning server-id-range");
    }

    @Test
    void should_exit_2_with_the_schema_message_and_position_for_an_invalid_rules_file() throws IOException {
        Path rules = write("house-rules.json", """
                {
                  "rules": {
                    "server-id-range": { "severity": "fatal" }
                  }
                }
                """);

        Cli run = Cli.run("lint", "--rules", rules.toString(), "examples/capstone").expectExit(2);

        assertThat(run.err()).startsWith("dbzlint: " + rules + ":3:38: /rules/server-id-range/severity ")
                .contains("error|warning|info|off");
        assertThat(run.out()).isEmpty();
        assertNoStackTrace(run);
    }

    @Test
    void should_exit_2_for_a_rules_file_naming_an_unknown_rule() throws IOException {
        Path rules = write("house-rules.json", "{\"rules\": {\"server-id-rnage\": {\"severity\": \"off\"}}}");

        Cli run = Cli.run("lint", "--rules", rules.toString(), "examples/capstone").expectExit(2);

        assertThat(run.err()).contains("unknown rule \"server-id-rnage\"").contains("server-id-range");
    }

    @Test
    void should_exit_2_for_a_rules_file_that_is_not_json_or_not_there() throws IOException {
        Path broken = write("broken.json", "{\n  \"rules\": [\n");

        Cli invalid = Cli.run("lint", "--rules", broken.toString(), "examples/capstone").expectExit(2);
        Cli missing = Cli.run("lint", "--rules", dir.resolve("none.json").toString(), "examples/capstone")
                .expectExit(2);

        assertThat(invalid.err()).startsWith("dbzlint: " + broken + ":3:1: invalid JSON");
        assertThat(missing.err()).contains("none.json: rules file not found");
        assertNoStackTrace(invalid);
    }

    @Test
    void should_warn_of_one_name_in_two_files_and_fail_one_script_that_posts_both() throws IOException {
        String script = Files.readString(Path.of("examples/mistakes/connector-name-unique/deploy-outbox-connectors.sh"));
        int second = script.indexOf("curl", script.indexOf("curl") + 1);
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("mysql.sh"), script.substring(0, second));
        Files.writeString(files.resolve("postgres.sh"), "#!/bin/sh\n" + script.substring(second));

        Cli apart = Cli.run("lint", "--no-config", files.toString()).expectExit(0);
        Cli together = Cli.run("lint", "--no-config", "examples/mistakes/connector-name-unique").expectExit(1);

        assertThat(apart.out()).contains("warning connector-name-unique", "unless they are alternatives never applied"
                + " to one cluster together").doesNotContain("error connector-name-unique");
        assertThat(together.out()).contains("deploy-outbox-connectors.sh:8:79: error connector-name-unique");
    }

    @Test
    void should_list_options_and_exit_codes_in_help_and_send_for_the_rules() {
        Cli run = Cli.run("lint", "--help").expectExit(0);

        // options and exit codes; the rules are 'dbzlint rules'' to list, as ruff keeps them out of its help
        assertThat(run.out()).contains("--select", "--watch", "Exit codes:", "'dbzlint rules' lists them")
                .contains("0   no error findings", "1   at least one error finding")
                .doesNotContain("server-id-unique", "slot-name-unique");
        assertThat(run.out().lines().count()).as("lines of lint --help").isLessThan(150);
        for (ExitCode code : ExitCode.values()) {
            assertThat(run.out()).contains(code.code() + "   " + code.meaning());
        }
    }

    @Test
    void should_print_the_version() {
        Cli run = Cli.run("--version").expectExit(0);

        assertThat(run.out()).matches("dbzlint \\d+\\.\\d+\\.\\d+.*\\n");
    }

    @Test
    void should_exit_2_for_an_unknown_option_with_a_hint_not_a_stack_trace() {
        Cli run = Cli.run("lint", "--frobnicate", "examples").expectExit(2);

        assertThat(run.err()).isEqualTo(
                "dbzlint: Unknown option: '--frobnicate'\nTry 'dbzlint lint --help' for more information.\n");
    }

    @Test
    void should_exit_2_for_an_unknown_format() {
        Cli run = Cli.run("lint", "--format", "yaml", "examples/capstone").expectExit(2);

        assertThat(run.err()).contains("--format").contains("text, json");
    }

    @Test
    void should_count_the_connectors_holding_templates_or_placeholders() throws IOException {
        Files.writeString(dir.resolve("clean.json"), CLEAN_MYSQL);
        Files.writeString(dir.resolve("templated.json"), CLEAN_MYSQL.replace("inventory-mysql", "billing-mysql")
                .replace("\"mysql\"", "\"${MYSQL_HOST}\"").replace("184054", "184055")
                .replace("mysql_prod", "mysql_billing"));

        Cli text = Cli.runIn(dir, "lint", "--color", "never", "--no-config", ".");
        Cli json = Cli.runIn(dir, "lint", "--no-config", "-f", "json", ".");

        assertThat(text.out()).contains("in 2 connectors (2 files); 1 with templates or placeholders, judged in"
                + " what they write down");
        assertThat(json.out()).contains("\"withPlaceholders\": 1");
    }

    /** One value, one finding: the rule about plugin.name reports a plugin Debezium refuses, invalid-value does not. */
    @Test
    void should_report_a_refused_plugin_once_as_an_error_of_plugin_name() {
        Cli run = Cli.run("lint", "--format", "json", "--debezium-version", "3.6",
                "src/test/resources/fixtures/plugin-name/wal2json-refused").expectExit(1);

        JsonNode findings = JsonMapper.builder().build().readTree(run.out()).get("findings");
        List<JsonNode> atPlugin = new ArrayList<>();
        findings.forEach(finding -> {
            if ("plugin.name".equals(finding.get("key").asString())) {
                atPlugin.add(finding);
            }
        });
        assertThat(atPlugin).hasSize(1);
        assertThat(atPlugin.get(0).get("rule").asString()).isEqualTo("plugin-name");
        assertThat(atPlugin.get(0).get("severity").asString()).isEqualTo("error");
        assertThat(atPlugin.get(0).get("message").asString())
                .startsWith("plugin.name \"wal2json\" is not one of decoderbufs, pgoutput");
    }
}
