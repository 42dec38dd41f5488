package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * slot.drop.on.stop=true on a PostgreSQL connector that is not named for a development or test
 * environment: the slot, and with it the WAL position, is dropped at every graceful stop, so the
 * changes made while the connector is down are lost. Debezium's docs reserve it for testing.
 */
public final class SlotDropOnStopRule implements ConnectorRule {

    /** Environment words under which dropping the slot is the point: throwaway databases. */
    private static final Set<String> THROWAWAY = Set.of("dev", "development", "test", "testing", "local", "ci",
            "sandbox", "demo", "e2e", "it");

    @Override
    public String id() {
        return "slot-drop-on-stop";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() != ConnectorType.POSTGRESQL) {
            return;
        }
        Optional<ConfigEntry> drop = connector.entry("slot.drop.on.stop").filter(ConfigEntry::isLiteral)
                .filter(entry -> entry.text().trim().equalsIgnoreCase("true"));
        if (drop.isEmpty()) {
            return;
        }
        Optional<String> name = connector.firstEntry(Keys.LOGICAL_NAME).filter(ConfigEntry::isLiteral)
                .map(entry -> entry.text().trim().toLowerCase(Locale.ROOT));
        if (name.isEmpty()) {
            return; // a reference: the environment is decided at deploy time
        }
        for (String word : name.get().split("[^a-z0-9]+")) {
            if (THROWAWAY.contains(word)) {
                return;
            }
        }
        sink.report(connector, "slot.drop.on.stop", drop.get().valueLocation(), "slot.drop.on.stop is true for \""
                + name.get() + "\", which is not named for a dev or test environment: the slot and its WAL position"
                + " are dropped at every graceful stop, so changes made while the connector is down are lost;"
                + " remove it outside testing");
    }
}
