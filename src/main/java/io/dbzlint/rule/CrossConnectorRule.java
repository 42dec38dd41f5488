package io.dbzlint.rule;

import io.dbzlint.model.Connector;
import java.util.List;
import java.util.Optional;

/**
 * A rule over all connectors of a run, such as a uniqueness check. It sees each connector once,
 * while that connector's file is being linted (in parallel with other files), and keeps only the
 * small fact it needs, a {@link Claim}; connectors are never all held in memory at once. When
 * every file is done, it gets every claim in input order and reports.
 */
public non-sealed interface CrossConnectorRule extends Rule {

    /** The fact this connector contributes, if any. Must not keep state: it runs in parallel. */
    Optional<Claim> claim(Connector connector, RuleContext context);

    void finish(List<Claim> claims, RuleContext context, FindingSink sink);
}
