package io.dbzlint.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** "Did you mean ...": the nearest of some names by edit distance, if it is near enough. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The nearest candidate, if its distance is at most a third of the name's length (and at least 1). */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        List<String> nearest = allNearest(name, candidates);
        return nearest.isEmpty() ? Optional.empty() : Optional.of(nearest.get(0));
    }

    /**
     * Every candidate at the least distance from the name, if that is at most a third of the name's
     * length (and at least 1), in the candidates' order: one alone may be offered as a fix, two or
     * more (table.ixclude.list: include or exclude) are for a human to choose between.
     */
    public static List<String> allNearest(String name, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(4, name.length() / 3));
        List<String> best = new ArrayList<>(1);
        int bestDistance = limit;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - name.length()) > bestDistance) {
                continue;
            }
            int distance = distanceAtMost(name, candidate, bestDistance);
            if (distance > bestDistance) {
                continue;
            }
            if (distance < bestDistance) {
                best.clear();
                bestDistance = distance;
            }
            best.add(candidate);
        }
        return best;
    }

    /** "a", "a or b", "a, b or c": the names a did-you-mean offers. */
    public static String either(List<String> names) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /**
     * The distance if it is at most {@code max}, else {@code max + 1}: only the diagonal band of
     * width 2·max+1 is computed, and a row whose cells all exceed max ends it (a transposition
     * reaches back two rows, but a row is at most one more than the row before it). Linting a file
     * of 100,000 unknown keys asks this millions of times.
     */
    static int distanceAtMost(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int big = max + 1;
        int[] twoBack = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j <= max ? j : big;
        }
        java.util.Arrays.fill(twoBack, big);
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(b.length(), i + max);
            current[0] = i <= max ? i : big;
            if (from > 1) {
                current[from - 1] = big;
            }
            int rowMin = current[0];
            for (int j = from; j <= to; j++) {
                int value = cell(a, b, i, j, twoBack, previous, current);
                current[j] = Math.min(value, big);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (to < b.length()) {
                current[to + 1] = big;
            }
            if (rowMin > max) {
                return big;
            }
            int[] swap = twoBack;
            twoBack = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], big);
    }

    /**
     * The optimal string alignment distance (Damerau's): insertions, deletions, substitutions and
     * transpositions of two adjacent characters each cost 1, so event.kye is 1 from event.key, not 2.
     */
    public static int distance(String a, String b) {
        int[] twoBack = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = cell(a, b, i, j, twoBack, previous, current);
            }
            int[] swap = twoBack;
            twoBack = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** One cell: the cheapest of a deletion, an insertion, a substitution and a transposition. */
    private static int cell(String a, String b, int i, int j, int[] twoBack, int[] previous, int[] current) {
        char x = a.charAt(i - 1);
        char y = b.charAt(j - 1);
        int value = Math.min(previous[j - 1] + (x == y ? 0 : 1), Math.min(previous[j] + 1, current[j - 1] + 1));
        if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y && x != y) {
            value = Math.min(value, twoBack[j - 2] + 1);
        }
        return value;
    }
}
