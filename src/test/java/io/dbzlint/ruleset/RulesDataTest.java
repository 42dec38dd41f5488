package io.dbzlint.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.json.JsonTree;
import io.dbzlint.model.InputId;
import io.dbzlint.rule.checks.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The bundled rules a lint reads are compiled at build time (src/build/BundledData.java) from
 * rules/rules.json into the same JSON tree, which the one reader of rules files then reads.
 */
class RulesDataTest {

    @Test
    void should_build_exactly_the_tree_of_rules_json() throws Exception {
        Path file = Path.of("rules/rules.json");
        JsonTree.Parsed fromJson = JsonTree.parse(InputId.named(file.toString()), Files.readString(file));

        // numbers by value: the parser of user files reads integers as BigIntegerNode, the generator writes IntNode
        Comparator<JsonNode> sameValue = (a, b) -> a.equals(b) || a.isNumber() && b.isNumber()
                && a.bigIntegerValue().equals(b.bigIntegerValue()) ? 0 : 1;
        assertThat(RulesData.tree().equals(sameValue, fromJson.root())).as("the same tree").isTrue();
        assertThat(List.copyOf(RulesData.tree().get("rules").propertyNames()))
                .as("in order").containsExactlyElementsOf(fromJson.root().get("rules").propertyNames());
    }

    @Test
    void should_read_every_rule_of_the_bundled_tree() {
        List<String> problems = new ArrayList<>();
        RuleOverrides layer = RuleOverrides.parse("rules/rules.json", new JsonTree.Parsed(RulesData.tree(),
                Map.of()), problems);

        assertThat(problems).isEmpty();
        assertThat(layer.rules()).hasSize(RuleRegistry.all().size());
        assertThat(layer.parameters().serverIdMin()).isEqualTo(184000L);
    }
}
