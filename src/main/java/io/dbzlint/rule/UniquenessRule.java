package io.dbzlint.rule;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value that must differ between connectors. Every connector in a group of two or more that
 * share the value gets a finding that names the others, so each file involved carries its own
 * annotation.
 *
 * @param <C> the rule's claim
 */
public abstract class UniquenessRule<C extends Claim> implements CrossConnectorRule<C> {

    /** What must differ; compared with equals. */
    protected abstract Object sharedValue(C claim);

    /**
     * Where the value must differ: by default within one Kafka cluster, as topic names must (the
     * deployments of one stack or environment share it). Connector names differ within one Kafka
     * Connect cluster, the deployment itself. A rule about a database server's resource (a server
     * id, a slot) answers "" and puts the server, which knows where its host name holds, into
     * {@link #sharedValue}.
     */
    protected Object scope(C claim) {
        return claim.site().deployment().stack();
    }

    /** The finding text for one claim, given the others that share its value. */
    protected abstract String message(C claim, List<C> others, RuleContext context);

    /**
     * The finding text, for a rule whose advice names a new value: {@code taken} holds every value
     * claimed in the claim's scope, and a message adds the value it suggests, so that no advice
     * leads into another collision (the next member of the group is told another value).
     */
    protected String message(C claim, List<C> others, RuleContext context, java.util.Set<Object> taken) {
        return message(claim, others, context);
    }

    /**
     * Whether another claim is of the same connector, so the two do not collide. By default, a
     * connector of the same name (two configs with one name are one connector written twice, or a
     * clash that connector-name-unique reports once, as what it is), or one that reads the same
     * source alike: a copy under another name, a lesson's repeat, an older version left beside it.
     */
    protected boolean sameConnector(C claim, C other) {
        return claim.site().sameConnectorAs(other.site());
    }

    /** Whether sharing the value costs less than the rule says (a warning then, not an error); by default not. */
    protected boolean lesser(C claim, List<C> others) {
        return false;
    }

    /**
     * Whether two claims are versions of one connector by the requests that apply them: one script
     * or page sends both under one name, one with PUT (see {@link Alternatives#versionsOfOne}).
     */
    protected boolean versionsOfOne(C claim, C other, RuleContext context) {
        return context.alternatives().versionsOfOne(claim.site(), other.site());
    }

    /** One connector: by the rule's own reckoning, or as the requests that apply them say (a PUT of a new version). */
    private boolean same(C claim, C other, RuleContext context) {
        return sameConnector(claim, other) || versionsOfOne(claim, other, context);
    }

    private boolean apart(C claim, C other, RuleContext context) {
        return context.alternatives().apart(claim.site(), other.site());
    }

    /**
     * A live cluster's connector met both in its own deployment and as seen from the repository's
     * is named once. Compared by hand: a record's equals and hashCode link through invokedynamic
     * on their first call, which start-up pays (see ClaimGroups.Key).
     */
    private static <C extends Claim> void namedOnce(List<C> others) {
        for (int i = others.size() - 1; i > 0; i--) {
            io.dbzlint.model.Location at = others.get(i).site().location();
            for (int j = 0; j < i; j++) {
                io.dbzlint.model.Location earlier = others.get(j).site().location();
                if (earlier.line() == at.line() && earlier.column() == at.column() && earlier.input().equals(at.input())) {
                    others.remove(i);
                    break;
                }
            }
        }
    }

    @Override
    public void finish(List<C> claims, RuleContext context, FindingSink sink) {
        Map<Object, java.util.Set<Object>> taken = new java.util.HashMap<>();
        for (C claim : claims) {
            taken.computeIfAbsent(scope(claim), scope -> new java.util.HashSet<>()).add(sharedValue(claim));
        }
        for (List<C> group : ClaimGroups.sharing(claims, claim -> new ClaimGroups.Key(scope(claim),
                sharedValue(claim)))) {
            Map<C, List<C>> copies = new IdentityHashMap<>();
            for (C claim : group) {
                copies.put(claim, group.stream().filter(other -> other == claim || same(claim, other, context))
                        .toList());
            }
            for (C claim : group) {
                List<C> others = ClaimGroups.othersThan(claim, group);
                // a copy of a connector is an alternative of what the connector is an alternative of
                others.removeIf(other -> same(claim, other, context) || copies.get(claim).stream()
                        .anyMatch(mine -> copies.get(other).stream().anyMatch(theirs -> apart(mine, theirs, context))));
                if (others.stream().anyMatch(other -> other.site().deployment().mirror())) {
                    namedOnce(others);
                }
                if (!others.isEmpty()) {
                    (lesser(claim, others) ? sink.asWarning() : sink).report(claim.site(),
                            message(claim, others, context, taken.get(scope(claim))), Claim.locations(others));
                }
            }
        }
    }
}
