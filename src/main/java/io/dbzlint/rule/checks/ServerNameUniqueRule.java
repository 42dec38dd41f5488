package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Optional;

/**
 * topic.prefix (2.x+) and database.server.name (1.x) are one namespace: both name the topics a
 * Debezium connector writes.
 */
public final class ServerNameUniqueRule extends UniquenessRule {

    @Override
    public String id() {
        return "server-name-unique";
    }

    @Override
    public Optional<Claim> claim(Connector connector, RuleContext context) {
        if (!connector.isDebezium()) {
            return Optional.empty(); // other connectors' topic.prefix (JDBC source ...) is a mere prefix
        }
        return connector.firstEntry(Keys.LOGICAL_NAME)
                .filter(entry -> !entry.text().isBlank())
                .map(entry -> new Claim(entry.text().trim(), connector.name(), entry.key(), entry.valueLocation(),
                        entry.key(), null));
    }

    @Override
    protected String message(Claim claim, List<Claim> others, RuleContext context) {
        return claim.shown() + " \"" + claim.value() + "\" is also the logical server name of " + describe(others)
                + "; their topics collide: give each connector its own topic.prefix";
    }
}
