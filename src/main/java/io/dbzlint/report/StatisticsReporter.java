package io.dbzlint.report;

import io.dbzlint.json.Json;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;
import tools.jackson.core.JsonGenerator;

/**
 * {@code lint --statistics}, as ruff's: instead of the findings, one line per rule with how many
 * findings it has, their severity (the most severe, where a rule reports at several) and whether
 * {@code --fix} can fix any of them, most frequent first; then the summary. As text, or as JSON.
 */
public final class StatisticsReporter implements Reporter {

    /** One rule's findings in a run. */
    record Row(String rule, int count, Severity severity, boolean fixable) {
    }

    private final Ansi ansi;
    private final boolean json;

    private StatisticsReporter(Ansi ansi, boolean json) {
        this.ansi = ansi;
        this.json = json;
    }

    public static StatisticsReporter text(Ansi ansi) {
        return new StatisticsReporter(ansi, false);
    }

    public static StatisticsReporter json() {
        return new StatisticsReporter(Ansi.OFF, true);
    }

    /** The rows, by count (most first), then by rule id. */
    static List<Row> rows(LintResult result) {
        Map<String, Row> byRule = new LinkedHashMap<>();
        for (Finding finding : result.findings()) {
            Row row = byRule.get(finding.ruleId());
            boolean fixable = finding.fix() != null;
            byRule.put(finding.ruleId(), row == null ? new Row(finding.ruleId(), 1, finding.severity(), fixable)
                    : new Row(row.rule(), row.count() + 1,
                            finding.severity().compareTo(row.severity()) < 0 ? finding.severity() : row.severity(),
                            row.fixable() || fixable));
        }
        List<Row> rows = new ArrayList<>(byRule.values());
        rows.sort(Comparator.comparingInt(Row::count).reversed().thenComparing(Row::rule));
        return rows;
    }

    @Override
    public void report(LintResult result, PrintWriter out) {
        List<Row> rows = rows(result);
        if (json) {
            out.print(asJson(result, rows));
            out.print('\n');
        } else {
            int countWidth = rows.stream().mapToInt(row -> Integer.toString(row.count()).length()).max().orElse(1);
            int ruleWidth = rows.stream().mapToInt(row -> row.rule().length()).max().orElse(0);
            for (Row row : rows) {
                String count = Integer.toString(row.count());
                String severity = row.severity().label();
                out.println(" ".repeat(countWidth - count.length()) + count + "  "
                        + row.rule() + " ".repeat(ruleWidth - row.rule().length()) + "  "
                        + TextReporter.severity(ansi, row.severity())
                        + (row.fixable() ? " ".repeat("warning".length() - severity.length()) + "  [*]" : ""));
            }
            if (!rows.isEmpty()) {
                out.println();
            }
            out.println(TextReporter.summary(result));
        }
        out.flush();
    }

    private static String asJson(LintResult result, List<Row> rows) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartObject();
            json.writeName("statistics");
            json.writeStartArray();
            for (Row row : rows) {
                json.writeStartObject();
                json.writeStringProperty("rule", row.rule());
                json.writeNumberProperty("count", row.count());
                json.writeStringProperty("severity", row.severity().label());
                json.writeBooleanProperty("fixable", row.fixable());
                json.writeEndObject();
            }
            json.writeEndArray();
            JsonReporter.writeSummary(json, result);
            json.writeEndObject();
        }
        return text.toString();
    }
}
