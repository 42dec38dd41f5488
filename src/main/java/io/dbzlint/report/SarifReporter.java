package io.dbzlint.report;

import io.dbzlint.json.Json;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.FindingKey;
import io.dbzlint.result.Fix;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.RuleInfo;
import io.dbzlint.rule.RuleSet;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JsonGenerator;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: every rule's metadata in
 * {@code tool.driver.rules}, one result per finding with its region, related locations for
 * cross-connector findings, and a fingerprint that survives edits which move lines.
 */
public final class SarifReporter implements Reporter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String FINGERPRINT = "dbzlint/finding/v1";

    private final RuleSet ruleSet;
    private final String version;

    public SarifReporter(RuleSet ruleSet, String version) {
        this.ruleSet = ruleSet;
        this.version = version;
    }

    @Override
    public void report(LintResult result, PrintWriter out) {
        // streamed: a report of 100,000 findings held as one string was the run's peak of memory
        try (JsonGenerator json = Json.pretty(Reporter.unclosed(out))) {
            json.writeStartObject();
            json.writeStringProperty("$schema", SCHEMA);
            json.writeStringProperty("version", "2.1.0");
            json.writeName("runs");
            json.writeStartArray();
            json.writeStartObject();
            writeTool(json);
            json.writeStringProperty("columnKind", "utf16CodeUnits");
            json.writeName("results");
            json.writeStartArray();
            for (Finding finding : result.findings()) {
                writeResult(json, finding, ruleSet.indexOf(finding.ruleId()));
            }
            json.writeEndArray();
            json.writeName("invocations");
            json.writeStartArray();
            json.writeStartObject();
            json.writeBooleanProperty("executionSuccessful", result.readErrors().isEmpty());
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        out.print('\n');
        out.flush();
    }

    private void writeTool(JsonGenerator json) {
        json.writeName("tool");
        json.writeStartObject();
        json.writeName("driver");
        json.writeStartObject();
        json.writeStringProperty("name", "dbzlint");
        json.writeStringProperty("version", version);
        json.writeStringProperty("semanticVersion", version.replaceAll("-.*", ""));
        json.writeStringProperty("informationUri", RuleDocs.HOME);
        json.writeName("rules");
        json.writeStartArray();
        for (RuleSet.Entry entry : ruleSet.all()) {
            RuleInfo info = entry.info();
            json.writeStartObject();
            json.writeStringProperty("id", info.id());
            json.writeStringProperty("name", info.name());
            writeMessage(json, "shortDescription", info.summary());
            writeMessage(json, "fullDescription", info.summary() + " " + info.rationale());
            json.writeStringProperty("helpUri", info.url());
            json.writeName("help");
            json.writeStartObject();
            json.writeStringProperty("text", RuleDocs.text(info));
            json.writeStringProperty("markdown", RuleDocs.markdown(info));
            json.writeEndObject();
            json.writeName("defaultConfiguration");
            json.writeStartObject();
            json.writeStringProperty("level", info.severity().map(SarifReporter::level).orElse("none"));
            json.writeBooleanProperty("enabled", info.enabled());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(JsonGenerator json, Finding finding, int ruleIndex) {
        json.writeStartObject();
        json.writeStringProperty("ruleId", finding.ruleId());
        json.writeNumberProperty("ruleIndex", ruleIndex);
        json.writeStringProperty("level", level(finding.severity()));
        writeMessage(json, "message", finding.message());
        json.writeName("locations");
        json.writeStartArray();
        json.writeStartObject();
        writePhysicalLocation(json, finding.location());
        json.writeEndObject();
        json.writeEndArray();
        if (!finding.related().isEmpty()) {
            json.writeName("relatedLocations");
            json.writeStartArray();
            int id = 1;
            for (Location related : finding.related()) {
                json.writeStartObject();
                json.writeNumberProperty("id", id++);
                writePhysicalLocation(json, related);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (finding.fix() != null) {
            writeFix(json, finding.fix());
        }
        json.writeName("partialFingerprints");
        json.writeStartObject();
        json.writeStringProperty(FINGERPRINT, fingerprint(finding));
        json.writeEndObject();
        json.writeEndObject();
    }

    /** SARIF §3.55: one artifact change replacing the fix's region with its text. */
    private static void writeFix(JsonGenerator json, Fix fix) {
        json.writeName("fixes");
        json.writeStartArray();
        json.writeStartObject();
        writeMessage(json, "description", fix.description());
        json.writeName("artifactChanges");
        json.writeStartArray();
        json.writeStartObject();
        json.writeName("artifactLocation");
        json.writeStartObject();
        json.writeStringProperty("uri", uri(fix.range().input()));
        json.writeEndObject();
        json.writeName("replacements");
        json.writeStartArray();
        json.writeStartObject();
        json.writeName("deletedRegion");
        json.writeStartObject();
        json.writeNumberProperty("startLine", fix.range().line());
        json.writeNumberProperty("startColumn", fix.range().column());
        json.writeNumberProperty("endLine", fix.range().endLine());
        json.writeNumberProperty("endColumn", fix.range().endColumn());
        json.writeEndObject();
        json.writeName("insertedContent");
        json.writeStartObject();
        json.writeStringProperty("text", fix.replacement());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        // SARIF has no grade of its own for fixes: a property bag (§3.8) carries dbzlint's
        json.writeName("properties");
        json.writeStartObject();
        json.writeStringProperty("safety", fix.safety().label());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void writePhysicalLocation(JsonGenerator json, Location location) {
        json.writeName("physicalLocation");
        json.writeStartObject();
        json.writeName("artifactLocation");
        json.writeStartObject();
        json.writeStringProperty("uri", uri(location.input()));
        json.writeEndObject();
        json.writeName("region");
        json.writeStartObject();
        json.writeNumberProperty("startLine", location.line());
        json.writeNumberProperty("startColumn", location.column());
        json.writeNumberProperty("endLine", location.endLine());
        json.writeNumberProperty("endColumn", location.endColumn());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeMessage(JsonGenerator json, String name, String text) {
        json.writeName(name);
        json.writeStartObject();
        json.writeStringProperty("text", text);
        json.writeEndObject();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * Relative to the project root (the repository root, where GitHub resolves such URIs); a file
     * outside the project keeps the path it was named by, as a file: URI when that is absolute.
     */
    static String uri(InputId input) {
        String path = input.projectPath() != null ? input.projectPath() : input.displayPath();
        if (input.projectPath() == null && Path.of(path).isAbsolute()) {
            return Path.of(path).normalize().toUri().toString();
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }

    /** The finding's identity, hashed: stable while lines move, the same as its baseline entry. */
    static String fingerprint(Finding finding) {
        FindingKey key = finding.identity();
        String identity = String.join("\u0000", key.rule(), key.path(), String.valueOf(key.connector()),
                String.valueOf(key.key()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
