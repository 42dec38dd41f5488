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
 * @param debeziumVersionKnown whether the version is known: set by the user (option, rules file or
 *     project config), or read from the repository for a deployment; when not, it is the newest
 *     release, assumed
 */
public record RuleParameters(long serverIdMin, long serverIdMax, Map<ConnectorType, String> databaseTypes,
                             String serverNamePattern, String environmentPattern, String outboxTopicPattern,
                             DebeziumVersion debeziumVersion, Map<Long, String> reservedServerIds,
                             boolean debeziumVersionKnown) {

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
                outboxTopicPattern, version, reservedServerIds, true);
    }

    /** The same parameters for a target version no one named, inferred from the configs themselves. */
    public RuleParameters assumingDebeziumVersion(DebeziumVersion version) {
        return new RuleParameters(serverIdMin, serverIdMax, databaseTypes, serverNamePattern, environmentPattern,
                outboxTopicPattern, version, reservedServerIds, false);
    }

    public String serverIdRange() {
        return serverIdMin + "-" + serverIdMax;
    }
}
