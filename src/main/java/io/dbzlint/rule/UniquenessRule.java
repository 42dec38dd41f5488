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

    /**
     * Whether two claims of one value really collide; by default they do. Two connectors of
     * different types may share a logical name without writing one topic.
     */
    protected boolean collide(C claim, C other) {
        return true;
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

    /**
     * Which members of a group are the same connector as no other member, by counting what
     * {@link #sameConnector} compares: their others are the group but themselves, at no cost. The
     * default {@link Claim.Site#sameConnectorAs} meets only connectors that share a name, a source or
     * a variant; a rule that overrides sameConnector or {@link #collide} overrides this too, or answers
     * null (every member compared one by one).
     */
    protected java.util.function.Predicate<C> aloneIn(List<C> group) {
        Copies copies = new Copies(group);
        return claim -> copies.alone(claim.site());
    }

    /**
     * Every member of a group of two or more gets a finding naming the others. Linear in the group
     * for the members that are no copy of another and no alternative (nearly all, and all of a
     * generated fleet): their others are a view of the group; only copies and alternatives are
     * compared one by one, with the group.
     */
    @Override
    public void finish(List<C> claims, RuleContext context, FindingSink sink) {
        Map<Object, java.util.Set<Object>> taken = new java.util.HashMap<>();
        for (C claim : claims) {
            taken.computeIfAbsent(scope(claim), scope -> new java.util.HashSet<>()).add(sharedValue(claim));
        }
        Alternatives alternatives = context.alternatives();
        for (List<C> group : ClaimGroups.sharing(claims, claim -> new ClaimGroups.Key(scope(claim),
                sharedValue(claim)))) {
            boolean mirrored = false;
            for (C claim : group) {
                mirrored |= claim.site().deployment().mirror();
            }
            java.util.function.Predicate<C> alone = mirrored ? null : aloneIn(group);
            Map<C, List<C>> copiesOf = new IdentityHashMap<>();
            List<List<C>> othersOf = new java.util.ArrayList<>(group.size());
            for (int m = 0; m < group.size(); m++) {
                C claim = group.get(m);
                // not involved in alternatives: apart from nothing, and no request makes it a version of another
                othersOf.add(alone != null && alone.test(claim) && !alternatives.involves(claim.site())
                        ? new AllBut<>(group, m) : compared(claim, group, copiesOf, context));
            }
            Map<String, Integer> membersPerFolder = copiesOf.isEmpty() ? Map.of() : membersPerFolder(group);
            boolean mayBeUnsure = alternatives.mayBeUnsure(group);
            boolean listed = false; // the group's full list, on its first finding only
            for (int m = 0; m < group.size(); m++) {
                C claim = group.get(m);
                List<C> others = othersOf.get(m);
                if (!others.isEmpty() && !repeatsItsCopy(m, group, othersOf, copiesOf, membersPerFolder)) {
                    boolean whole = !listed && others.size() > Claim.MAX_RELATED;
                    listed |= whole;
                    boolean unsure = mayBeUnsure && unsure(claim, others, alternatives);
                    (unsure || lesser(claim, others) ? sink.asWarning() : sink).report(claim.site(),
                            message(claim, others, context, taken.get(scope(claim)))
                                    + (unsure ? alternatives.unsureNote(claim.site(), others) : ""),
                            whole ? Claim.allLocations(others) : Claim.locations(others));
                }
            }
        }
    }

    /** Whether every collision of a claim is one the repository leaves in doubt ({@link Alternatives#unsure}). */
    private static <C extends Claim> boolean unsure(C claim, List<C> others, Alternatives alternatives) {
        for (C other : others) {
            if (!alternatives.unsure(claim.site(), other.site())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a member is a copy of another member that stands for their connector, and collides
     * with nothing that one does not: a README's echo of a config, an older version left elsewhere.
     * Each of its collisions is reported at the connector's own config and at the other member;
     * a finding at the copy would say it again. A copy stands for the connector where it shares its
     * folder with more members of the group than the other does (the deployment the connector is
     * in); copies as near the others as each other are each reported.
     */
    private boolean repeatsItsCopy(int index, List<C> group, List<List<C>> othersOf, Map<C, List<C>> copiesOf,
                                   Map<String, Integer> members) {
        C claim = group.get(index);
        List<C> mine = copiesOf.get(claim);
        if (mine == null || mine.size() < 2) {
            return false;
        }
        C stands = claim;
        for (C copy : mine) {
            if (members.get(folderOf(copy)) > members.get(folderOf(stands))) {
                stands = copy;
            }
        }
        if (stands == claim) {
            return false;
        }
        java.util.Set<C> itsOthers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int m = 0; m < group.size(); m++) {
            if (group.get(m) == stands) {
                itsOthers.addAll(othersOf.get(m));
            }
        }
        for (C other : othersOf.get(index)) {
            if (other != stands && !itsOthers.contains(other)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> membersPerFolder(List<? extends Claim> group) {
        Map<String, Integer> members = new java.util.HashMap<>();
        for (Claim member : group) {
            members.merge(folderOf(member), 1, Integer::sum);
        }
        return members;
    }

    private static String folderOf(Claim claim) {
        String path = claim.site().location().input().stablePath();
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** The others of a member that may have copies or alternatives in its group: compared one by one. */
    private List<C> compared(C claim, List<C> group, Map<C, List<C>> copiesOf, RuleContext context) {
        List<C> others = ClaimGroups.othersThan(claim, group);
        List<C> mine = copiesOf(claim, group, copiesOf, context);
        // a copy of a connector is an alternative of what the connector is an alternative of
        others.removeIf(other -> !collide(claim, other) || same(claim, other, context)
                || mine.stream().anyMatch(one -> copiesOf(other, group, copiesOf, context).stream()
                        .anyMatch(theirs -> apart(one, theirs, context))));
        if (others.stream().anyMatch(other -> other.site().deployment().mirror())) {
            namedOnce(others);
        }
        return others;
    }

    private List<C> copiesOf(C claim, List<C> group, Map<C, List<C>> copiesOf, RuleContext context) {
        // a config of the same name in an alternative (another arm of a script, another folder of a
        // collection) is no copy: the name is reused by another scenario, whose alternatives are its own
        return copiesOf.computeIfAbsent(claim, c -> group.stream()
                .filter(other -> other == c || same(c, other, context) && !apart(c, other, context)).toList());
    }

    /** The members of a group but one, as a view: no copy of the group per member. */
    private static final class AllBut<C> extends java.util.AbstractList<C> implements java.util.RandomAccess {
        private final List<C> group;
        private final int left;

        AllBut(List<C> group, int left) {
            this.group = group;
            this.left = left;
        }

        @Override
        public C get(int index) {
            return group.get(index < left ? index : index + 1);
        }

        @Override
        public int size() {
            return group.size() - 1;
        }
    }

    /**
     * How many members of a group share each name, source and variant: what the default
     * {@link Claim.Site#sameConnectorAs} compares. A member that shares none of them is no copy of
     * any other.
     */
    private static final class Copies {
        private final Map<Object, Integer> counts = new java.util.HashMap<>();

        Copies(List<? extends Claim> group) {
            for (Claim claim : group) {
                Claim.Site site = claim.site();
                counts.merge(site.connector(), 1, Integer::sum);
                if (site.who().source() != 0) {
                    counts.merge(site.who().source(), 1, Integer::sum);
                }
                if (site.who().variant() != 0) {
                    counts.merge(new Variant(site.who().variant()), 1, Integer::sum);
                }
            }
        }

        boolean alone(Claim.Site site) {
            return counts.get(site.connector()) == 1
                    && (site.who().source() == 0 || counts.get(site.who().source()) == 1)
                    && (site.who().variant() == 0 || counts.get(new Variant(site.who().variant())) == 1);
        }
    }

    /** A variant fingerprint, apart from source fingerprints of the same number. */
    private static final class Variant {
        private final long value;

        Variant(long value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Variant that && value == that.value;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(value) * 31 + 7;
        }
    }
}
