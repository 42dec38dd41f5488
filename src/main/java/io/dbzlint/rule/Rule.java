package io.dbzlint.rule;

/**
 * A check with a stable public id. Its severity, summary, rationale and fix are data in
 * {@code rules/rules.json}, looked up by this id.
 */
public sealed interface Rule permits ConnectorRule, CrossConnectorRule, FileRule, DatabaseCheck {

    String id();

    /**
     * Whether the rule can give a finding a fix that {@code --fix} applies. Shown in {@code rules
     * --format json}, the docs and {@code --statistics}; RuleFixabilityTest holds every rule to it
     * both ways over the fixtures and examples.
     */
    default boolean fixable() {
        return false;
    }
}
