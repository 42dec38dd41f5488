package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --select, --extend-select and --ignore, composed as ruff composes them: over the bundled rules,
 * the project config and a rules file, the command line last; --ignore wins.
 */
class RuleSelectionTest {

    @TempDir
    Path repo;

    /** A repository with one error (server-id-range) and one warning (server-name-pattern). */
    @BeforeEach
    void writeRepository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Files.copy(Path.of("examples/mistakes/server-id-range/inventory-mysql.json"), repo.resolve("inventory-mysql.json"));
        Files.writeString(repo.resolve("orders-postgres.json"),
                Files.readString(Path.of("examples/mistakes/server-name-pattern/orders-postgres.json"))
                        .replace("\"mysql_prod\"", "\"orders\""));
    }

    private Cli lint(String... options) {
        List<String> args = new ArrayList<>(List.of("lint", "--color", "never"));
        args.addAll(List.of(options));
        args.add(".");
        return Cli.runIn(repo, args.toArray(String[]::new));
    }

    private static List<String> rules(Cli run) {
        return run.out().lines().filter(line -> line.matches("\\S+:\\d+:\\d+: .*")).map(line -> line.split(" ")[2])
                .toList();
    }

    @Test
    void should_report_both_rules_without_a_selection() {
        assertThat(rules(lint().expectExit(1))).containsExactly("server-id-range", "server-name-pattern");
    }

    @Test
    void should_run_only_the_selected_rules() {
        Cli run = lint("--select", "server-name-pattern").expectExit(0);

        assertThat(rules(run)).containsExactly("server-name-pattern");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_switch_off_ignored_rules() {
        assertThat(rules(lint("--ignore", "server-id-range").expectExit(0))).containsExactly("server-name-pattern");
    }

    @Test
    void should_take_comma_separated_and_repeated_ids_and_let_ignore_win() {
        Cli run = lint("--select", "server-id-range,config-schema", "--extend-select", "server-name-pattern",
                "--ignore", "server-id-range").expectExit(0);

        assertThat(rules(run)).containsExactly("server-name-pattern");
    }

    @Test
    void should_select_a_rule_the_project_config_switches_off() throws IOException {
        Files.writeString(repo.resolve(".dbzlint.yaml"), "rules:\n  server-name-pattern: off\n");

        assertThat(rules(lint().expectExit(1))).containsExactly("server-id-range");
        assertThat(rules(lint("--select", "server-name-pattern").expectExit(0))).containsExactly("server-name-pattern");
    }

    @Test
    void should_extend_the_selection_at_the_severity_the_layers_last_gave_the_rule() throws IOException {
        // the project config raises it to an error, then a rules file switches it off
        Files.writeString(repo.resolve(".dbzlint.yaml"), "rules:\n  server-name-pattern: error\n");
        Files.writeString(repo.resolve("house-rules.json"), "{\"rules\": {\"server-name-pattern\": \"off\"}}");

        Cli off = lint("--rules", "house-rules.json").expectExit(1);
        Cli extended = lint("--rules", "house-rules.json", "--extend-select", "server-name-pattern").expectExit(1);

        assertThat(rules(off)).containsExactly("server-id-range");
        assertThat(rules(extended)).containsExactly("server-id-range", "server-name-pattern");
        assertThat(extended.out()).contains(": error server-name-pattern ").contains("2 errors, 0 warnings in 2 connectors");
    }

    @Test
    void should_refuse_an_unknown_rule_id_in_one_line_naming_the_nearest() {
        Cli run = lint("--ignore", "server-id-rang").expectExit(2);

        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("dbzlint: --ignore: unknown rule \"server-id-rang\"; did you mean"
                + " server-id-range? 'dbzlint rules' lists them all\n");
    }

    @Test
    void should_list_the_options_in_help() {
        Cli help = Cli.run("lint", "--help").expectExit(0);

        assertThat(help.out()).contains("--select=RULE[,RULE...]", "--extend-select=RULE[,RULE...]",
                "--ignore=RULE[,RULE...]", "--statistics");
    }
}
