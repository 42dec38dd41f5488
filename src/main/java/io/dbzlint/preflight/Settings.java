package io.dbzlint.preflight;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import java.util.Optional;

/**
 * A connector's setting as Debezium will read it: its value with references filled in, else the
 * default of the release it runs (slot.name debezium, plugin.name decoderbufs, publication.name
 * dbz_publication ...). A value that cannot be filled in here counts as the default.
 */
final class Settings {

    private final Connector connector;
    private final Resolver resolver;
    private final DebeziumVersion version;

    Settings(Connector connector, Resolver resolver, DebeziumVersion version) {
        this.connector = connector;
        this.resolver = resolver;
        this.version = version;
    }

    String value(String key) {
        Optional<ConfigEntry> entry = connector.entry(key);
        if (entry.isPresent() && entry.get().hasText() && !entry.get().text().isBlank()) {
            try {
                return resolver.resolve(entry.get()).trim();
            } catch (Resolver.Unresolvable e) {
                // the release's default below
            }
        }
        return Debezium.bundled().defaultValue(connector.type(), key, version).orElse("");
    }

    DebeziumVersion version() {
        return version;
    }
}
