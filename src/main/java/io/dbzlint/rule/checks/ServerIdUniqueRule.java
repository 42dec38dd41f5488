package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class ServerIdUniqueRule extends UniquenessRule {

    @Override
    public String id() {
        return "server-id-unique";
    }

    @Override
    public Optional<Claim> claim(Connector connector, RuleContext context) {
        if (connector.type() != ConnectorType.MYSQL) {
            return Optional.empty();
        }
        return connector.entry(Keys.SERVER_ID).flatMap(entry -> {
            var id = ServerIdRangeRule.parse(entry);
            return id.isPresent()
                    ? Optional.of(new Claim(id.getAsLong(), connector.name(), Keys.SERVER_ID, entry.valueLocation(),
                            entry.text().trim(), null))
                    : Optional.empty();
        });
    }

    /** Also: an id that a MySQL server or replica uses itself (parameter reservedServerIds). */
    @Override
    public void finish(List<Claim> claims, RuleContext context, FindingSink sink) {
        super.finish(claims, context, sink);
        Map<Long, String> reserved = context.parameters().reservedServerIds();
        for (Claim claim : claims) {
            String owner = reserved.get((Long) claim.value());
            if (owner != null) {
                sink.report(claim.location(), claim.connector(), claim.configKey(), "database.server.id "
                        + claim.value() + " is used by " + owner + "; MySQL disconnects one of them whenever the"
                        + " other connects: pick an id no server or replica uses, in "
                        + context.parameters().serverIdRange(), List.of());
            }
        }
    }

    @Override
    protected String message(Claim claim, List<Claim> others, RuleContext context) {
        return "database.server.id " + claim.value() + " is also used by " + describe(others)
                + "; MySQL lets one replication client per id connect, so they keep disconnecting each other:"
                + " give each connector its own id in " + context.parameters().serverIdRange();
    }
}
