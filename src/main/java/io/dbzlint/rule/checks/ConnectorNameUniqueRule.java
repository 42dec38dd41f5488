package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Optional;

public final class ConnectorNameUniqueRule extends UniquenessRule {

    @Override
    public String id() {
        return "connector-name-unique";
    }

    @Override
    public Optional<Claim> claim(Connector connector, RuleContext context) {
        return Optional.of(new Claim(connector.name(), connector.name(), Keys.NAME, connector.nameLocation(),
                connector.name(), null));
    }

    @Override
    protected String message(Claim claim, List<Claim> others, RuleContext context) {
        String plural = others.size() == 1 ? "another config" : others.size() + " other configs";
        return "connector name \"" + claim.value() + "\" is also used by " + plural + " (" + others.stream()
                .map(c -> c.location().toString()).reduce((a, b) -> a + ", " + b).orElse("")
                + "); deploying one replaces the other: give each connector its own name";
    }
}
