package io.dbzlint.rule;

/**
 * A check with a stable public id. Its severity, summary, rationale and fix are data in
 * {@code rules/rules.json}, looked up by this id.
 */
public sealed interface Rule permits ConnectorRule, CrossConnectorRule, FileRule, DatabaseCheck {

    String id();
}
