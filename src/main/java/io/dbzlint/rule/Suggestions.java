package io.dbzlint.rule;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...": the nearest of some names by edit distance, if it is near enough. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The nearest candidate, if its distance is at most a third of the name's length (and at least 1). */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(4, name.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - name.length()) > limit) {
                continue;
            }
            int distance = distanceAtMost(name, candidate, Math.min(limit, bestDistance));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * True when {@code nearest} is the one candidate at the least edit distance from the name: a
     * fix may then rename to it. A prefix match that is not within the distance is not a typo.
     */
    public static boolean isOnlyNearest(String name, String nearest, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(4, name.length() / 3));
        int distance = distanceAtMost(name, nearest, limit);
        if (distance > limit) {
            return false;
        }
        for (String candidate : candidates) {
            if (!candidate.equals(nearest) && distanceAtMost(name, candidate, distance) <= distance) {
                return false;
            }
        }
        return true;
    }

    /**
     * Levenshtein distance if it is at most {@code max}, else {@code max + 1}: only the diagonal band
     * of width 2·max+1 is computed, and a row whose cells all exceed max ends it. Linting a file
     * of 100,000 unknown keys asks this millions of times.
     */
    static int distanceAtMost(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int big = max + 1;
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j <= max ? j : big;
        }
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(b.length(), i + max);
            current[0] = i <= max ? i : big;
            if (from > 1) {
                current[from - 1] = big;
            }
            int rowMin = current[0];
            for (int j = from; j <= to; j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                int value = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
                current[j] = Math.min(value, big);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (to < b.length()) {
                current[to + 1] = big;
            }
            if (rowMin > max) {
                return big;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], big);
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
