package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.DatabaseServer;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.ClaimGroups;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class ServerIdUniqueRule extends UniquenessRule<ServerIdUniqueRule.ServerId> {

    private static final String MYSQL_PORT = "3306";

    /** Which server the connectors share, as the message says it: assumed when no host name can be read. */
    static String on(DatabaseServer server) {
        return server.assumed() ? " (no database.hostname that dbzlint can read, so taken as the same server)" : "";
    }

    /**
     * @param id the id as written: a number, or a config provider reference that resolves to one
     * @param server the MySQL or MariaDB server it joins as a replica: ids are unique per server
     */
    record ServerId(String id, DatabaseServer server, Site site) implements Claim {
    }

    @Override
    public String id() {
        return "server-id-unique";
    }

    @Override
    public Optional<ServerId> claim(Connector connector, RuleContext context) {
        if (!connector.type().isMySqlFamily() || DatabaseServer.isBlank(connector)) {
            return Optional.empty(); // a blank host is some server of the reader's: shared with nothing known
        }
        return connector.entry(Keys.SERVER_ID).flatMap(entry -> {
            // a template or a page's placeholder (MYSQL_SERVER_ID) is no id; a provider reference compares as written
            Optional<String> id = entry.hasReference()
                    ? entry.hasTemplate() ? Optional.empty() : References.comparable(entry.text())
                    : ServerIdRangeRule.parse(entry).stream().mapToObj(String::valueOf).findFirst();
            return id.map(value -> new ServerId(value, DatabaseServer.of(connector, MYSQL_PORT),
                    Claim.Site.of(connector, Keys.SERVER_ID, entry.valueLocation())));
        });
    }

    @Override
    protected Object sharedValue(ServerId claim) {
        return new ClaimGroups.Key(claim.server(), claim.id());
    }

    /** A server id belongs to the database server, whichever Kafka Connect cluster runs the connector. */
    @Override
    protected Object scope(ServerId claim) {
        return "";
    }

    /** Also: an id that a MySQL server or replica uses itself (parameter reservedServerIds). */
    @Override
    public void finish(List<ServerId> claims, RuleContext context, FindingSink sink) {
        super.finish(claims, context, sink);
        Map<Long, String> reserved = context.parameters().reservedServerIds();
        for (ServerId claim : claims) {
            String owner = References.contains(claim.id()) || !claim.id().matches("\\d{1,18}") ? null
                    : reserved.get(Long.parseLong(claim.id()));
            if (owner != null) {
                sink.report(claim.site(), "database.server.id " + claim.id() + " is used by " + owner
                        + "; MySQL disconnects one of them whenever the other connects: pick an id no server or"
                        + " replica uses, in " + context.parameters().serverIdRange(), List.of());
            }
        }
    }

    @Override
    protected String message(ServerId claim, List<ServerId> others, RuleContext context) {
        return "database.server.id " + Printable.cut(claim.id(), Printable.MAX_VALUE) + " is also used by "
                + Claim.describe(others) + Claim.sameReference(claim.id()) + on(claim.server()) + "; MySQL lets one replication client per id connect, so they keep disconnecting each other:"
                + " give each connector its own id in " + context.parameters().serverIdRange();
    }
}
