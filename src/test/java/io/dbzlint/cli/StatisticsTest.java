package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** lint --statistics: counts per rule instead of the findings, as ruff's. */
class StatisticsTest {

    private static final String[] FOLDERS = {"examples/mistakes/deprecated-property",
            "examples/mistakes/server-name-pattern", "examples/mistakes/tasks-max-single"};

    private static Cli lint(String... options) {
        String[] args = new String[options.length + FOLDERS.length + 1];
        args[0] = "lint";
        System.arraycopy(options, 0, args, 1, options.length);
        System.arraycopy(FOLDERS, 0, args, 1 + options.length, FOLDERS.length);
        return Cli.run(args);
    }

    @Test
    void should_count_findings_per_rule_most_frequent_first_then_by_id() {
        Cli run = lint("--color", "never", "--statistics").expectExit(1);

        assertThat(run.out()).isEqualTo("""
                4  deprecated-property  error    [*]
                2  server-id-unique     error
                2  server-name-pattern  warning
                1  tasks-max-single     info

                6 errors, 2 warnings, 1 info in 4 connectors (4 files); 1 file skipped: no connector config; \
                4 fixable with --fix (--diff to see how)
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_agree_with_the_findings_it_counts() {
        JsonNode findings = JsonMapper.builder().build().readTree(lint("-f", "json").out()).get("findings");
        long deprecated = 0;
        for (JsonNode finding : findings) {
            deprecated += finding.get("rule").asString().equals("deprecated-property") ? 1 : 0;
        }

        assertThat(deprecated).isEqualTo(4);
        assertThat(findings.size()).isEqualTo(4 + 2 + 2 + 1);
    }

    @Test
    void should_write_statistics_as_json_with_the_summary() {
        Cli run = lint("--statistics", "-f", "json").expectExit(1);

        JsonNode json = JsonMapper.builder().build().readTree(run.out());

        JsonNode first = json.get("statistics").get(0);
        assertThat(first.get("rule").asString()).isEqualTo("deprecated-property");
        assertThat(first.get("count").asInt()).isEqualTo(4);
        assertThat(first.get("severity").asString()).isEqualTo("error");
        assertThat(first.get("fixable").asBoolean()).isTrue();
        assertThat(json.get("statistics").get(3).get("severity").asString()).isEqualTo("info");
        assertThat(json.get("statistics").get(3).get("fixable").asBoolean()).isFalse();
        assertThat(json.get("statistics").size()).isEqualTo(4);
        assertThat(json.get("summary").get("errors").asInt()).isEqualTo(6);
        assertThat(json.has("findings")).isFalse();
    }

    @Test
    void should_print_only_the_summary_for_a_clean_run() {
        assertThat(Cli.run("lint", "--statistics", "examples/capstone").expectExit(0).out())
                .isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
    }

    @Test
    void should_refuse_formats_without_a_statistics_form_and_fixing() {
        Cli sarif = Cli.run("lint", "--statistics", "-f", "sarif", "examples/capstone").expectExit(2);
        Cli fix = Cli.run("lint", "--statistics", "--diff", "examples/capstone").expectExit(2);

        assertThat(sarif.err()).startsWith("dbzlint: --statistics writes text or json, not sarif\n");
        assertThat(fix.err()).startsWith("dbzlint: --statistics counts findings; run --fix or --diff without it\n");
        assertThat(sarif.out() + fix.out()).isEmpty();
    }
}
