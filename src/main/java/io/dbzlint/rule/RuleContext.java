package io.dbzlint.rule;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;

/**
 * What a rule may consult besides the connectors: the house parameters, and what dbzlint knows of
 * Debezium.
 */
public record RuleContext(RuleParameters parameters, Debezium debezium, Alternatives alternatives) {

    public RuleContext(RuleParameters parameters, Debezium debezium) {
        this(parameters, debezium, Alternatives.NONE);
    }

    /** The same context, knowing which folders hold alternatives of one another (for cross-connector rules). */
    public RuleContext with(Alternatives found) {
        return new RuleContext(parameters, debezium, found);
    }

    /** The newest release's catalog: keys, types, renames, SMTs. */
    public Catalog catalog() {
        return debezium.catalog();
    }

    /** The Debezium version the configs are for. */
    public DebeziumVersion target() {
        return parameters.debeziumVersion();
    }

    private static final java.util.List<String> LOGICAL_NAME_1X = java.util.List.of(
            io.dbzlint.model.Keys.SERVER_NAME_1X, io.dbzlint.model.Keys.TOPIC_PREFIX);

    /**
     * The keys a connector's logical name is read from, the one the target release reads first:
     * database.server.name before 2.0 (which ignores topic.prefix), topic.prefix from 2.0 on (and,
     * where a 2.x connector still has database.server.name alone, the name it means to have).
     */
    public java.util.List<String> logicalNameKeys() {
        return target().major() < 2 ? LOGICAL_NAME_1X : io.dbzlint.model.Keys.LOGICAL_NAME;
    }

    /**
     * Whether the release known to run refuses a connector when it is created, so that it never
     * runs beside another: a Debezium source connector without topic.prefix, which every release
     * from 2.0 on requires (CommonConnectorConfig.TOPIC_PREFIX is required).
     */
    public boolean refusesAtCreation(io.dbzlint.model.Connector connector) {
        if (!parameters.debeziumVersionKnown() || target().major() < 2
                || connector.entry(io.dbzlint.model.Keys.TOPIC_PREFIX).isPresent()) {
            return false;
        }
        String connectorClass = connector.value(io.dbzlint.model.Keys.CONNECTOR_CLASS).map(String::trim).orElse("");
        return connectorClass.startsWith("io.debezium.connector.") && !connectorClass.endsWith("SinkConnector");
    }

    /**
     * Where a rule reports what holds only from some release on (a key or value a release no longer
     * reads): an error when the release is known; when neither the user nor the repository says
     * which release runs, a warning that says the newest was assumed, since the configs may well
     * be written for the release they run.
     */
    public FindingSink releaseBound(FindingSink sink) {
        if (parameters.debeziumVersionKnown()) {
            return sink.asError();
        }
        String assumed = " (" + parameters.debeziumVersionAssumed() + ": " + target() + " assumed"
                + "; name it with --debezium-version or the debeziumVersion parameter)";
        FindingSink warning = sink.asWarning();
        return (location, connector, key, message, related, fix) ->
                warning.report(location, connector, key, message + assumed, related, fix);
    }
}
