package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    @Test
    void should_list_rules_as_text_json_and_markdown() throws IOException {
        Cli text = Cli.run("rules").expectExit(0);
        Cli json = Cli.run("rules", "--format", "json").expectExit(0);
        Cli markdown = Cli.run("rules", "--format", "markdown").expectExit(0);

        assertThat(text.out()).contains("server-name-pattern", "warning");
        assertThat(json.out()).contains("\"id\": \"slot-name-unique\"", "\"bad\":");
        assertThat(markdown.out()).isEqualTo(Files.readString(Path.of("docs/rules.md")));
    }
}
