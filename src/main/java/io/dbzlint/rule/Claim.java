package io.dbzlint.rule;

import io.dbzlint.model.Location;

/**
 * What one connector holds that a cross-connector rule compares.
 *
 * @param key the value compared (a server id, a topic ...), with equals and hashCode
 * @param connector the connector's name
 * @param location where the value was written
 * @param shown how the value is named in messages, e.g. the key it came from
 * @param hint a connector-specific suggestion for the fix, or null
 */
public record Claim(Object key, String connector, Location location, String shown, String hint) {
}
