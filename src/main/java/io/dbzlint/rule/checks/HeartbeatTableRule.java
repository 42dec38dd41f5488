package io.dbzlint.rule.checks;

import io.dbzlint.debezium.FilterLists;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heartbeat query writing to a table the connector does not capture, with a filtered
 * publication: Debezium creates the publication for the captured tables only, so the heartbeat
 * table's changes never reach it, and the query cannot move the slot's position as meant.
 */
public final class HeartbeatTableRule implements ConnectorRule {

    private static final String IDENTIFIER = "(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern TARGET = Pattern.compile("(?i)\\b(?:insert\\s+into|update)\\s+(" + IDENTIFIER
            + ")(?:\\s*\\.\\s*(" + IDENTIFIER + "))?");

    @Override
    public String id() {
        return "heartbeat-table-not-captured";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() != ConnectorType.POSTGRESQL || HeartbeatMissingRule.heartbeatsOff(connector)) {
            return;
        }
        boolean filtered = connector.literal("publication.autocreate.mode")
                .filter(mode -> mode.trim().equalsIgnoreCase("filtered")).isPresent();
        Optional<ConfigEntry> query = connector.entry("heartbeat.action.query").filter(ConfigEntry::isLiteral);
        if (!filtered || query.isEmpty()) {
            return;
        }
        Matcher target = TARGET.matcher(query.get().text());
        if (!target.find()) {
            return;
        }
        // an unqualified name resolves through the search path, public by default
        String schema = target.group(2) == null ? "public" : name(target.group(1));
        String table = name(target.group(2) == null ? target.group(1) : target.group(2));
        if (FilterLists.captures(connector, schema, table).equals(Optional.of(false))) {
            sink.report(connector, "heartbeat.action.query", query.get().valueLocation(), "the heartbeat query writes"
                    + " to " + schema + "." + table + ", which the connector does not capture: with"
                    + " publication.autocreate.mode=filtered the publication holds only captured tables, so these"
                    + " writes never reach Debezium and the slot's position does not move; add "
                    + Printable.quote(schema + "." + table) + " to table.include.list");
        }
    }

    /** An identifier as PostgreSQL reads it: quoted as written, unquoted folded to lower case. */
    private static String name(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1)
                : identifier.toLowerCase(Locale.ROOT);
    }
}
