package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Replication slots belong to one database server and database; unset means Debezium's "debezium". */
public final class SlotNameUniqueRule extends UniquenessRule {

    static final String DEFAULT_SLOT = "debezium";
    static final String DEFAULT_PORT = "5432";

    record Slot(String host, String port, String database, String slot) {
    }

    @Override
    public String id() {
        return "slot-name-unique";
    }

    @Override
    public Optional<Claim> claim(Connector connector, RuleContext context) {
        if (connector.type() != ConnectorType.POSTGRESQL) {
            return Optional.empty();
        }
        Optional<String> host = connector.value(Keys.HOSTNAME).map(h -> h.trim().toLowerCase(Locale.ROOT));
        Optional<String> database = connector.value(Keys.DBNAME).map(String::trim);
        if (host.isEmpty() || database.isEmpty()) {
            return Optional.empty();
        }
        String port = connector.value(Keys.PORT).map(String::trim).orElse(DEFAULT_PORT);
        Optional<String> slot = connector.value(Keys.SLOT_NAME).map(String::trim);
        Slot key = new Slot(host.get(), port, database.get(), slot.orElse(DEFAULT_SLOT));
        String shown = slot.isPresent() ? "slot.name \"" + key.slot() + "\""
                : "slot.name (unset, so Debezium's default \"" + DEFAULT_SLOT + "\")";
        return Optional.of(new Claim(key, connector.name(), Keys.SLOT_NAME, connector.locationOf(Keys.SLOT_NAME), shown,
                suggestion(connector)));
    }

    @Override
    protected String message(Claim claim, List<Claim> others, RuleContext context) {
        Slot slot = (Slot) claim.value();
        return claim.shown() + " on " + slot.host() + ":" + slot.port() + "/" + slot.database()
                + " is also the replication slot of " + describe(others)
                + "; a slot serves one connector: give each its own slot.name, e.g. "
                + claim.hint();
    }

    private static String suggestion(Connector connector) {
        return "debezium_" + connector.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
