package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbzlint policy --strimzi}: the policy carries the project's own parameters (its server id
 * range, the Debezium release it names) and refuses what the command line gets wrong in one line.
 */
class PolicyCommandTest {

    @TempDir
    Path project;

    @Test
    void should_write_the_project_range_and_the_values_of_the_release_it_names() throws IOException {
        Files.writeString(project.resolve(".dbzlint.yaml"), """
                parameters:
                  serverIdRange:
                    min: 5000
                    max: 5999
                  debeziumVersion: "2.1"
                """);

        Cli run = Cli.runIn(project, "policy", "--strimzi").expectExit(0);

        assertThat(run.out()).contains("with the values Debezium 2.1 accepts")
                .contains("int(variables.serverId) >= 5000 && int(variables.serverId) <= 5999")
                .contains("'snapshot.mode': ['always', 'custom', 'initial', 'initial_only', 'never'")
                .doesNotContain("184000");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_take_the_release_from_the_command_line_over_the_project() throws IOException {
        Files.writeString(project.resolve(".dbzlint.yaml"), "parameters:\n  debeziumVersion: \"2.1\"\n");

        Cli run = Cli.runIn(project, "policy", "--strimzi", "--debezium-version", "3.6.1.Final").expectExit(0);

        assertThat(run.out()).contains("with the values Debezium 3.6 accepts").contains("'no_data'");
    }

    @Test
    void should_refuse_a_missing_kind_a_bad_version_and_a_broken_project_config_in_one_line() throws IOException {
        assertThat(Cli.runIn(project, "policy").expectExit(2).err()).contains("name the policy to write: --strimzi");
        assertThat(Cli.runIn(project, "policy", "--strimzi", "--debezium-version", "three").expectExit(2).err())
                .startsWith("dbzlint: --debezium-version: not a Debezium version: three");

        Files.writeString(project.resolve(".dbzlint.yaml"), "parameters:\n  serverIdRange: {min: 9, max: 1}\n");
        Cli broken = Cli.runIn(project, "policy", "--strimzi").expectExit(2);
        assertThat(broken.err().lines()).singleElement().asString()
                .contains(".dbzlint.yaml: parameters.serverIdRange: min 9 is greater than max 1");
        assertThat(broken.out()).isEmpty();
    }
}
