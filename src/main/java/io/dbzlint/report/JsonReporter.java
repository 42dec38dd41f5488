package io.dbzlint.report;

import io.dbzlint.model.Location;
import java.io.PrintWriter;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * The machine-readable report; its shape is documented in the README and is a public interface.
 * Written with the streaming generator: a databind ObjectMapper would cost ~200 ms of start-up.
 */
public final class JsonReporter implements Reporter {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    @Override
    public void report(LintResult result, PrintWriter out) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(PRETTY, text)) {
            json.writeStartObject();
            json.writeName("findings");
            json.writeStartArray();
            for (Finding finding : result.findings()) {
                json.writeStartObject();
                json.writeStringProperty("rule", finding.ruleId());
                json.writeStringProperty("severity", finding.severity().label());
                writeLocation(json, finding.location());
                json.writeStringProperty("connector", finding.connector());
                json.writeStringProperty("message", finding.message());
                json.writeName("related");
                json.writeStartArray();
                for (Location related : finding.related()) {
                    json.writeStartObject();
                    writeLocation(json, related);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("summary");
            json.writeStartObject();
            json.writeNumberProperty("files", result.files());
            json.writeNumberProperty("connectors", result.connectors());
            json.writeNumberProperty("errors", result.count(Severity.ERROR));
            json.writeNumberProperty("warnings", result.count(Severity.WARNING));
            json.writeNumberProperty("infos", result.count(Severity.INFO));
            json.writeEndObject();
            json.writeEndObject();
        }
        out.print(text);
        out.print('\n');
        out.flush();
    }

    private static void writeLocation(JsonGenerator json, Location location) {
        json.writeStringProperty("file", location.file());
        json.writeNumberProperty("line", location.line());
        json.writeNumberProperty("column", location.column());
    }

    /** Two-space indent, "key": value, "\n" line ends on every OS: the layout people and diff tools expect. */
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
                    .withArrayIndenter(INDENT)
                    .withObjectIndenter(INDENT);
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };
}
