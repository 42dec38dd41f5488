package io.dbzlint.result;

import io.dbzlint.model.Location;
import java.util.Comparator;
import java.util.List;

/**
 * One problem found by one rule, at one place.
 *
 * @param connector the connector's name, or null when the problem is in the file itself (parse errors)
 * @param key the config key the finding is about, or null; with the rule, file and connector it
 *     identifies a finding across edits that move lines (baselines, SARIF fingerprints)
 * @param related the other places involved in a cross-connector finding, in order
 * @param fix the certain fix of the problem, or null when fixing it takes a human choice
 * @param group every member of a collision group larger than related holds ({@link #MAX_RELATED}),
 *     this finding's own place first: on one finding of the group only, so that a report lists a
 *     group once, in space linear in it; empty on every other finding
 */
public record Finding(String ruleId, Severity severity, Location location, String connector, String key,
                      String message, List<Location> related, Fix fix, List<Location> group)
        implements Comparable<Finding> {

    /** The most related places a finding carries; a larger group's full list is its {@link #group}. */
    public static final int MAX_RELATED = 20;

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        related = List.copyOf(related);
        group = List.copyOf(group);
    }

    public Finding(String ruleId, Severity severity, Location location, String connector, String key,
                   String message, List<Location> related, Fix fix) {
        this(ruleId, severity, location, connector, key, message, related, fix, List.of());
    }

    public Finding(String ruleId, Severity severity, Location location, String connector, String key,
                   String message, List<Location> related) {
        this(ruleId, severity, location, connector, key, message, related, null);
    }

    /** The same finding, saying more. */
    public Finding withMessage(String longer) {
        return new Finding(ruleId, severity, location, connector, key, longer, related, fix, group);
    }

    /** The same finding with no fix: for an input that is no file to write. */
    public Finding withoutFix() {
        return fix == null ? this : new Finding(ruleId, severity, location, connector, key, message, related, null,
                group);
    }

    /** The identity this finding keeps while lines move. */
    public FindingKey identity() {
        return FindingKey.of(this);
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
