package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.PostgresDatabase;
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

    record Slot(PostgresDatabase database, String slot) {
    }

    @Override
    public String id() {
        return "slot-name-unique";
    }

    @Override
    public Optional<Claim> claim(Connector connector, RuleContext context) {
        return PostgresDatabase.of(connector).map(database -> {
            Optional<String> slot = connector.value(Keys.SLOT_NAME).map(String::trim);
            Slot key = new Slot(database, slot.orElse(DEFAULT_SLOT));
            String shown = slot.isPresent() ? "slot.name \"" + key.slot() + "\""
                    : "slot.name (unset, so Debezium's default \"" + DEFAULT_SLOT + "\")";
            return new Claim(key, connector.name(), Keys.SLOT_NAME, connector.locationOf(Keys.SLOT_NAME), shown,
                    suggestion(connector));
        });
    }

    @Override
    protected String message(Claim claim, List<Claim> others, RuleContext context) {
        Slot slot = (Slot) claim.value();
        return claim.shown() + " on " + slot.database()
                + " is also the replication slot of " + describe(others)
                + "; a slot serves one connector: give each its own slot.name, e.g. "
                + claim.hint();
    }

    private static String suggestion(Connector connector) {
        return "debezium_" + connector.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
