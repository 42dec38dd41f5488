package io.dbzlint.preflight;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.RuleInfo;
import io.dbzlint.rule.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The findings of one connector's checks, each at the key it concerns, with its check's severity. */
final class Report {

    private final RuleSet checks;
    private final Connector connector;
    private final List<Finding> findings = new ArrayList<>();

    Report(RuleSet checks, Connector connector) {
        this.checks = checks;
        this.connector = connector;
    }

    Connector connector() {
        return connector;
    }

    /** A finding at the first of the keys the connector sets (its config when none is), at the check's severity. */
    void add(String check, String message, String... keys) {
        RuleInfo info = checks.info(check);
        info.severity().ifPresent(severity -> add(check, severity, message, keys));
    }

    /** A finding less severe than its check: a state that may be right (a slot this very connector reads). */
    void addLesser(String check, Severity severity, String message, String... keys) {
        Optional<Severity> set = checks.info(check).severity();
        if (set.isPresent()) {
            add(check, set.get().compareTo(severity) > 0 ? set.get() : severity, message, keys);
        }
    }

    /** A finding at an exact place, such as one expression of an include list. */
    void addAt(String check, String key, Location location, String message) {
        checks.info(check).severity().ifPresent(severity -> findings.add(new Finding(check, severity, location,
                connector.name(), key, printable(message), List.of())));
    }

    private void add(String check, Severity severity, String message, String... keys) {
        String key = null;
        for (String candidate : keys) {
            if (connector.entry(candidate).isPresent()) {
                key = candidate;
                break;
            }
        }
        Location location = key == null ? connector.location() : connector.locationOf(key);
        findings.add(new Finding(check, severity, location, connector.name(), key, printable(message), List.of()));
    }

    /**
     * A message as it may be printed: it carries what the server answered (a setting, a database or
     * plugin name), and the server is the one a repository names, so its control characters are
     * escaped like any input's.
     */
    private static String printable(String message) {
        return Printable.cut(message, Printable.MAX_MESSAGE);
    }

    List<Finding> findings() {
        return findings;
    }
}
