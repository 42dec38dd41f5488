package io.dbzlint.rule;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;

/**
 * What a rule may consult besides the connectors: the house parameters, and what dbzlint knows of
 * Debezium.
 */
public record RuleContext(RuleParameters parameters, Debezium debezium) {

    /** The newest release's catalog: keys, types, renames, SMTs. */
    public Catalog catalog() {
        return debezium.catalog();
    }

    /** The Debezium version the configs are for. */
    public DebeziumVersion target() {
        return parameters.debeziumVersion();
    }
}
