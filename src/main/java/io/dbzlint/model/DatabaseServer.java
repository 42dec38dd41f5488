package io.dbzlint.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A database server as a connector names it, the resource that MySQL server ids and PostgreSQL
 * replication slots belong to. A host name without a domain (a compose service such as
 * {@code mysql}, {@code localhost}) means a machine only within its own stack's network, so two
 * compose projects' {@code postgres} are two servers; a fully qualified name or an address means one
 * machine from everywhere. {@code equals} and {@code hashCode} are written out for start-up.
 *
 * @param scope the stack whose network the host name is resolved in, or "" for a name that
 *     means one machine everywhere
 * @param host the host name in lower case, or null when it is unset or filled in at deploy time
 * @param port the port, or the database's default when unset
 */
public record DatabaseServer(String scope, String host, String port) {

    /** The server a connector reads, by its database.hostname and database.port. */
    public static DatabaseServer of(Connector connector, String defaultPort) {
        Optional<String> host = connector.literal(Keys.HOSTNAME).map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty() && !References.hasTemplate(h));
        String port = connector.literal(Keys.PORT).map(String::trim).filter(p -> !p.isEmpty()).orElse(defaultPort);
        if (host.isEmpty()) {
            return new DatabaseServer(connector.deployment().stack(), null, port);
        }
        String scope = isLocalName(host.get()) || isPageExample(connector) ? connector.deployment().stack() : "";
        return new DatabaseServer(scope, host.get(), port);
    }

    /**
     * Whether a connector is an example on a documentation page, which stands alone: its address
     * (the docs' 192.168.99.100) is the reader's server, not one that another page's example reads
     * too. Unless the project config puts the page in a deployment.
     */
    private static boolean isPageExample(Connector connector) {
        InputFormat format = connector.location().input().format();
        return (format == InputFormat.MARKDOWN || format == InputFormat.ASCIIDOC) && !connector.deployment().declared();
    }

    /**
     * Whether the connector's host is a blank for the reader ({@code <your_database_ip>},
     * {@code your-host}): some server of the reader's, not known, and not the one of its stack a
     * template filled in at deploy time ({@code ${POSTGRES_HOST}}) most likely names.
     */
    public static boolean isBlank(Connector connector) {
        return connector.entry(Keys.HOSTNAME).filter(ConfigEntry::hasText).map(entry -> entry.hasPlaceholder()
                || entry.text().trim().startsWith("<") && entry.text().trim().endsWith(">")).orElse(false);
    }

    /** A name that means a machine only within one network: no domain, loopback, or the container host. */
    static boolean isLocalName(String host) {
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")
                || host.equals("host.docker.internal") || host.equals("host.containers.internal")) {
            return true;
        }
        return host.indexOf('.') < 0 && host.indexOf(':') < 0;
    }

    /** True when the connector names no host dbzlint can read: it is taken as its deployment's one server. */
    public boolean assumed() {
        return host == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseServer that && scope.equals(that.scope) && port.equals(that.port)
                && (host == null ? that.host == null : host.equals(that.host));
    }

    @Override
    public int hashCode() {
        return 31 * (31 * scope.hashCode() + (host == null ? 0 : host.hashCode())) + port.hashCode();
    }

    @Override
    public String toString() {
        return (host == null ? "the database server" : host + ":" + port);
    }
}
