package io.dbzlint.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.json.JsonTree;
import io.dbzlint.model.InputId;
import io.dbzlint.rule.checks.RuleRegistry;
import io.dbzlint.ruleset.RuleOverrides;
import io.dbzlint.ruleset.RulesData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled rules a lint reads are compiled at build time (src/build/BundledData.java) from
 * rules/rules.json; read from the JSON as any rules file is, they must come out the same.
 */
class RulesDataTest {

    @Test
    void should_hold_every_rule_and_parameter_of_rules_json_as_a_rules_file_reads_them() throws Exception {
        Path file = Path.of("rules/rules.json");
        List<String> problems = new ArrayList<>();
        RuleOverrides fromJson = RuleOverrides.parse("rules/rules.json",
                JsonTree.parse(InputId.named(file.toString()), Files.readString(file)), problems);

        RuleOverrides compiled = RulesData.layer("rules/rules.json");

        assertThat(problems).isEmpty();
        assertThat(List.copyOf(compiled.rules().keySet())).containsExactlyElementsOf(fromJson.rules().keySet());
        assertThat(compiled.rules()).isEqualTo(fromJson.rules());
        assertThat(compiled.parameters()).isEqualTo(fromJson.parameters());
        assertThat(compiled.rules()).hasSize(RuleRegistry.all().size());
    }
}
