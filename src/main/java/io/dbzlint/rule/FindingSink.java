package io.dbzlint.rule;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Location;
import java.util.List;

/** Where a rule reports what it found. The rule id and severity are added by the engine. */
@FunctionalInterface
public interface FindingSink {

    void report(Location location, String connector, String message, List<Location> related);

    default void report(Connector connector, Location location, String message) {
        report(location, connector.name(), message, List.of());
    }
}
