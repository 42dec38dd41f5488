package io.dbzlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The output the README and docs/usage.md show is the output dbzlint prints today. */
class ReadmeSamplesTest {

    private static String readme;
    private static String usage;

    @BeforeAll
    static void readReadme() throws IOException {
        readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        usage = Files.readString(Path.of("docs/usage.md"), StandardCharsets.UTF_8);
    }

    @Test
    void should_show_the_quick_start_output() {
        assertThat(readme).contains(Cli.run("lint", "examples/capstone").out())
                .contains(Cli.run("lint", "--color", "never", "examples/mistakes/server-id-unique").out());
    }

    @Test
    void should_show_the_text_and_github_samples() {
        String text = Cli.run("lint", "--color", "never", "examples/mistakes/config-schema").out();
        String github = Cli.run("lint", "--format", "github", "examples/mistakes/server-id-range").out();

        assertThat(usage).contains(text.lines().findFirst().orElseThrow()).contains(github);
    }

    @Test
    void should_show_the_statistics_sample() {
        String statistics = Cli.run("lint", "--color", "never", "--statistics", "examples/mistakes/deprecated-property",
                "examples/mistakes/unknown-property").expectExit(1).out();

        assertThat(usage).contains("```text\n" + statistics + "```");
    }

    @Test
    void should_name_the_test_command_that_ci_runs() throws IOException {
        assertThat(readme).contains("mvn -B verify");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("test_command=\"mvn -B verify\"");
    }
}
