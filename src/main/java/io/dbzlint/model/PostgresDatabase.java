package io.dbzlint.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The PostgreSQL database a connector reads: what replication slots and publications belong to.
 * Host names compare without case; an unset port is PostgreSQL's 5432. {@code equals} and
 * {@code hashCode} are written out for start-up (see {@link PostgresObject}).
 */
public record PostgresDatabase(String host, String port, String database) {

    public static final String DEFAULT_PORT = "5432";

    /** The database of a PostgreSQL connector, when its host and database name are set. */
    public static Optional<PostgresDatabase> of(Connector connector) {
        if (connector.type() != ConnectorType.POSTGRESQL) {
            return Optional.empty();
        }
        Optional<String> host = connector.value(Keys.HOSTNAME).map(h -> h.trim().toLowerCase(Locale.ROOT));
        Optional<String> database = connector.value(Keys.DBNAME).map(String::trim);
        if (host.isEmpty() || database.isEmpty() || References.hasTemplate(host.get())
                || References.hasTemplate(database.get())) {
            return Optional.empty(); // a database filled in per deploy cannot be compared
        }
        String port = connector.value(Keys.PORT).map(String::trim).orElse(DEFAULT_PORT);
        return Optional.of(new PostgresDatabase(host.get(), port, database.get()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostgresDatabase that && host.equals(that.host) && port.equals(that.port)
                && database.equals(that.database);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * host.hashCode() + port.hashCode()) + database.hashCode();
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + database;
    }
}
