package io.dbzlint.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The PostgreSQL database a connector reads: what publications belong to. Its server decides
 * where the host name means one machine ({@link DatabaseServer}); an unset port is PostgreSQL's
 * 5432. {@code equals} and {@code hashCode} are written out for start-up (see ClaimGroups.Key).
 */
public record PostgresDatabase(DatabaseServer server, String database) {

    public static final String DEFAULT_PORT = "5432";

    /** The database of a PostgreSQL connector, when its host and database name are set. */
    public static Optional<PostgresDatabase> of(Connector connector) {
        if (connector.type() != ConnectorType.POSTGRESQL) {
            return Optional.empty();
        }
        DatabaseServer server = DatabaseServer.of(connector, DEFAULT_PORT);
        Optional<String> database = connector.value(Keys.DBNAME).map(String::trim);
        if (server.assumed() || database.isEmpty() || References.hasTemplate(database.get())) {
            return Optional.empty(); // a database filled in per deploy cannot be compared
        }
        return Optional.of(new PostgresDatabase(server, database.get()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostgresDatabase that && server.equals(that.server) && database.equals(that.database);
    }

    @Override
    public int hashCode() {
        return 31 * server.hashCode() + database.hashCode();
    }

    @Override
    public String toString() {
        return server + "/" + database;
    }
}
