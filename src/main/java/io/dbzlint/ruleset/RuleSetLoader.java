package io.dbzlint.ruleset;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.json.InvalidFileException;
import io.dbzlint.json.JsonTree;
import io.dbzlint.json.Schemas;
import io.dbzlint.json.UserFile;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.Rule;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.RuleInfo;
import io.dbzlint.rule.RuleParameters;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.rule.checks.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds the rule set: the bundled {@code rules/rules.json}, then each layer of overrides over it
 * in turn (project config, rules file, command-line options), validated once at the end.
 */
public final class RuleSetLoader {

    private static final String BUNDLED = "rules/rules.json";
    private static final String SCHEMA = "rules.schema.json";
    private static final String OFF = "off";

    private RuleSetLoader() {
    }

    /** The bundled rules, read once per JVM (they are immutable). */
    public static RuleSet bundled() {
        return BundledRules.RULES;
    }

    private static final class BundledRules {
        static final RuleOverrides LAYER = read();
        static final RuleSet RULES = buildOrFail(List.of());

        /** rules/rules.json, compiled at build time into a tree ({@link RulesData}), read as any rules file is. */
        private static RuleOverrides read() {
            List<String> problems = new ArrayList<>();
            RuleOverrides layer = RuleOverrides.parse(BUNDLED, new JsonTree.Parsed(RulesData.tree(), Map.of()), problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("bundled rules are invalid: " + problems);
            }
            return layer;
        }

        private static RuleSet buildOrFail(List<RuleOverrides> layers) {
            try {
                return merge(layers);
            } catch (InvalidFileException e) {
                throw new IllegalStateException("bundled rules are invalid: " + e.getMessage(), e);
            }
        }
    }

    /** A rules file, checked against rules/schemas/rules.schema.json. */
    public static RuleOverrides readRulesFile(Path file, String name) throws InvalidFileException {
        JsonTree.Parsed user = UserFile.read(file, name, "rules file");
        List<String> problems = new ArrayList<>(Schemas.problems(SCHEMA, user));
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        RuleOverrides layer = RuleOverrides.parse(name, user, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        return layer;
    }

    /** The bundled rules with each layer merged over them in turn, then checked as a whole. */
    public static RuleSet build(List<RuleOverrides> layers) throws InvalidFileException {
        return build(layers, RuleSelection.NONE);
    }

    /** As {@link #build(List)}, then the command line's selection of rules over all of them. */
    public static RuleSet build(List<RuleOverrides> layers, RuleSelection selection) throws InvalidFileException {
        List<String> unknown = selection.problems();
        if (!unknown.isEmpty()) {
            throw new InvalidFileException(unknown);
        }
        return layers.isEmpty() && selection.isNone() ? bundled() : merge(layers, selection);
    }

    private static RuleSet merge(List<RuleOverrides> userLayers) throws InvalidFileException {
        return merge(userLayers, RuleSelection.NONE);
    }

    private static RuleSet merge(List<RuleOverrides> userLayers, RuleSelection selection)
            throws InvalidFileException {
        List<RuleOverrides> layers = new ArrayList<>();
        layers.add(BundledRules.LAYER);
        layers.addAll(userLayers);
        List<String> problems = new ArrayList<>();

        List<RuleSet.Entry> entries = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            RuleOverrides.RuleSetting merged = RuleOverrides.RuleSetting.NONE;
            String lastOn = null;
            for (RuleOverrides layer : layers) {
                RuleOverrides.RuleSetting over = layer.rules().get(rule.id());
                if (over != null) {
                    merged = merged.with(over);
                    if (over.severity() != null && !over.severity().equals(OFF)) {
                        lastOn = over.severity();
                    }
                }
            }
            if (merged.severity() == null) {
                problems.add(BUNDLED + ": rule \"" + rule.id() + "\" has no severity");
                continue;
            }
            String label = merged.severity();
            boolean onBelow = !label.equals(OFF);
            if (selection.runs(rule.id(), onBelow) != onBelow) {
                // switched on by --select or --extend-select: at the severity a layer last gave it
                label = onBelow ? OFF : lastOn != null ? lastOn : Severity.WARNING.label();
            }
            Optional<Severity> severity = label.equals(OFF) ? Optional.empty()
                    : Optional.of(Severity.fromLabel(label));
            entries.add(new RuleSet.Entry(rule, new RuleInfo(rule.id(),
                    merged.name() != null ? merged.name() : RuleInfo.pascalCase(rule.id()), severity,
                    text(merged.category()), rule.fixable(), RuleDocs.url(rule.id()), text(merged.summary()),
                    text(merged.rationale()), text(merged.fix()), text(merged.bad()), text(merged.good()))));
        }

        RuleOverrides.Parameters p = RuleOverrides.Parameters.NONE;
        Map<String, String> words = new LinkedHashMap<>();
        // each problem names the layer that set the value, not merely the last layer
        String rangeSource = null;
        String patternSource = null;
        String versionSource = null;
        for (RuleOverrides layer : layers) {
            RuleOverrides.Parameters over = layer.parameters();
            words.putAll(over.databaseTypes());
            if (over.serverIdMin() != null || over.serverIdMax() != null) {
                rangeSource = layer.source();
            }
            if (over.environmentPattern() != null) {
                patternSource = layer.source();
            }
            if (over.debeziumVersion() != null) {
                versionSource = layer.source();
            }
            p = new RuleOverrides.Parameters(
                    RuleOverrides.over(p.serverIdMin(), over.serverIdMin()),
                    RuleOverrides.over(p.serverIdMax(), over.serverIdMax()),
                    words,
                    RuleOverrides.over(p.serverNamePattern(), over.serverNamePattern()),
                    RuleOverrides.over(p.environmentPattern(), over.environmentPattern()),
                    RuleOverrides.over(p.outboxTopicPattern(), over.outboxTopicPattern()),
                    RuleOverrides.over(p.debeziumVersion(), over.debeziumVersion()),
                    RuleOverrides.over(p.reservedServerIds(), over.reservedServerIds()));
        }
        if (p.serverIdMin() > p.serverIdMax()) {
            problems.add(rangeSource + ": parameters.serverIdRange: min " + p.serverIdMin() + " is greater than max "
                    + p.serverIdMax());
        }
        try {
            Pattern.compile(p.environmentPattern());
        } catch (PatternSyntaxException e) {
            problems.add(patternSource + ": parameters.environmentPattern is not a valid regular expression: "
                    + e.getDescription());
        }
        // unset everywhere: the newest release dbzlint bundles
        DebeziumVersion version = Debezium.LATEST;
        if (p.debeziumVersion() != null) {
            try {
                version = DebeziumVersion.parse(p.debeziumVersion());
            } catch (IllegalArgumentException e) {
                problems.add(versionSource + (versionSource.startsWith("--") ? ": " : ": parameters.debeziumVersion: ")
                        + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        Map<ConnectorType, String> typeWords = new EnumMap<>(ConnectorType.class);
        p.databaseTypes().forEach((type, word) -> typeWords.put(ConnectorType.fromId(type), word));
        RuleParameters parameters = new RuleParameters(p.serverIdMin(), p.serverIdMax(), typeWords,
                p.serverNamePattern(), p.environmentPattern(), p.outboxTopicPattern(), version,
                p.reservedServerIds() == null ? Map.of() : p.reservedServerIds(),
                p.debeziumVersion() != null ? null : RuleParameters.NO_RELEASE_NAMED);
        return new RuleSet(entries, parameters);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
