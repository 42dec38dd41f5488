package io.dbzlint.ruleset;

import io.dbzlint.json.Bundled;
import io.dbzlint.json.JsonNodes;
import io.dbzlint.json.JsonTree;
import io.dbzlint.rule.checks.RuleRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One layer of rule settings, merged over the layers before it: the bundled rules, a project
 * config, a rules file, a command-line option. Every field is optional (null when not set).
 *
 * @param source how messages name where the layer came from
 */
public record RuleOverrides(String source, Map<String, RuleSetting> rules, Parameters parameters) {

    /**
     * A rule's severity ({@code error}, {@code warning}, {@code info}, {@code off}), its display name and
     * category, and its texts.
     */
    public record RuleSetting(String severity, String name, String category, String summary, String rationale,
                              String fix, String bad, String good) {

        static final RuleSetting NONE = new RuleSetting(null, null, null, null, null, null, null, null);

        /** This setting with every field {@code over} sets replaced. */
        RuleSetting with(RuleSetting over) {
            return new RuleSetting(over(severity, over.severity), over(name, over.name), over(category, over.category),
                    over(summary, over.summary), over(rationale, over.rationale), over(fix, over.fix),
                    over(bad, over.bad), over(good, over.good));
        }
    }

    /** The house parameters; see {@link RuleParameters}. */
    public record Parameters(Long serverIdMin, Long serverIdMax, Map<String, String> databaseTypes,
                             String serverNamePattern, String environmentPattern, String outboxTopicPattern,
                             String debeziumVersion, Map<Long, String> reservedServerIds) {

        public static final Parameters NONE = new Parameters(null, null, Map.of(), null, null, null, null, null);

        public Parameters {
            databaseTypes = Map.copyOf(databaseTypes);
            reservedServerIds = reservedServerIds == null ? null : Map.copyOf(reservedServerIds);
        }
    }

    public RuleOverrides {
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** Only the target Debezium version, as --debezium-version gives it. */
    public static RuleOverrides debeziumVersion(String source, String version) {
        return new RuleOverrides(source, Map.of(), new Parameters(null, null, Map.of(), null, null, null, version, null));
    }

    /**
     * The {@code rules} and {@code parameters} of a document already checked against its schema
     * (a rules file, a project config). A rule may be a bare severity or an object. Rule ids no
     * rule has are problems, one line each with the position.
     */
    public static RuleOverrides parse(String source, JsonTree.Parsed document, List<String> problems) {
        JsonNode root = document.root();
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("rules").properties()) {
            String id = entry.getKey();
            if (RuleRegistry.find(id).isEmpty()) {
                problems.add(document.locationOf("/rules/" + JsonTree.escape(id)) + ": " + RuleRegistry.unknown(id));
                continue;
            }
            JsonNode node = entry.getValue();
            rules.put(id, node.isString() ? new RuleSetting(node.asString(), null, null, null, null, null, null, null)
                    : new RuleSetting(JsonNodes.textOrNull(node.get("severity")), JsonNodes.textOrNull(node.get("name")),
                            JsonNodes.textOrNull(node.get("category")), JsonNodes.textOrNull(node.get("summary")),
                            JsonNodes.textOrNull(node.get("rationale")), JsonNodes.textOrNull(node.get("fix")),
                            JsonNodes.textOrNull(node.path("example").get("bad")),
                            JsonNodes.textOrNull(node.path("example").get("good"))));
        }
        JsonNode p = root.path("parameters");
        JsonNode range = p.path("serverIdRange");
        Map<String, String> databaseTypes = new LinkedHashMap<>();
        p.path("databaseTypes").properties().forEach(e -> databaseTypes.put(e.getKey(), e.getValue().asString()));
        Map<Long, String> reserved = null;
        if (p.has("reservedServerIds")) {
            reserved = new LinkedHashMap<>();
            for (JsonNode entry : p.path("reservedServerIds")) {
                reserved.put(entry.path("id").asLong(), entry.path("owner").asString());
            }
        }
        Parameters parameters = parameters(p, range, databaseTypes, reserved);
        if (root.has("preset")) {
            return withPreset(source, root.path("preset").asString(), rules, parameters);
        }
        return new RuleOverrides(source, rules, parameters);
    }

    private static Parameters parameters(JsonNode p, JsonNode range, Map<String, String> databaseTypes,
                                         Map<Long, String> reserved) {
        return new Parameters(
                range.has("min") ? range.get("min").asLong() : null,
                range.has("max") ? range.get("max").asLong() : null,
                databaseTypes,
                JsonNodes.textOrNull(p.get("serverNamePattern")),
                JsonNodes.textOrNull(p.get("environmentPattern")),
                JsonNodes.textOrNull(p.get("outboxTopicPattern")),
                JsonNodes.textOrNull(p.get("debeziumVersion")),
                reserved);
    }

    /**
     * A layer that starts from a named preset of rules/presets.json (its schema allows only the
     * names there): the preset's settings, with the layer's own over them. Read only when a layer
     * names a preset, so a plain lint never reads the file.
     */
    private static RuleOverrides withPreset(String source, String name, Map<String, RuleSetting> own,
                                            Parameters ownParameters) {
        JsonNode preset = Bundled.json("/rules/presets.json").path(name);
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        preset.path("rules").properties().forEach(entry -> rules.put(entry.getKey(),
                new RuleSetting(entry.getValue().asString(), null, null, null, null, null, null, null)));
        rules.putAll(own);
        JsonNode p = preset.path("parameters");
        JsonNode range = p.path("serverIdRange");
        Map<String, String> databaseTypes = new LinkedHashMap<>();
        p.path("databaseTypes").properties().forEach(e -> databaseTypes.put(e.getKey(), e.getValue().asString()));
        Parameters base = parameters(p, range, databaseTypes, null);
        databaseTypes.putAll(ownParameters.databaseTypes());
        Parameters merged = new Parameters(over(base.serverIdMin(), ownParameters.serverIdMin()),
                over(base.serverIdMax(), ownParameters.serverIdMax()), databaseTypes,
                over(base.serverNamePattern(), ownParameters.serverNamePattern()),
                over(base.environmentPattern(), ownParameters.environmentPattern()),
                over(base.outboxTopicPattern(), ownParameters.outboxTopicPattern()),
                over(base.debeziumVersion(), ownParameters.debeziumVersion()),
                over(base.reservedServerIds(), ownParameters.reservedServerIds()));
        return new RuleOverrides(source, rules, merged);
    }

    static <T> T over(T base, T override) {
        return override != null ? override : base;
    }
}
