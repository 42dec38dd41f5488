package io.dbzlint.rule;

import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.model.ConnectorType;
import java.util.Map;
import java.util.Optional;

/**
 * The house conventions the rules check against, from {@code parameters} in the rules data.
 *
 * @param databaseTypes the word for each connector type in names and topics ({@code postgres} for
 *     PostgreSQL)
 * @param serverNamePattern template for logical server names, with {@code {database_type}} and
 *     {@code {environment}} placeholders
 * @param environmentPattern the regular expression an {@code {environment}} part must match
 * @param outboxTopicPattern the topic an outbox EventRouter must route to, with a
 *     {@code {database_type}} placeholder
 * @param debeziumVersion the Debezium version the configs are for: it decides which keys are
 *     current, deprecated or gone
 * @param reservedServerIds server ids taken by MySQL servers and replicas themselves, with who has them
 * @param debeziumVersionAssumed why the version is assumed, as a message says it ("no Debezium
 *     release is named in the repository"), or null when it is known: set by the user (option, rules
 *     file or project config), or read from the repository for a deployment
 */
public record RuleParameters(long serverIdMin, long serverIdMax, Map<ConnectorType, String> databaseTypes,
                             String serverNamePattern, String environmentPattern, String outboxTopicPattern,
                             DebeziumVersion debeziumVersion, Map<Long, String> reservedServerIds,
                             String debeziumVersionAssumed) {

    /** Why the newest release is assumed where nothing says otherwise. */
    public static final String NO_RELEASE_NAMED = "no Debezium release is named in the repository";

    public RuleParameters {
        databaseTypes = Map.copyOf(databaseTypes);
        reservedServerIds = Map.copyOf(reservedServerIds);
    }

    public Optional<String> databaseTypeWord(ConnectorType type) {
        return Optional.ofNullable(databaseTypes.get(type));
    }

    /** The same parameters for another target version, read from the repository. */
    public RuleParameters withDebeziumVersion(DebeziumVersion version) {
        return new RuleParameters(serverIdMin, serverIdMax, databaseTypes, serverNamePattern, environmentPattern,
                outboxTopicPattern, version, reservedServerIds, null);
    }

    /** Whether the user or the repository says which release the configs are for. */
    public boolean debeziumVersionKnown() {
        return debeziumVersionAssumed == null;
    }

    /** The same parameters for a target version no one named, and why it was taken. */
    public RuleParameters assumingDebeziumVersion(DebeziumVersion version, String why) {
        return new RuleParameters(serverIdMin, serverIdMax, databaseTypes, serverNamePattern, environmentPattern,
                outboxTopicPattern, version, reservedServerIds, why);
    }

    /** Whether the range is a house's choice, narrower than the ids MySQL takes (1-4294967295). */
    public boolean houseServerIdRange() {
        return serverIdMin > 1 || serverIdMax < 4_294_967_295L;
    }

    public String serverIdRange() {
        return serverIdMin + "-" + serverIdMax;
    }
}
