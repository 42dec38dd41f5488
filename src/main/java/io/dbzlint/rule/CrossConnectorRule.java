package io.dbzlint.rule;

import io.dbzlint.model.Connector;
import java.util.List;
import java.util.Optional;

/**
 * A rule over all connectors of a run, such as a uniqueness check. It sees each connector once,
 * while that connector's file is being linted (in parallel with other files), and keeps only the
 * small fact it needs, a claim of its own type; connectors are never all held in memory at once.
 * When every file is done, it gets every claim in input order and reports.
 *
 * @param <C> the rule's claim
 */
public non-sealed interface CrossConnectorRule<C extends Claim> extends Rule {

    /** The fact this connector contributes, if any. Must not keep state: it runs in parallel. */
    Optional<C> claim(Connector connector, RuleContext context);

    void finish(List<C> claims, RuleContext context, FindingSink sink);

    /**
     * Pairs of sites where one name stands for two different connectors, which mark the folders
     * that hold alternatives (see {@link Alternatives}); none by default.
     */
    default List<Claim.Site[]> clashes(List<C> claims) {
        return List.of();
    }
}
