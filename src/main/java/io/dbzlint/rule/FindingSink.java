package io.dbzlint.rule;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Location;
import io.dbzlint.result.Fix;
import java.util.List;

/** Where a rule reports what it found. The rule id and severity are added by the engine. */
@FunctionalInterface
public interface FindingSink {

    /**
     * @param connector the connector's name
     * @param key the config key the finding is about (set or missing), or null; baselines match on it
     */
    void report(Location location, String connector, String key, String message, List<Location> related, Fix fix);

    default void report(Location location, String connector, String key, String message, List<Location> related) {
        report(location, connector, key, message, related, null);
    }

    default void report(Connector connector, String key, Location location, String message) {
        report(location, connector.name(), key, message, List.of(), null);
    }

    /** A finding with the fix that is certain for it, if there is one. */
    default void report(Connector connector, String key, Location location, String message,
                        java.util.Optional<Fix> fix) {
        report(location, connector.name(), key, message, List.of(), fix.orElse(null));
    }

    /**
     * A cross-connector finding at a claim's site, naming the other places involved. Not at a live
     * cluster's connector seen from a deployment of the repository: what it shares with a file is
     * reported at the file, and the cluster's own collisions in its own deployment.
     */
    default void report(Claim.Site site, String message, List<Location> related) {
        if (!site.deployment().mirror()) {
            report(site.location(), site.connector(), site.configKey(), message, related);
        }
    }

    /** The same sink, reporting at error severity: for a finding that is worse than its rule's usual. */
    default FindingSink asError() {
        return this;
    }

    /** The same sink, at most at warning severity: for a finding less certain than its rule's usual. */
    default FindingSink asWarning() {
        return this;
    }
}
