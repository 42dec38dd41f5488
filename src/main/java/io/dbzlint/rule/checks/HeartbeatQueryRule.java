package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Optional;

/**
 * heartbeat.action.query with heartbeats off: Debezium runs the query on each heartbeat, and with
 * heartbeat.interval.ms unset or 0 (the default) there is none, so the query never runs.
 */
public final class HeartbeatQueryRule implements ConnectorRule {

    @Override
    public String id() {
        return "heartbeat-query-without-interval";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        Optional<ConfigEntry> query = connector.entry("heartbeat.action.query")
                .filter(entry -> entry.hasText() && !entry.text().isBlank());
        if (query.isEmpty()) {
            return;
        }
        Optional<ConfigEntry> interval = connector.entry("heartbeat.interval.ms");
        if (interval.isPresent() && !interval.get().isLiteral()) {
            return; // unset text or a reference: known at deploy time
        }
        boolean off;
        try {
            off = interval.isEmpty() || Long.parseLong(interval.get().text().trim()) <= 0;
        } catch (NumberFormatException e) {
            return; // not a number: config-schema reports it
        }
        if (off) {
            sink.report(connector, "heartbeat.action.query", query.get().keyLocation(), "heartbeat.action.query never"
                    + " runs: Debezium runs it on each heartbeat, and heartbeat.interval.ms is "
                    + (interval.isEmpty() ? "unset (0, no heartbeats)" : "0 (no heartbeats)")
                    + "; set heartbeat.interval.ms, e.g. to 10000");
        }
    }
}
