package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.checks.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    @Test
    void should_give_each_rule_its_category_fixability_and_documentation_url_in_json() {
        JsonNode rules = JsonMapper.builder().build().readTree(Cli.run("rules", "--format", "json").expectExit(0).out());

        assertThat(rules.size()).isEqualTo(RuleRegistry.all().size());
        JsonNode unknownProperty = byId(rules, "unknown-property");
        assertThat(unknownProperty.get("fixable").asBoolean()).isTrue();
        assertThat(unknownProperty.get("category").asString()).isEqualTo("correctness");
        assertThat(unknownProperty.get("name").asString()).isEqualTo("UnknownProperty");
        assertThat(unknownProperty.get("url").asString())
                .isEqualTo(RuleDocs.HOME + "/blob/main/docs/rules.md#unknown-property");
        JsonNode serverIdUnique = byId(rules, "server-id-unique");
        assertThat(serverIdUnique.get("fixable").asBoolean()).isFalse();
        assertThat(serverIdUnique.get("category").asString()).isEqualTo("collision");
        assertThat(byId(rules, "deprecated-property").get("category").asString()).isEqualTo("deprecation");
        for (JsonNode rule : rules) {
            assertThat(rule.get("category").asString()).as(rule.get("id").asString()).isNotEmpty();
            assertThat(rule.get("fixable").isBoolean()).isTrue();
        }
    }

    private static JsonNode byId(JsonNode rules, String id) {
        for (JsonNode rule : rules) {
            if (rule.get("id").asString().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id + " in rules --format json");
    }
}
