package io.dbzlint.config;

import io.dbzlint.load.InvalidFileException;
import io.dbzlint.load.JsonTree;
import io.dbzlint.load.UserFile;
import io.dbzlint.report.Finding;
import io.dbzlint.report.Json;
import io.dbzlint.rule.Schemas;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The findings a repository had when it adopted dbzlint, so that only new ones are reported.
 * Findings are matched by rule, file, connector and config key, never by line: edits elsewhere
 * in a file do not bring a baselined finding back. Each entry absorbs one finding, so a second
 * copy of an old mistake still shows.
 */
public final class Baseline {

    private static final String SCHEMA = "baseline.schema.json";

    /** The identity a finding keeps while lines move. */
    public record Entry(String rule, String file, String connector, String key) {
    }

    private final Map<Entry, Integer> counts;

    private Baseline(Map<Entry, Integer> counts) {
        this.counts = counts;
    }

    public static Entry entryOf(Finding finding, Path cwd) {
        return new Entry(finding.ruleId(), portable(cwd, finding.location().file()), finding.connector(), finding.key());
    }

    public static Baseline read(Path file) throws InvalidFileException {
        JsonTree.Parsed document = UserFile.read(file, file.toString(), "baseline");
        List<String> problems = Schemas.problems(SCHEMA, document);
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        Map<Entry, Integer> counts = new HashMap<>();
        for (JsonNode node : document.root().path("findings")) {
            counts.merge(new Entry(node.path("rule").asString(), node.path("file").asString(),
                    textOrNull(node.get("connector")), textOrNull(node.get("key"))), 1, Integer::sum);
        }
        return new Baseline(counts);
    }

    /**
     * A filter for one run: true for a finding that is new, false for one the baseline absorbs.
     * Stateful, since each entry absorbs one finding; use it once, over findings in a stable order.
     */
    public Predicate<Finding> newFindings(Path cwd) {
        Map<Entry, Integer> left = new HashMap<>(counts);
        return finding -> {
            Entry entry = entryOf(finding, cwd);
            Integer remaining = left.get(entry);
            if (remaining == null || remaining == 0) {
                return true;
            }
            left.put(entry, remaining - 1);
            return false;
        };
    }

    public static void write(Path file, List<Finding> findings, Path cwd) throws IOException {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((Finding f) -> portable(cwd, f.location().file()))
                .thenComparing(Finding::ruleId)
                .thenComparing(f -> String.valueOf(f.connector()))
                .thenComparing(f -> String.valueOf(f.key()))
                .thenComparing(Finding::message));
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartObject();
            json.writeNumberProperty("dbzlintBaseline", 1);
            json.writeName("findings");
            json.writeStartArray();
            for (Finding finding : sorted) {
                json.writeStartObject();
                json.writeStringProperty("rule", finding.ruleId());
                json.writeStringProperty("file", portable(cwd, finding.location().file()));
                json.writeStringProperty("connector", finding.connector());
                json.writeStringProperty("key", finding.key());
                json.writeStringProperty("message", finding.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    /** Relative to the working directory with forward slashes, so a baseline moves with the repository. */
    private static String portable(Path cwd, String displayPath) {
        if (displayPath.startsWith("<")) {
            return displayPath;
        }
        Path absolute = cwd.resolve(displayPath).toAbsolutePath().normalize();
        Path base = cwd.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
