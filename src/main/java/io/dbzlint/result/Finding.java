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
 */
public record Finding(String ruleId, Severity severity, Location location, String connector, String key,
                      String message, List<Location> related, Fix fix) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        related = List.copyOf(related);
    }

    public Finding(String ruleId, Severity severity, Location location, String connector, String key,
                   String message, List<Location> related) {
        this(ruleId, severity, location, connector, key, message, related, null);
    }

    /** The same finding, saying more. */
    public Finding withMessage(String longer) {
        return new Finding(ruleId, severity, location, connector, key, longer, related, fix);
    }

    /** The same finding with no fix: for an input that is no file to write. */
    public Finding withoutFix() {
        return fix == null ? this : new Finding(ruleId, severity, location, connector, key, message, related, null);
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
