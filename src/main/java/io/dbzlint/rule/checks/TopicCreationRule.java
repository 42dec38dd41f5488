package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * topic.creation.* keys without the default group's replication factor and partitions. As soon
 * as a connector sets any topic.creation. key, Kafka Connect (with the worker's
 * topic.creation.enable, true by default) reads the default group, whose two keys have no
 * default: the connector fails with "Missing required configuration".
 */
public final class TopicCreationRule implements ConnectorRule {

    private static final String PREFIX = "topic.creation.";
    private static final List<String> REQUIRED = List.of("topic.creation.default.replication.factor",
            "topic.creation.default.partitions");

    @Override
    public String id() {
        return "topic-creation-default";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.runsOnDebeziumEngine() || connector.type() == ConnectorType.OTHER) {
            return; // topic creation is Kafka Connect's, for source connectors; Debezium Server does not read it
        }
        Optional<ConfigEntry> first = connector.config().values().stream()
                .filter(entry -> entry.key().startsWith(PREFIX)).findFirst();
        if (first.isEmpty()) {
            return;
        }
        List<String> missing = REQUIRED.stream().filter(key -> connector.entry(key).isEmpty()).toList();
        if (!missing.isEmpty()) {
            sink.report(connector, missing.get(0), first.get().keyLocation(), first.get().key() + " turns on topic"
                    + " creation for this connector, and Kafka Connect (topic.creation.enable, true by default on the"
                    + " worker) then requires " + String.join(" and ", missing)
                    + ", which have no default: the connector fails to start; set "
                    + (missing.size() == 2 ? "both" : "it") + " (-1 takes the broker's default)");
        }
    }
}
