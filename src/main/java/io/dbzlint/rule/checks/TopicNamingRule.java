package io.dbzlint.rule.checks;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Fix;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Map;
import java.util.Optional;

/**
 * Outbox events go to topics per database type. Only transforms listed in {@code transforms} run,
 * so only those are checked; the effective replacement counts, Debezium's default included.
 */
public final class TopicNamingRule implements ConnectorRule {

    static final String DEFAULT_REPLACEMENT = "outbox.event.${routedByValue}";

    @Override
    public String id() {
        return "topic-naming";
    }

    /** Fixable: the route.topic.replacement is set to the house topic. */
    @Override
    public boolean fixable() {
        return true;
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        Optional<String> word = context.parameters().databaseTypeWord(connector.type());
        if (word.isEmpty()) {
            return;
        }
        String expected = context.parameters().outboxTopicPattern().replace("{database_type}", word.get());
        for (Map.Entry<String, String> transform : CatalogLookup.transforms(connector).entrySet()) {
            if (!transform.getValue().equals(Catalog.EVENT_ROUTER)) {
                continue;
            }
            String name = transform.getKey();
            String prefix = "transforms." + name + ".";
            ConfigEntry type = connector.config().get(prefix + "type");
            String key = prefix + "route.topic.replacement";
            Optional<ConfigEntry> replacement = connector.entry(key);
            if (replacement.isPresent() && replacement.get().hasReference()) {
                continue; // filled in at deploy time
            }
            // Debezium Server's config (SmallRye) hands $${x} to the connector as ${x}: an escape, kept when fixed
            String escape = connector.runsOnDebeziumServer() ? replacement.map(ConfigEntry::text)
                    .filter(text -> text.contains("$${")).map(text -> "$${").orElse(null) : null;
            String effective = replacement.map(ConfigEntry::text).map(String::trim)
                    .map(text -> escape == null ? text : text.replace(escape, "${")).orElse(DEFAULT_REPLACEMENT);
            String written = escape == null ? expected : expected.replace("${", escape);
            if (effective.equals(expected)) {
                continue;
            }
            String what = replacement.isPresent()
                    ? "outbox EventRouter " + Printable.quote(name) + " routes to " + Printable.cut(effective, Printable.MAX_VALUE)
                    : "outbox EventRouter " + Printable.quote(name) + " routes to Debezium's default "
                            + DEFAULT_REPLACEMENT + " because " + key + " is unset";
            // a set replacement is fixed in place; an unset one needs a new key, which is left to a human
            sink.report(connector, key, replacement.orElse(type).valueLocation(),
                    what + ", outside the scheme for " + connector.type().displayName() + " connectors; set "
                            + key + " to " + written,
                    replacement.flatMap(entry -> Fix.replaceValue(entry.valueLocation(), entry.text(), written)));
        }
    }
}
