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

    /** @param suggestion a topic of the connector's own to suggest */
    record HistoryTopic(String topic, String suggestion, Site site) implements Claim {
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
        return connector.firstEntry(Keys.HISTORY_TOPICS)
                .filter(entry -> !entry.text().isBlank() && !entry.hasTemplate())
                .map(entry -> new HistoryTopic(entry.text().trim(),
                        connector.firstEntry(Keys.LOGICAL_NAME).map(e -> "schemahistory." + Printable.cut(e.text().trim(), Printable.MAX_VALUE))
                                .orElse("schemahistory.<topic.prefix>"),
                        Claim.Site.of(connector, entry.key(), entry.valueLocation())));
    }

    @Override
    protected Object sharedValue(HistoryTopic claim) {
        return claim.topic();
    }

    @Override
    protected String message(HistoryTopic claim, List<HistoryTopic> others, RuleContext context) {
        return "schema history topic " + Printable.quote(claim.topic()) + " is also used by " + Claim.describe(others)
                + Claim.sameReference(claim.topic()) + "; on restart each connector would replay the other database's DDL: set "
                + claim.site().configKey() + " to a topic of its own, e.g. " + claim.suggestion();
    }
}
