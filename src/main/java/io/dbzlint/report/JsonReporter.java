package io.dbzlint.report;

import io.dbzlint.json.Json;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.io.PrintWriter;
import tools.jackson.core.JsonGenerator;

/** The machine-readable report; its shape is documented in docs/usage.md and is a public interface. */
public final class JsonReporter implements Reporter {

    @Override
    public void report(LintResult result, PrintWriter out) {
        // streamed: a report of 100,000 findings held as one string was the run's peak of memory
        try (JsonGenerator json = Json.pretty(Reporter.unclosed(out))) {
            json.writeStartObject();
            json.writeName("findings");
            json.writeStartArray();
            for (Finding finding : result.findings()) {
                json.writeStartObject();
                json.writeStringProperty("rule", finding.ruleId());
                json.writeStringProperty("severity", finding.severity().label());
                writeLocation(json, finding.location());
                json.writeStringProperty("connector", finding.connector());
                json.writeStringProperty("key", finding.key());
                json.writeStringProperty("message", finding.message());
                json.writeName("related");
                json.writeStartArray();
                for (Location related : finding.related()) {
                    json.writeStartObject();
                    writeLocation(json, related);
                    json.writeEndObject();
                }
                json.writeEndArray();
                if (!finding.group().isEmpty()) {
                    // a group larger than related holds: every member, this finding's place first, once per group
                    json.writeName("group");
                    json.writeStartArray();
                    for (Location member : finding.group()) {
                        json.writeStartObject();
                        writeLocation(json, member);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                if (finding.fix() != null) {
                    // the characters --fix replaces, and with what: an editor or a bot can apply it as it is
                    json.writeName("fix");
                    json.writeStartObject();
                    json.writeStringProperty("description", finding.fix().description());
                    writeLocation(json, finding.fix().range());
                    json.writeStringProperty("replacement", finding.fix().replacement());
                    // safe: --fix applies it; unsafe: only --unsafe-fixes (a did-you-mean)
                    json.writeStringProperty("safety", finding.fix().safety().label());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            writeSummary(json, result);
            json.writeEndObject();
        }
        out.print('\n');
        out.flush();
    }

    /** The summary, a property of the report's object: counts of files, connectors and findings. */
    static void writeSummary(JsonGenerator json, LintResult result) {
        json.writeName("summary");
        json.writeStartObject();
        json.writeNumberProperty("files", result.files());
        json.writeNumberProperty("connectors", result.connectors());
        json.writeNumberProperty("withPlaceholders", result.withPlaceholders());
        json.writeNumberProperty("errors", result.count(Severity.ERROR));
        json.writeNumberProperty("warnings", result.count(Severity.WARNING));
        json.writeNumberProperty("infos", result.count(Severity.INFO));
        json.writeNumberProperty("suppressed", result.suppressed());
        json.writeNumberProperty("skipped", result.skipped().size());
        json.writeEndObject();
    }

    private static void writeLocation(JsonGenerator json, Location location) {
        json.writeStringProperty("file", location.file());
        json.writeNumberProperty("line", location.line());
        json.writeNumberProperty("column", location.column());
        json.writeNumberProperty("endLine", location.endLine());
        json.writeNumberProperty("endColumn", location.endColumn());
    }
}
