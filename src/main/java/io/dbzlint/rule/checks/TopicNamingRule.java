package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Optional;

/**
 * Outbox events go to topics per database type. Only transforms listed in {@code transforms} run,
 * so only those are checked; the effective replacement counts, Debezium's default included.
 */
public final class TopicNamingRule implements ConnectorRule {

    static final String EVENT_ROUTER = "io.debezium.transforms.outbox.EventRouter";
    static final String DEFAULT_REPLACEMENT = "outbox.event.${routedByValue}";

    @Override
    public String id() {
        return "topic-naming";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        Optional<String> word = context.parameters().databaseTypeWord(connector.type());
        Optional<String> transforms = connector.value(Keys.TRANSFORMS);
        if (word.isEmpty() || transforms.isEmpty()) {
            return;
        }
        String expected = context.parameters().outboxTopicPattern().replace("{database_type}", word.get());
        for (String raw : transforms.get().split(",")) {
            String name = raw.trim();
            String prefix = "transforms." + name + ".";
            Optional<ConfigEntry> type = connector.entry(prefix + "type");
            if (name.isEmpty() || type.isEmpty() || !EVENT_ROUTER.equals(type.get().text())) {
                continue;
            }
            String key = prefix + "route.topic.replacement";
            Optional<ConfigEntry> replacement = connector.entry(key);
            String effective = replacement.map(ConfigEntry::text).map(String::trim).orElse(DEFAULT_REPLACEMENT);
            if (effective.equals(expected)) {
                continue;
            }
            String what = replacement.isPresent()
                    ? "outbox EventRouter \"" + name + "\" routes to " + effective
                    : "outbox EventRouter \"" + name + "\" routes to Debezium's default " + DEFAULT_REPLACEMENT
                            + " because " + key + " is unset";
            sink.report(connector, key, replacement.orElse(type.get()).valueLocation(),
                    what + ", outside the scheme for " + connector.type().displayName() + " connectors; set "
                            + key + " to " + expected);
        }
    }
}
