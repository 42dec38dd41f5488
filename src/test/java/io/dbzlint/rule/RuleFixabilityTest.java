package io.dbzlint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.result.Finding;
import io.dbzlint.rule.checks.RuleRegistry;
import io.dbzlint.ruleset.RuleSetLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule says whether it can fix ({@link Rule#fixable()}), and what it says is what it does: over
 * every fixture case and every example, the rules whose findings carry a fix are exactly the rules
 * marked fixable. A fixable rule without a case that produces a fix fails here, and so does a rule
 * that gives a fix while saying it cannot.
 */
class RuleFixabilityTest {

    @Test
    void should_mark_fixable_exactly_the_rules_whose_findings_carry_a_fix() throws IOException {
        Set<String> fixing = new TreeSet<>();
        Set<String> reporting = new TreeSet<>();
        for (Path caseDir : RuleFixturesTest.cases().toList()) {
            Path versionFile = caseDir.resolve("debezium-version.txt");
            String version = Files.exists(versionFile) ? Files.readString(versionFile).strip() : null;
            collect(lint(caseDir, version), fixing, reporting);
        }
        try (Stream<Path> examples = Files.list(Path.of("examples/mistakes"))) {
            for (Path folder : examples.sorted().toList()) {
                collect(lint(folder, null), fixing, reporting);
            }
        }
        Set<String> marked = RuleRegistry.all().stream().filter(Rule::fixable).map(Rule::id)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(reporting).as("the corpus exercises the fixable rules").containsAll(marked);
        assertThat(fixing).as("rules whose findings carry a fix").isEqualTo(marked);
    }

    @Test
    void should_show_fixability_in_the_rule_metadata() {
        for (RuleSet.Entry entry : RuleSetLoader.bundled().all()) {
            assertThat(entry.info().fixable()).as(entry.info().id()).isEqualTo(entry.rule().fixable());
        }
    }

    private static List<Finding> lint(Path folder, String version) {
        try {
            LintSession session = LintSession.open(new LintSession.Options(Path.of("").toAbsolutePath(), null, true,
                    null, version, null, null, false, null));
            return session.lint(session.find(session.sources(List.of(folder.toString()),
                    InputStream.nullInputStream(), null)).inputs()).findings();
        } catch (SessionException e) {
            throw new IllegalStateException(folder + ": " + e.getMessage(), e);
        }
    }

    private static void collect(List<Finding> findings, Set<String> fixing, Set<String> reporting) {
        for (Finding finding : findings) {
            reporting.add(finding.ruleId());
            if (finding.fix() != null) {
                fixing.add(finding.ruleId());
            }
        }
    }
}
