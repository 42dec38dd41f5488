package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * A MySQL connector records DDL in a schema history. Unless another implementation is chosen,
 * that is Kafka (KafkaSchemaHistory, 1.x KafkaDatabaseHistory), which needs a topic and brokers.
 */
public final class SchemaHistoryTopicMissingRule implements ConnectorRule {

    @Override
    public String id() {
        return "schema-history-topic-missing";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (!connector.type().isMySqlFamily() || !usesKafkaHistory(connector) || connector.isPlatformSource()) {
            return; // a platform's pipeline sets the history store of its sources (PipelineMapper)
        }
        boolean oldNames = Keys.uses1xNames(connector);
        if (blank(connector.firstEntry(Keys.HISTORY_TOPICS).map(e -> e.text()))) {
            String key = oldNames ? Keys.HISTORY_TOPIC_1X : Keys.HISTORY_TOPIC;
            String example = connector.firstEntry(Keys.LOGICAL_NAME)
                    .map(e -> "schemahistory." + Printable.cut(e.text().trim(), Printable.MAX_VALUE))
                    .orElse("schemahistory.<topic.prefix>");
            sink.report(connector, key, connector.location(), connector.type().displayName()
                    + " connector has no schema history topic; set "
                    + key + " to a topic only this connector uses, e.g. " + example);
        }
        if (blank(connector.firstEntry(List.of(Keys.HISTORY_SERVERS, Keys.HISTORY_SERVERS_1X)).map(e -> e.text()))) {
            String key = oldNames ? Keys.HISTORY_SERVERS_1X : Keys.HISTORY_SERVERS;
            sink.report(connector, key, connector.location(), connector.type().displayName()
                    + " connector has no schema history bootstrap servers;"
                    + " set " + key + " to the Kafka brokers, e.g. kafka:9092");
        }
    }

    private static boolean usesKafkaHistory(Connector connector) {
        return connector.firstEntry(List.of(Keys.HISTORY, Keys.HISTORY_1X))
                .map(e -> e.text().trim())
                .map(impl -> impl.isEmpty() || impl.endsWith(".KafkaSchemaHistory")
                        || impl.endsWith(".KafkaDatabaseHistory"))
                .orElse(true);
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }
}
