package io.dbzlint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import io.dbzlint.Golden;
import io.dbzlint.json.Schemas;
import io.dbzlint.preflight.PreflightChecks;
import io.dbzlint.rule.checks.RuleRegistry;
import io.dbzlint.ruleset.RuleSetLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every rule is well formed, and the rule table of docs/rule-table.md is the one the metadata generates. */
class RuleMetadataTest {

    private static final Path TABLE_PAGE = Path.of("docs/rule-table.md");
    private static final String START = "<!-- rules:start (generated from rules/rules.json; RuleMetadataTest checks it) -->\n";
    private static final String END = "<!-- rules:end -->";

    @Test
    void should_give_every_registered_rule_an_id_severity_summary_rationale_and_fix() {
        RuleSet bundled = RuleSetLoader.bundled();

        assertThat(bundled.all().stream().map(entry -> entry.info().id())).containsExactlyElementsOf(RuleRegistry.ids());
        for (Rule rule : RuleRegistry.all()) {
            RuleInfo info = bundled.info(rule.id());
            assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(info.severity()).as("%s default severity", rule.id()).isPresent();
            assertThat(List.of(info.summary(), info.rationale(), info.fix()))
                    .as("%s texts", rule.id())
                    .allSatisfy(text -> assertThat(text).isNotBlank().endsWith("."));
        }
    }

    @Test
    void should_give_every_rule_a_bad_and_a_fixed_example() {
        for (Rule rule : RuleRegistry.all()) {
            RuleInfo info = RuleSetLoader.bundled().info(rule.id());
            assertThat(info.bad()).as("%s bad example", rule.id()).isNotBlank();
            assertThat(info.good()).as("%s fixed example", rule.id()).isNotBlank().isNotEqualTo(info.bad());
        }
    }

    @Test
    void should_commit_exactly_the_generated_rule_docs() throws IOException {
        Path docs = Path.of("docs/rules.md");
        Golden.assertMatches(docs, RuleDocs.page(RuleSetLoader.bundled()), "RuleMetadataTest");
    }

    @Test
    void should_give_every_rule_a_category_of_the_fixed_set() throws IOException {
        JsonNode schema = JsonMapper.builder().build().readTree(Path.of("rules/schemas/rules.schema.json").toFile());
        List<String> categories = new ArrayList<>();
        schema.at("/$defs/rule/properties/category/enum").forEach(category -> categories.add(category.asString()));

        assertThat(categories).containsExactly("correctness", "collision", "deprecation", "naming", "security", "style");
        for (RuleSet.Entry entry : RuleSetLoader.bundled().all()) {
            assertThat(entry.info().category()).as("%s category", entry.info().id()).isIn(categories);
        }
        assertThat(RuleSetLoader.bundled().info("plaintext-secret").category()).isEqualTo("security");
        assertThat(RuleSetLoader.bundled().info("server-id-unique").category()).isEqualTo("collision");
    }

    /** SARIF shows a rule's name beside its id: PascalCase, and more than the id in other letters. */
    @Test
    void should_give_every_rule_and_preflight_check_a_pascal_case_name_that_is_not_its_id() {
        List<RuleInfo> all = new ArrayList<>(RuleSetLoader.bundled().all().stream().map(RuleSet.Entry::info).toList());
        PreflightChecks.all().forEach(entry -> all.add(entry.info()));

        for (RuleInfo info : all) {
            assertThat(info.name()).as("%s name", info.id()).matches("[A-Z][A-Za-z0-9]*")
                    .isNotEqualToIgnoringCase(info.id());
        }
        assertThat(all.stream().map(RuleInfo::name)).doesNotHaveDuplicates();
        assertThat(RuleSetLoader.bundled().info("server-id-range").name()).isEqualTo("ServerIdRange");
    }

    @Test
    void should_link_every_rule_to_its_heading_in_the_rule_docs() {
        String page = RuleDocs.page(RuleSetLoader.bundled());
        for (RuleSet.Entry entry : RuleSetLoader.bundled().all()) {
            String id = entry.info().id();
            assertThat(entry.info().url()).isEqualTo(RuleDocs.HOME + "/blob/main/docs/rules.md#" + id);
            assertThat(page).contains("\n## " + id + "\n");
        }
    }

    @Test
    void should_keep_rule_ids_unique() {
        assertThat(RuleRegistry.ids()).doesNotHaveDuplicates();
    }

    @Test
    void should_ship_rules_that_pass_their_own_schema() throws IOException {
        // the source of the bundled rules, which the build compiles into RulesData
        JsonNode bundled = JsonMapper.builder().build().readTree(Path.of("rules/rules.json").toFile());

        List<Error> errors = Schemas.get("rules.schema.json").validate(bundled);

        assertThat(errors).isEmpty();
    }

    @Test
    void should_document_exactly_the_generated_rule_table_in_the_docs() throws IOException {
        String table = RuleDocs.markdownTable(RuleSetLoader.bundled());
        if (Boolean.getBoolean("golden.update")) {
            String readme = Files.readString(TABLE_PAGE, StandardCharsets.UTF_8);
            readme = readme.substring(0, readme.indexOf(START) + START.length()) + table
                    + readme.substring(readme.indexOf(END));
            Files.writeString(TABLE_PAGE, readme, StandardCharsets.UTF_8);
        }
        String readme = Files.readString(TABLE_PAGE, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("docs/rule-table.md has the rules:start marker").isGreaterThanOrEqualTo(0);
        assertThat(end).as("docs/rule-table.md has the rules:end marker").isGreaterThan(start);
        assertThat(readme.substring(start + START.length(), end))
                .as("docs/rule-table.md rule table; run mvn test -Dgolden.update=true to regenerate it")
                .isEqualTo(table);
    }
}
