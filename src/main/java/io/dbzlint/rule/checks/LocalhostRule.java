package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * database.hostname naming the loopback address on Kafka Connect: the connector runs in a Connect
 * worker, usually a container or a pod, where localhost is that container and not the database.
 * Debezium Server and the embedded engine run where they are started, so they are left alone.
 */
public final class LocalhostRule implements ConnectorRule {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]",
            "localhost.localdomain");

    @Override
    public String id() {
        return "hostname-localhost";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.runsOnDebeziumEngine()) {
            return;
        }
        Optional<ConfigEntry> hostname = connector.entry("database.hostname").filter(ConfigEntry::isLiteral);
        if (hostname.isEmpty()) {
            return;
        }
        String value = hostname.get().text().trim().toLowerCase(Locale.ROOT);
        if (LOOPBACK.contains(value) || value.startsWith("127.")) {
            sink.report(connector, "database.hostname", hostname.get().valueLocation(), "database.hostname "
                    + Printable.quote(hostname.get().text().trim()) + " is the Kafka Connect worker itself, not the"
                    + " database (inside a container, the container): use the database's host or service name, unless the"
                    + " worker shares the host's network");
        }
    }
}
