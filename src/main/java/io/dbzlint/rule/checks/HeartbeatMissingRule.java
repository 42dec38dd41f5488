package io.dbzlint.rule.checks;

import io.dbzlint.debezium.FilterLists;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL connector that captures a subset of the database's tables with heartbeats off.
 * Its slot's position moves only when a captured table changes; while they are quiet, PostgreSQL
 * keeps the WAL of every other table's changes for the slot, and the disk fills.
 */
public final class HeartbeatMissingRule implements ConnectorRule {

    private static final List<List<String>> SUBSET = List.of(FilterLists.TABLE_INCLUDE, FilterLists.TABLE_EXCLUDE,
            FilterLists.SCHEMA_INCLUDE, FilterLists.SCHEMA_EXCLUDE);

    @Override
    public String id() {
        return "heartbeat-missing";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() != ConnectorType.POSTGRESQL || !heartbeatsOff(connector)
                || connector.entry("heartbeat.action.query").isPresent()) {
            return; // with a heartbeat query set, heartbeat-query-without-interval says what to set
        }
        Optional<ConfigEntry> filter = SUBSET.stream().flatMap(List::stream).map(connector::entry)
                .flatMap(Optional::stream).filter(entry -> !entry.hasText() || !entry.text().isBlank()).findFirst();
        filter.ifPresent(entry -> sink.report(connector, "heartbeat.interval.ms", entry.keyLocation(), entry.key()
                + " captures a subset of the tables, and heartbeats are off: while the captured tables are quiet,"
                + " the slot's position does not move and PostgreSQL keeps the WAL of all other changes for it;"
                + " set heartbeat.interval.ms, e.g. to 10000"));
    }

    /** True when heartbeat.interval.ms is unset or a literal 0 or less. */
    static boolean heartbeatsOff(Connector connector) {
        Optional<ConfigEntry> interval = connector.entry("heartbeat.interval.ms");
        if (interval.isEmpty()) {
            return true;
        }
        if (!interval.get().isLiteral()) {
            return false;
        }
        try {
            return Long.parseLong(interval.get().text().trim()) <= 0;
        } catch (NumberFormatException e) {
            return false; // config-schema reports it
        }
    }
}
