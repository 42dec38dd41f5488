package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import org.junit.jupiter.api.Test;

class GenerateCompletionCommandTest {

    @Test
    void should_generate_shell_completion() {
        Cli run = Cli.run("generate-completion").expectExit(0);

        assertThat(run.out()).contains("complete -F").contains("lint").contains("--fail-on");
    }
}
