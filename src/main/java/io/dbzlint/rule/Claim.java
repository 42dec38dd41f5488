package io.dbzlint.rule;

import io.dbzlint.model.Location;

/**
 * What one connector holds that a cross-connector rule compares.
 *
 * @param value the value compared (a server id, a topic ...), with equals and hashCode
 * @param connector the connector's name
 * @param configKey the config key the value came from
 * @param location where the value was written
 * @param shown how the value is named in messages
 * @param hint a connector-specific suggestion for the fix, or null
 */
public record Claim(Object value, String connector, String configKey, Location location, String shown, String hint) {
}
