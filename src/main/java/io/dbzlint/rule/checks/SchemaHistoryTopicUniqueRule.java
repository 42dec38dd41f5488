package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Optional;

public final class SchemaHistoryTopicUniqueRule extends UniquenessRule<SchemaHistoryTopicUniqueRule.HistoryTopic> {

    /**
     * @param suggestion a topic of the connector's own to suggest
     * @param source the logical name its history records carry as their source, or null: Debezium
     *     applies, on restart, the records of its own source only
     */
    record HistoryTopic(String topic, String suggestion, String source, Site site) implements Claim {
    }

    @Override
    public String id() {
        return "schema-history-topic-unique";
    }

    @Override
    public Optional<HistoryTopic> claim(Connector connector, RuleContext context) {
        if (!connector.keepsSchemaHistory()) {
            return Optional.empty();
        }
        Optional<String> source = connector.firstEntry(context.logicalNameKeys()).filter(e -> e.hasText() && !e.text().isBlank())
                .map(e -> e.text().trim());
        return connector.firstEntry(Keys.HISTORY_TOPICS)
                .filter(entry -> !entry.text().isBlank() && !entry.hasTemplate())
                .map(entry -> new HistoryTopic(entry.text().trim(),
                        source.map(name -> "schemahistory." + Printable.cut(name, Printable.MAX_VALUE))
                                .orElse("schemahistory.<topic.prefix>"),
                        source.orElse(null), Claim.Site.of(connector, entry.key(), entry.valueLocation())));
    }

    @Override
    protected Object sharedValue(HistoryTopic claim) {
        return claim.topic();
    }

    /**
     * Whether another connector's records carry the same source. Connectors of different logical
     * names keep their records apart in one topic: each applies its own on restart
     * (AbstractSchemaHistory.recover compares a record's source with its offsets'). What remains is
     * the topic's life: recovering or deleting it, as Debezium's docs do to add tables or repair a
     * history, takes the other connector's history with it.
     */
    private static boolean sameSource(HistoryTopic claim, HistoryTopic other) {
        return claim.source() == null || other.source() == null || claim.source().equals(other.source());
    }

    @Override
    protected String message(HistoryTopic claim, List<HistoryTopic> others, RuleContext context) {
        String shared = "schema history topic " + Printable.quote(claim.topic()) + " is also used by "
                + Claim.describe(others) + Claim.sameReference(claim.topic());
        String fix = ": set " + claim.site().configKey() + " to a topic of its own, e.g. " + claim.suggestion();
        if (others.stream().noneMatch(other -> sameSource(claim, other))) {
            return shared + "; Debezium keeps their records apart by logical name, but recovering or deleting the"
                    + " topic (how its docs add tables or repair a history) takes the other connector's history"
                    + " with it" + fix;
        }
        return shared + (claim.source() == null ? "" : " under the same logical name " + Printable.quote(claim.source()))
                + "; on restart each connector would apply the other's DDL as its own and rebuild a wrong schema" + fix;
    }
}
