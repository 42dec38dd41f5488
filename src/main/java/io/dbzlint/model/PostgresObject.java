package io.dbzlint.model;

import java.util.Objects;

/**
 * A named object of one PostgreSQL database, such as a replication slot or a publication: two
 * connectors clash when they name the same one.
 *
 * <p>{@code equals} and {@code hashCode} are written out, as in {@link PostgresDatabase}: a
 * record's generated ones link through invokedynamic on their first call, which spins method
 * handle classes that no class-data archive holds, a few milliseconds of every lint's start-up.
 */
public record PostgresObject(PostgresDatabase database, String name) {

    @Override
    public boolean equals(Object other) {
        return other instanceof PostgresObject that && database.equals(that.database) && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return 31 * database.hashCode() + name.hashCode();
    }

    @Override
    public String toString() {
        return name + " on " + database;
    }
}
