package io.dbzlint.report;

import io.dbzlint.model.Location;
import java.io.PrintWriter;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The machine-readable report; its shape is documented in the README and is a public interface. */
public final class JsonReporter implements Reporter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    /** Two-space indent, "key": value, "\n" line ends on every OS: the layout people and diff tools expect. */
    private static final ObjectWriter WRITER = MAPPER.writer().with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withArrayIndenter(INDENT)
            .withObjectIndenter(INDENT));

    @Override
    public void report(LintResult result, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : result.findings()) {
            ObjectNode node = findings.addObject();
            node.put("rule", finding.ruleId());
            node.put("severity", finding.severity().label());
            putLocation(node, finding.location());
            node.put("connector", finding.connector());
            node.put("message", finding.message());
            ArrayNode related = node.putArray("related");
            finding.related().forEach(location -> putLocation(related.addObject(), location));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("files", result.files());
        summary.put("connectors", result.connectors());
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("infos", result.count(Severity.INFO));
        out.print(WRITER.writeValueAsString(root));
        out.print('\n');
        out.flush();
    }

    private static void putLocation(ObjectNode node, Location location) {
        node.put("file", location.file());
        node.put("line", location.line());
        node.put("column", location.column());
    }
}
