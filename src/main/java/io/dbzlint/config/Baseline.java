package io.dbzlint.config;

import io.dbzlint.json.InvalidFileException;
import io.dbzlint.json.Json;
import io.dbzlint.json.JsonNodes;
import io.dbzlint.json.JsonTree;
import io.dbzlint.json.Schemas;
import io.dbzlint.json.UserFile;
import io.dbzlint.result.Finding;
import io.dbzlint.result.FindingKey;
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
 * Findings are matched by their {@link FindingKey} (rule, project-relative file, connector and
 * config key), never by line: edits elsewhere in a file do not bring a baselined finding back, and
 * the baseline matches from any working directory. Each entry absorbs one finding, so a second
 * copy of an old mistake still shows.
 */
public final class Baseline {

    private static final String SCHEMA = "baseline.schema.json";

    private final Map<FindingKey, Integer> counts;

    private Baseline(Map<FindingKey, Integer> counts) {
        this.counts = counts;
    }

    /** The baseline of a run's findings, as writing them and reading them back would give. */
    public static Baseline of(List<Finding> findings) {
        Map<FindingKey, Integer> counts = new HashMap<>();
        findings.forEach(finding -> counts.merge(finding.identity(), 1, Integer::sum));
        return new Baseline(counts);
    }

    /** @param name how messages name the file */
    public static Baseline read(Path file, String name) throws InvalidFileException {
        JsonTree.Parsed document = UserFile.read(file, name, "baseline");
        List<String> problems = Schemas.problems(SCHEMA, document);
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        Map<FindingKey, Integer> counts = new HashMap<>();
        for (JsonNode node : document.root().path("findings")) {
            counts.merge(new FindingKey(node.path("rule").asString(), node.path("file").asString(),
                    JsonNodes.textOrNull(node.get("connector")), JsonNodes.textOrNull(node.get("key"))), 1, Integer::sum);
        }
        return new Baseline(counts);
    }

    /**
     * A filter for one run: true for a finding that is new, false for one the baseline absorbs.
     * Stateful, since each entry absorbs one finding; use it once, over findings in a stable order.
     */
    public Predicate<Finding> newFindings() {
        Map<FindingKey, Integer> left = new HashMap<>(counts);
        return finding -> {
            FindingKey key = finding.identity();
            Integer remaining = left.get(key);
            if (remaining == null || remaining == 0) {
                return true;
            }
            left.put(key, remaining - 1);
            return false;
        };
    }

    public static void write(Path file, List<Finding> findings) throws IOException {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((Finding f) -> f.identity().path())
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
                FindingKey key = finding.identity();
                json.writeStartObject();
                json.writeStringProperty("rule", key.rule());
                json.writeStringProperty("file", key.path());
                json.writeStringProperty("connector", key.connector());
                json.writeStringProperty("key", key.key());
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
}
