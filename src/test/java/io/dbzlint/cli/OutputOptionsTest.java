package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format with files, --fail-on, --quiet and --max-warnings. */
class OutputOptionsTest {

    @TempDir
    Path dir;

    @Test
    void should_print_text_and_write_other_formats_to_files_in_one_run() throws IOException {
        Path sarif = dir.resolve("reports/dbzlint.sarif");
        Path junit = dir.resolve("junit.xml");

        Cli run = Cli.run("lint", "--color", "never", "-f", "text", "-f", "sarif=" + sarif, "--format=junit=" + junit,
                "examples/mistakes/server-id-range").expectExit(1);

        assertThat(run.out()).contains("error server-id-range");
        assertThat(Files.readString(sarif)).contains("\"ruleId\": \"server-id-range\"");
        assertThat(Files.readString(junit)).contains("<failure type=\"error\"");
    }

    @Test
    void should_refuse_two_formats_on_standard_output() {
        Cli run = Cli.run("lint", "-f", "text", "-f", "json", "examples/capstone").expectExit(2);

        assertThat(run.err()).contains("only one --format can go to standard output");
    }

    @Test
    void should_exit_2_when_an_output_file_cannot_be_written() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        Cli run = Cli.run("lint", "-f", "json=" + blocker.resolve("out.json"), "examples/capstone").expectExit(2);

        assertThat(run.err()).startsWith("dbzlint: cannot write " + blocker.resolve("out.json"));
    }

    @Test
    void should_name_the_formats_for_an_unknown_one() {
        Cli run = Cli.run("lint", "-f", "yaml", "examples/capstone").expectExit(2);

        assertThat(run.err()).contains("expected one of text, json, sarif, github, junit");
    }

    @Test
    void should_fail_on_warnings_or_never_as_asked() {
        Cli.run("lint", "--fail-on", "warning", "examples/mistakes/server-name-pattern").expectExit(1);
        Cli.run("lint", "--fail-on", "never", "examples/mistakes/server-id-range").expectExit(0);
        Cli.run("lint", "--fail-on", "error", "examples/mistakes/server-name-pattern").expectExit(0);
    }

    @Test
    void should_fail_with_more_warnings_than_allowed() {
        Cli tooMany = Cli.run("lint", "--max-warnings", "1", "examples/mistakes/server-name-pattern").expectExit(1);
        Cli.run("lint", "--max-warnings", "2", "examples/mistakes/server-name-pattern").expectExit(0);

        assertThat(tooMany.err()).isEqualTo("dbzlint: 2 warnings, more than --max-warnings 1\n");
    }

    @Test
    void should_report_errors_only_when_quiet() {
        Cli run = Cli.run("lint", "--quiet", "examples/mistakes/server-name-pattern").expectExit(0);

        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files); 2 suppressed\n");
    }
}
