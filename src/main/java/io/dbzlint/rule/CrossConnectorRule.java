package io.dbzlint.rule;

import io.dbzlint.model.Connector;

/**
 * A rule over all connectors of a run, such as a uniqueness check. The rule itself is stateless;
 * each run gets a fresh {@link Check} that is fed every connector once, then finished.
 */
public non-sealed interface CrossConnectorRule extends Rule {

    Check start(RuleContext context);

    interface Check {
        void add(Connector connector);

        void finish(FindingSink sink);
    }
}
