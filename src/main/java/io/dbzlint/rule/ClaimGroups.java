package io.dbzlint.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Claims that share a value, found in one pass over a hash map, in the order they came. */
public final class ClaimGroups {

    private ClaimGroups() {
    }

    /**
     * Two values grouped as one: a value within a scope (a topic within a stack, a slot on a
     * server, a publication of a database). A class with written-out equals and hashCode, as a
     * record's generated ones link through invokedynamic on their first call, which spins method
     * handle classes that no class-data archive holds: a few milliseconds of every lint's start-up.
     */
    public static final class Key {
        private final Object scope;
        private final Object value;

        public Key(Object scope, Object value) {
            this.scope = scope;
            this.value = value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && scope.equals(that.scope) && value.equals(that.value);
        }

        @Override
        public int hashCode() {
            return 31 * scope.hashCode() + value.hashCode();
        }
    }

    /** Every group of two or more claims with equal {@code sharedValue}. */
    public static <C extends Claim> List<List<C>> sharing(List<C> claims, Function<C, ?> sharedValue) {
        Map<Object, List<C>> byValue = new LinkedHashMap<>();
        for (C claim : claims) {
            byValue.computeIfAbsent(sharedValue.apply(claim), k -> new ArrayList<>(2)).add(claim);
        }
        return byValue.values().stream().filter(group -> group.size() > 1).toList();
    }

    /** The members of a group other than one of them. */
    public static <C extends Claim> List<C> othersThan(C claim, List<C> group) {
        List<C> others = new ArrayList<>(group.size() - 1);
        for (C other : group) {
            if (other != claim) {
                others.add(other);
            }
        }
        return others;
    }
}
