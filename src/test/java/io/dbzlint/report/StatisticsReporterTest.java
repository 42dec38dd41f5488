package io.dbzlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Fix;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsReporterTest {

    private static final InputId FILE = InputId.named("a.json");

    private static Finding finding(String rule, Severity severity, int line, Fix fix) {
        return new Finding(rule, severity, Location.at(FILE, line, 5), "c", "k" + line, "m", List.of(), fix);
    }

    @Test
    void should_give_a_rule_reporting_at_several_severities_its_most_severe_and_fixable_if_any_finding_is() {
        Fix fix = new Fix("rename to topic.prefix", Location.at(FILE, 2, 6), "database.server.name", "topic.prefix",
                "topic.prefix");
        LintResult result = new LintResult(List.of(
                finding("deprecated-property", Severity.WARNING, 1, null),
                finding("deprecated-property", Severity.ERROR, 2, fix),
                finding("deprecated-property", Severity.WARNING, 3, null),
                finding("tasks-max-single", Severity.INFO, 4, null)), List.of(FILE), 1, 0, List.of(), List.of(),
                List.of());

        List<StatisticsReporter.Row> rows = StatisticsReporter.rows(result);

        assertThat(rows).containsExactly(
                new StatisticsReporter.Row("deprecated-property", 3, Severity.ERROR, true),
                new StatisticsReporter.Row("tasks-max-single", 1, Severity.INFO, false));
    }
}
