package io.dbzlint.rule;

import io.dbzlint.model.Connector;

/** A rule that looks at one connector at a time. */
public non-sealed interface ConnectorRule extends Rule {

    void check(Connector connector, RuleContext context, FindingSink sink);
}
