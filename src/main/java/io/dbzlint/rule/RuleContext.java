package io.dbzlint.rule;

/** What a rule may consult besides the connectors: the house parameters. */
public record RuleContext(RuleParameters parameters) {
}
