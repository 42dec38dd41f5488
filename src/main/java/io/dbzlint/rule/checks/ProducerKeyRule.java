package io.dbzlint.rule.checks;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;

/**
 * A Kafka producer setting (max.request.size, compression.type, linger.ms ...) at the top level of
 * a Debezium connector on Kafka Connect: Connect gives the connector's producer only the worker's
 * settings and the connector's producer.override.* keys, so the key is silently ignored.
 */
public final class ProducerKeyRule implements ConnectorRule {

    @Override
    public String id() {
        return "producer-key-at-top-level";
    }

    /** True for a producer key this rule reports, so unknown-property leaves it alone. */
    static boolean applies(Connector connector, String key, Catalog catalog) {
        return connector.type() != ConnectorType.OTHER && !connector.runsOnDebeziumEngine()
                && catalog.isProducerKey(key) && !catalog.properties(connector.type()).containsKey(key);
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        Catalog catalog = context.catalog();
        for (ConfigEntry entry : connector.config().values()) {
            String key = entry.key();
            if (applies(connector, key, catalog)) {
                sink.report(connector, key, entry.keyLocation(), key + " is a Kafka producer setting, which Kafka"
                        + " Connect ignores at the top level of a connector config: use producer.override." + key
                        + " (the worker must allow overrides: connector.client.config.override.policy, All by default from"
                        + " Kafka 3.0 on)");
            }
        }
    }
}
