package io.dbzlint.rule.checks;

import io.dbzlint.rule.Rule;
import io.dbzlint.rule.Suggestions;
import io.dbzlint.rule.checks.ChangedFromBaseRule;
import io.dbzlint.rule.checks.ConfigProviderReferenceRule;
import io.dbzlint.rule.checks.ConfigSchemaRule;
import io.dbzlint.rule.checks.ConflictingPropertiesRule;
import io.dbzlint.rule.checks.ConnectorClassMissingRule;
import io.dbzlint.rule.checks.ConnectorNameUniqueRule;
import io.dbzlint.rule.checks.ConverterRegistryRule;
import io.dbzlint.rule.checks.DecimalJsonRule;
import io.dbzlint.rule.checks.DeprecatedPropertyRule;
import io.dbzlint.rule.checks.DuplicateKeyRule;
import io.dbzlint.rule.checks.FilterListRule;
import io.dbzlint.rule.checks.HeartbeatMissingRule;
import io.dbzlint.rule.checks.HeartbeatQueryRule;
import io.dbzlint.rule.checks.HeartbeatTableRule;
import io.dbzlint.rule.checks.HistoryOnPostgresRule;
import io.dbzlint.rule.checks.InvalidValueRule;
import io.dbzlint.rule.checks.LocalhostRule;
import io.dbzlint.rule.checks.ParseErrorRule;
import io.dbzlint.rule.checks.PlaintextSecretRule;
import io.dbzlint.rule.checks.PluginNameRule;
import io.dbzlint.rule.checks.ProducerKeyRule;
import io.dbzlint.rule.checks.PropertiesBackslashRule;
import io.dbzlint.rule.checks.PublicationNameUniqueRule;
import io.dbzlint.rule.checks.SchemaHistoryTopicMissingRule;
import io.dbzlint.rule.checks.SchemaHistoryTopicUniqueRule;
import io.dbzlint.rule.checks.ServerIdRangeRule;
import io.dbzlint.rule.checks.ServerIdUniqueRule;
import io.dbzlint.rule.checks.ServerNamePatternRule;
import io.dbzlint.rule.checks.ServerNameUniqueRule;
import io.dbzlint.rule.checks.SignalCollectionRule;
import io.dbzlint.rule.checks.SlotDropOnStopRule;
import io.dbzlint.rule.checks.SlotNameFormatRule;
import io.dbzlint.rule.checks.SlotNameUniqueRule;
import io.dbzlint.rule.checks.StrictJsonRule;
import io.dbzlint.rule.checks.StrimziResourceRule;
import io.dbzlint.rule.checks.TasksMaxRule;
import io.dbzlint.rule.checks.TemplateRule;
import io.dbzlint.rule.checks.TopicCreationRule;
import io.dbzlint.rule.checks.TopicNamingRule;
import io.dbzlint.rule.checks.TopicPrefixFormatRule;
import io.dbzlint.rule.checks.UnknownPropertyRule;
import io.dbzlint.rule.checks.UpgradeRule;
import java.util.List;
import java.util.Optional;

/**
 * Every rule, in the order the docs list them. An explicit list, not a classpath scan: the order
 * is deterministic and start-up does no reflection.
 */
public final class RuleRegistry {

    private static final List<Rule> ALL = List.of(
            new ParseErrorRule(),
            new DuplicateKeyRule(),
            new StrictJsonRule(),
            new TemplateRule(),
            new ConnectorClassMissingRule(),
            new ConfigSchemaRule(),
            new ServerIdRangeRule(),
            new ServerIdUniqueRule(),
            new ServerNameUniqueRule(),
            new ServerNamePatternRule(),
            new SchemaHistoryTopicUniqueRule(),
            new SchemaHistoryTopicMissingRule(),
            new TopicNamingRule(),
            new SlotNameUniqueRule(),
            new ConnectorNameUniqueRule(),
            new UnknownPropertyRule(),
            new DeprecatedPropertyRule(),
            new InvalidValueRule(),
            new ConflictingPropertiesRule(),
            new TopicPrefixFormatRule(),
            new SlotNameFormatRule(),
            new PublicationNameUniqueRule(),
            new PluginNameRule(),
            new PlaintextSecretRule(),
            new ConfigProviderReferenceRule(),
            new StrimziResourceRule(),
            new HistoryOnPostgresRule(),
            new ProducerKeyRule(),
            new LocalhostRule(),
            new TasksMaxRule(),
            new HeartbeatQueryRule(),
            new SlotDropOnStopRule(),
            new ConverterRegistryRule(),
            new FilterListRule(),
            new SignalCollectionRule(),
            new HeartbeatMissingRule(),
            new HeartbeatTableRule(),
            new DecimalJsonRule(),
            new TopicCreationRule(),
            new TransformChainRule(),
            new PropertiesBackslashRule(),
            new ChangedFromBaseRule(),
            new UpgradeRule());

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(Rule::id).toList();
    }

    public static Optional<Rule> find(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** The one wording of "no rule has this id", wherever a user names a rule. */
    public static String unknown(String id) {
        String nearest = ids().stream().min(java.util.Comparator.comparingInt(known -> Suggestions.distance(known, id)))
                .orElseThrow();
        return "unknown rule \"" + id + "\"; did you mean " + nearest + "? 'dbzlint rules' lists them all";
    }
}
