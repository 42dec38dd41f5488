package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.DatabaseServer;
import io.dbzlint.model.Keys;
import io.dbzlint.model.PostgresDatabase;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.ClaimGroups;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A replication slot's name is unique per PostgreSQL server, across its databases: two connectors
 * of one server with one slot.name (unset means Debezium's "debezium") fail at start, whichever
 * database each reads.
 */
public final class SlotNameUniqueRule extends UniquenessRule<SlotNameUniqueRule.Slot> {

    static final String DEFAULT_SLOT = "debezium";

    /** @param explicit whether slot.name is set, or the default applies */
    record Slot(DatabaseServer server, String name, boolean explicit, Site site) implements Claim {

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
        if (connector.type() != ConnectorType.POSTGRESQL || DatabaseServer.isBlank(connector)) {
            return Optional.empty(); // a blank host is some server of the reader's: shared with nothing known
        }
        Optional<String> slot = connector.value(Keys.SLOT_NAME).map(String::trim);
        if (slot.isPresent() && References.hasTemplate(slot.get())) {
            return Optional.empty(); // filled in per deploy: not comparable
        }
        return Optional.of(new Slot(DatabaseServer.of(connector, PostgresDatabase.DEFAULT_PORT),
                slot.orElse(DEFAULT_SLOT), slot.isPresent(),
                Claim.Site.of(connector, Keys.SLOT_NAME, connector.locationOf(Keys.SLOT_NAME))));
    }

    @Override
    protected Object sharedValue(Slot claim) {
        return new ClaimGroups.Key(claim.server(), claim.name());
    }

    /** A slot belongs to the database server, whichever Kafka Connect cluster runs the connector. */
    @Override
    protected Object scope(Slot claim) {
        return "";
    }

    @Override
    protected String message(Slot claim, List<Slot> others, RuleContext context) {
        return claim.shown() + " on " + claim.server() + " is also the replication slot of "
                + Claim.describe(others) + Claim.sameReference(claim.name()) + ServerIdUniqueRule.on(claim.server())
                + "; a slot name is one per PostgreSQL server, whichever database each reads, and a slot serves one"
                + " connector: give each its own slot.name, e.g. "
                + "debezium_" + claim.site().connector().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
