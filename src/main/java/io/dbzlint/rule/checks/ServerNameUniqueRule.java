package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Optional;

/**
 * topic.prefix (2.x+) and database.server.name (1.x) are one namespace: both name the topics a
 * Debezium connector writes.
 */
public final class ServerNameUniqueRule extends UniquenessRule<ServerNameUniqueRule.LogicalName> {

    record LogicalName(String name, Site site) implements Claim {
    }

    @Override
    public String id() {
        return "server-name-unique";
    }

    @Override
    public Optional<LogicalName> claim(Connector connector, RuleContext context) {
        if (!connector.isDebezium()) {
            return Optional.empty(); // other connectors' topic.prefix (JDBC source ...) is a mere prefix
        }
        return connector.firstEntry(Keys.LOGICAL_NAME)
                .filter(entry -> !entry.text().isBlank() && !References.hasTemplate(entry.text()))
                .map(entry -> new LogicalName(entry.text().trim(),
                        new Claim.Site(connector.name(), entry.key(), entry.valueLocation())));
    }

    @Override
    protected Object sharedValue(LogicalName claim) {
        return claim.name();
    }

    @Override
    protected String message(LogicalName claim, List<LogicalName> others, RuleContext context) {
        return claim.site().configKey() + " " + Printable.quote(claim.name()) + " is also the logical server name of "
                + Claim.describe(others) + Claim.sameReference(claim.name())
                + "; their topics collide: give each connector its own topic.prefix";
    }
}
