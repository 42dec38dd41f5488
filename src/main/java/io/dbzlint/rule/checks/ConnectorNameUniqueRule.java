package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Optional;

public final class ConnectorNameUniqueRule extends UniquenessRule<ConnectorNameUniqueRule.Name> {

    record Name(String name, Site site) implements Claim {
    }

    @Override
    protected boolean sameNameCollides() {
        return true; // the name is what this rule compares
    }

    /** Names are per Kafka Connect cluster: the deployment itself. */
    @Override
    protected Object scope(Name claim) {
        return claim.site().deployment();
    }

    @Override
    public String id() {
        return "connector-name-unique";
    }

    @Override
    public Optional<Name> claim(Connector connector, RuleContext context) {
        return Optional.of(new Name(connector.name(), Claim.Site.of(connector, Keys.NAME, connector.nameLocation())));
    }

    @Override
    protected Object sharedValue(Name claim) {
        return claim.name();
    }

    @Override
    protected String message(Name claim, List<Name> others, RuleContext context) {
        return "connector name " + Printable.quote(claim.name()) + " is also used by " + Claim.describe(others)
                + "; deploying one replaces the other: give each connector its own name";
    }
}
