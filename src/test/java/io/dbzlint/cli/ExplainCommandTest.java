package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void should_explain_a_rule_and_suggest_the_nearest_for_a_typo() {
        Cli explain = Cli.run("explain", "schema-history-topic-unique").expectExit(0);
        Cli typo = Cli.run("explain", "slot-nmae-unique").expectExit(2);

        assertThat(explain.out()).startsWith("schema-history-topic-unique (error)")
                .contains("Why it matters:", "How to fix:", "Bad:", "Fixed:");
        assertThat(typo.err()).contains("did you mean slot-name-unique?");
    }
}
