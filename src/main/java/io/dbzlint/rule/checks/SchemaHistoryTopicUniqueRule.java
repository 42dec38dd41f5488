package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Optional;

public final class SchemaHistoryTopicUniqueRule extends UniquenessRule {

    @Override
    public String id() {
        return "schema-history-topic-unique";
    }

    @Override
    public Optional<Claim> claim(Connector connector, RuleContext context) {
        if (connector.type() != ConnectorType.MYSQL) {
            return Optional.empty();
        }
        return connector.firstEntry(Keys.HISTORY_TOPIC, Keys.HISTORY_TOPIC_1X)
                .filter(entry -> !entry.text().isBlank())
                .map(entry -> new Claim(entry.text().trim(), connector.name(), entry.key(), entry.valueLocation(), entry.key(),
                        connector.firstEntry(Keys.LOGICAL_NAME).map(e -> "schemahistory." + e.text().trim())
                                .orElse("schemahistory.<topic.prefix>")));
    }

    @Override
    protected String message(Claim claim, List<Claim> others, RuleContext context) {
        return "schema history topic \"" + claim.value() + "\" is also used by " + describe(others)
                + "; on restart each connector would replay the other database's DDL: set " + claim.shown()
                + " to a topic of its own, e.g. " + claim.hint();
    }
}
