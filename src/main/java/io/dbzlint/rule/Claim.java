package io.dbzlint.rule;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import java.util.List;
import java.util.Set;

/**
 * What one connector contributes to a cross-connector rule. Each such rule has its own claim
 * type, a record holding the value it compares (a server id, a topic, a slot) and its {@link Site}.
 */
public interface Claim {

    Site site();

    /**
     * Who a connector is, as every claim of it needs to know: worked out once per connector and shared
     * by its claims (five or more of them), as a fleet of 100,000 configs keeps them all until the end.
     *
     * @param connector the connector's name
     * @param deployment where the connector runs
     * @param source what the connector reads ({@link Connector#sourceIdentity()}), 0 when unknown
     * @param variant its database and logical name ({@link Connector#variantIdentity()}), 0 when unknown
     * @param capture what it captures ({@link Connector#capture()}), null for everything or unknown
     */
    record Who(String connector, Deployment deployment, long source, long variant, Set<String> capture) {

        /** The last connector asked about on this thread and who it is: a connector is linted on one thread. */
        private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

        static Who of(Connector connector) {
            Object[] last = LAST.get();
            if (last[0] != connector) {
                java.util.Set<String> capture = connector.capture();
                last[1] = new Who(connector.name(), connector.deployment(), connector.sourceIdentity(),
                        connector.variantIdentity(), capture == null ? null : Set.copyOf(capture));
                last[0] = connector;
            }
            return (Who) last[1];
        }
    }

    /**
     * Who made a claim and where.
     *
     * @param configKey the config key the value came from (set, or the one that is unset)
     * @param location where the value was written, or the config when the key is unset
     * @param who the connector, shared by its claims
     */
    record Site(String configKey, Location location, Who who) {

        /** The site of a connector's claim on a key's value. */
        public static Site of(Connector connector, String configKey, Location location) {
            return new Site(configKey, location, Who.of(connector));
        }

        /** The connector's name. */
        public String connector() {
            return who.connector();
        }

        /** Where the connector runs. */
        public Deployment deployment() {
            return who.deployment();
        }

        /**
         * Whether two claims are of one connector written twice: one name, one source read alike, or
         * one database and logical name over overlapping tables, whose topics are the same (a version
         * with another converter or a narrower table list). A connector a live cluster runs is the
         * same as a file's only under its name.
         */
        public boolean sameConnectorAs(Site other) {
            Who one = who;
            Who two = other.who;
            if (one == two) {
                return true;
            }
            if (one.deployment().mirror() || two.deployment().mirror()) {
                // on a live cluster, another name is another connector, running beside it
                return one.connector().equals(two.connector());
            }
            return one.connector().equals(two.connector()) || one.source() != 0 && one.source() == two.source()
                    || one.variant() != 0 && one.variant() == two.variant()
                    && Connector.overlaps(one.capture(), two.capture());
        }

        /** How a message names another connector of a group: {@code connector "a" (a.json:3:5)}. */
        public String describe() {
            return "connector " + Printable.quote(who.connector()) + " (" + location + ")";
        }
    }

    /**
     * How many others a message names, and a finding relates: each member of a group gets its own
     * finding, so naming every other would make the output grow as the square of the group.
     */
    int MAX_NAMED = 5;
    int MAX_RELATED = io.dbzlint.result.Finding.MAX_RELATED;

    /** "connector "a" (a.json:3:5)", "... and connector "b" (b.json:4:7)": every message's list of the others. */
    static String describe(List<? extends Claim> others) {
        List<String> parts = others.stream().limit(MAX_NAMED).map(claim -> claim.site().describe()).toList();
        if (others.size() > MAX_NAMED) {
            return String.join(", ", parts) + " and " + (others.size() - MAX_NAMED) + " more connectors";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * For a value that holds a config provider reference, why two equal ones collide: they are
     * resolved from the same place. Empty for a literal value.
     */
    static String sameReference(String value) {
        return References.contains(value) ? " (the same config provider reference gives each the same value)" : "";
    }

    /** The locations of the others, for a finding's related locations. */
    static List<Location> locations(List<? extends Claim> others) {
        return others.stream().limit(MAX_RELATED).map(claim -> claim.site().location()).toList();
    }

    /** The locations of all the others: for the one finding of a group that lists it whole. */
    static List<Location> allLocations(List<? extends Claim> others) {
        return others.stream().map(claim -> claim.site().location()).toList();
    }
}
