package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.PostgresDatabase;
import io.dbzlint.model.PostgresObject;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Replication slots belong to one database server and database; unset means Debezium's "debezium". */
public final class SlotNameUniqueRule extends UniquenessRule<SlotNameUniqueRule.Slot> {

    static final String DEFAULT_SLOT = "debezium";

    /** @param explicit whether slot.name is set, or the default applies */
    record Slot(PostgresDatabase database, String name, boolean explicit, Site site) implements Claim {

        String shown() {
            return explicit ? "slot.name " + Printable.quote(name)
                    : "slot.name (unset, so Debezium's default \"" + DEFAULT_SLOT + "\")";
        }
    }

    @Override
    public String id() {
        return "slot-name-unique";
    }

    @Override
    public Optional<Slot> claim(Connector connector, RuleContext context) {
        return PostgresDatabase.of(connector).map(database -> {
            Optional<String> slot = connector.value(Keys.SLOT_NAME).map(String::trim);
            if (slot.isPresent() && References.hasTemplate(slot.get())) {
                return null; // filled in per deploy: not comparable
            }
            return new Slot(database, slot.orElse(DEFAULT_SLOT), slot.isPresent(),
                    new Claim.Site(connector.name(), Keys.SLOT_NAME, connector.locationOf(Keys.SLOT_NAME)));
        });
    }

    @Override
    protected Object sharedValue(Slot claim) {
        return new PostgresObject(claim.database(), claim.name());
    }

    @Override
    protected String message(Slot claim, List<Slot> others, RuleContext context) {
        return claim.shown() + " on " + claim.database() + " is also the replication slot of "
                + Claim.describe(others) + Claim.sameReference(claim.name()) + "; a slot serves one connector: give each its own slot.name, e.g. "
                + "debezium_" + claim.site().connector().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
