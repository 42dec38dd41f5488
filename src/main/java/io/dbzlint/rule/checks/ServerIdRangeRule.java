package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Numbers;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.RuleParameters;
import java.util.Optional;
import java.util.OptionalLong;

public final class ServerIdRangeRule implements ConnectorRule {

    @Override
    public String id() {
        return "server-id-range";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (!connector.type().isMySqlFamily()) {
            return;
        }
        RuleParameters p = context.parameters();
        String pick = "pick a free id in " + p.serverIdRange();
        Optional<ConfigEntry> entry = connector.entry(Keys.SERVER_ID);
        if (entry.isEmpty()) {
            if (!p.houseServerIdRange()) {
                return; // Debezium picks an id itself; only a house range asks for one
            }
            sink.report(connector, Keys.SERVER_ID, connector.location(),
                    connector.type().displayName() + " connector has no database.server.id; " + pick);
            return;
        }
        ConfigEntry id = entry.get();
        if (id.hasReference()) {
            return; // filled in at deploy time: set, but not known now
        }
        OptionalLong value = parse(id);
        if (value.isEmpty()) {
            String shown = id.hasText() ? Printable.quote(id.text()) : id.kind().article();
            String problem = id.hasText() && Numbers.isPlainInteger(id.text())
                    ? " is too large: MySQL server ids go up to 4294967295; " : " is not an integer; ";
            sink.report(connector, Keys.SERVER_ID, id.valueLocation(), "database.server.id " + shown + problem + pick);
        } else if (value.getAsLong() < p.serverIdMin() || value.getAsLong() > p.serverIdMax()) {
            sink.report(connector, Keys.SERVER_ID, id.valueLocation(), "database.server.id " + value.getAsLong()
                    + (p.houseServerIdRange() ? " is outside the range reserved for Debezium connectors; "
                    : " is outside the server ids MySQL takes; ") + pick);
        }
    }

    /** Kafka Connect reads the id as a LONG: 184054 and "184054" are the same id. */
    static OptionalLong parse(ConfigEntry entry) {
        if (!entry.hasText()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(entry.text().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
