package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dbzlint.Cli;
import io.dbzlint.TestFiles;
import io.dbzlint.report.SafePrintWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI runner reads workflow commands from every line of a job's log, stdout and stderr alike.
 * Input text that dbzlint prints (file names, values, a project config's text) must never make
 * one: each output here is read with the runners' own grammar, and the only commands in it are
 * the GitHub format's annotations, on real files.
 */
class CiLogInjectionTest {

    private static final String[] FORMATS = {"text", "json", "sarif", "github", "junit"};

    @TempDir
    Path dir;

    /** A workflow command as a runner reads it from one line. */
    record Command(String runner, String name, String file) {
    }

    /**
     * The commands in a log, as GitHub's runner reads them (a line that starts with :: after
     * spaces, or ##[ anywhere in a line) and as Azure Pipelines does (##vso[ anywhere, any case).
     */
    static List<Command> commands(String log) {
        List<Command> found = new ArrayList<>();
        for (String raw : log.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            String trimmed = line.stripLeading();
            int end = trimmed.startsWith("::") ? trimmed.indexOf("::", 2) : -1;
            if (end > 2) {
                String header = trimmed.substring(2, end);
                int space = header.indexOf(' ');
                String name = space < 0 ? header : header.substring(0, space);
                String file = null;
                if (space >= 0) {
                    for (String property : header.substring(space + 1).split(",")) {
                        if (property.startsWith("file=")) {
                            file = URLDecoder.decode(property.substring(5).replace("+", "%2B"), StandardCharsets.UTF_8);
                        }
                    }
                }
                found.add(new Command("github", name, file));
            } else if (line.contains("##[")) {
                String rest = line.substring(line.indexOf("##[") + 3);
                int close = rest.indexOf(']');
                if (close > 0) {
                    found.add(new Command("github-v1", rest.substring(0, close).split(" ")[0], null));
                }
            }
            if (line.toLowerCase(Locale.ROOT).contains("##vso[")) {
                found.add(new Command("azure", "vso", null));
            }
        }
        return found;
    }

    private Cli lint(String... args) {
        return Cli.runIn(dir, Stream.concat(Stream.of("lint", "--color", "never"), Stream.of(args))
                .toArray(String[]::new));
    }

    /** Only the GitHub format's own annotations, each on a file that is there. */
    private void assertOnlyRealAnnotations(String format, Cli run) {
        List<Command> commands = commands(run.out() + "\n" + run.err());
        if (!format.equals("github")) {
            assertThat(commands).as("%s output:%n%s%n%s", format, run.out(), run.err()).isEmpty();
            return;
        }
        assertThat(commands).as("github output:%n%s", run.out()).isNotEmpty().allSatisfy(command -> {
            assertThat(command.runner()).isEqualTo("github");
            assertThat(command.name()).isIn("error", "warning", "notice");
            // a [ made inert in a file name is the one character an annotation's file loses
            assertThat(dir.resolve(command.file().replace("\\u005b", "["))).exists();
        });
    }

    private static String mysql(String name, String prefix) {
        return """
                {"name": "%s", "config": {
                  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.hostname": "mysql", "database.user": "debezium", "database.server.id": "5400",
                  "database.password": "hunter2",
                  "topic.prefix": "%s",
                  "schema.history.internal.kafka.bootstrap.servers": "kafka:9092",
                  "schema.history.internal.kafka.topic": "schemahistory.mysql_prod"}}
                """.formatted(name, prefix);
    }

    @Test
    void should_not_let_a_file_name_a_connector_name_or_a_value_forge_a_command_in_any_format() throws IOException {
        try {
            TestFiles.write(dir, "::error file=forged.json::x.json", mysql("a", "mysql_prod"));
            TestFiles.write(dir, "  ::warning::indented.json", mysql("b", "mysql_dev"));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            assumeThat(false).as("this file system refuses such names").isTrue();
        }
        TestFiles.write(dir, "names.json", mysql("##[error]forged ##vso[task.setvariable variable=x]y",
                "::stop-commands::tok"));

        for (String format : FORMATS) {
            Cli run = lint("--format", format, ".");
            assertThat(run.out()).as(format).isNotEmpty();
            assertOnlyRealAnnotations(format, run);
        }
    }

    @Test
    void should_not_let_a_link_name_stop_the_commands_that_follow() throws IOException {
        Path real = TestFiles.write(dir, "real.json", mysql("a", "mysql_prod"));
        try {
            Files.createSymbolicLink(dir.resolve("##[stop-commands]tok.json"), real.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
            assumeThat(false).as("this file system makes no links").isTrue();
        }

        for (String format : FORMATS) {
            assertOnlyRealAnnotations(format, lint("--format", format, "--no-config", "."));
        }
    }

    @Test
    void should_keep_a_project_configs_text_inert_on_stderr() throws IOException {
        TestFiles.write(dir, "c.json", mysql("a", "mysql_prod"));
        TestFiles.write(dir, ".dbzlint.json", "{\"rules\": {\"x\n::error file=a::b\u001b[2J\u0007\": \"off\"},"
                + " \"##[error]y\": 1}\n");

        Cli run = lint(".");
        assertThat(run.err()).isNotEmpty().doesNotContain("\u001b", "\u0007");
        assertThat(commands(run.out() + "\n" + run.err())).as(run.err()).isEmpty();
    }

    @Test
    void should_keep_the_diff_of_a_hostile_config_inert() throws IOException {
        TestFiles.write(dir, "c.properties", """
                name=##[error]forged
                connector.class=io.debezium.connector.mysql.MySqlConnector
                ::error file=x::y=1
                database.server.name=mysql_prod
                """);

        Cli run = lint("--no-config", "--debezium-version", "3.6", "--diff", ".");
        assertThat(run.out()).contains("+topic.prefix=mysql_prod");
        assertThat(commands(run.out() + "\n" + run.err())).as(run.out()).isEmpty();
    }

    @Test
    void should_keep_colours_tabs_and_crlf_and_write_its_own_commands_as_they_are() {
        StringWriter target = new StringWriter();
        PrintWriter out = SafePrintWriter.wrap(new PrintWriter(target), false);
        out.print("\u001b[31merror\u001b[0m\tx\r\n");
        out.print("::error::forged\n");
        out.print("a\u0007b ##[group]c ##VSO[x]d\n");
        SafePrintWriter.command(out, "::error file=a.json,line=1::real");
        out.flush();

        assertThat(target.toString()).isEqualTo("\u001b[31merror\u001b[0m\tx\r\n"
                + "\\u003a:error::forged\n"
                + "a\\u0007b ##\\u005bgroup]c ##VSO\\u005bx]d\n"
                + "::error file=a.json,line=1::real\n");
        assertThat(commands(target.toString())).containsExactly(new Command("github", "error", "a.json"));
    }
}
