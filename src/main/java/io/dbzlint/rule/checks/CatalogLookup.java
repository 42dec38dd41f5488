package io.dbzlint.rule.checks;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.RuleContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which Debezium property a config key is: the connector's own, the schema history's, or an SMT's. */
final class CatalogLookup {

    private static final String TRANSFORMS = "transforms.";
    private static final String HISTORY_PREFIX = "schema.history.internal";

    private CatalogLookup() {
    }

    /** The property a key names, if the catalog knows it. */
    static Optional<Catalog.Property> property(Catalog catalog, Connector connector, String key) {
        Catalog.Property property = catalog.properties(connector.type()).get(key);
        if (property == null && connector.keepsSchemaHistory()) {
            property = catalog.schemaHistory().get(key);
        }
        if (property == null && key.startsWith(TRANSFORMS)) {
            Optional<Transform> transform = transformOf(connector, key);
            if (transform.isPresent()) {
                property = catalog.transform(transform.get().className())
                        .map(properties -> properties.get(transform.get().option()))
                        .orElse(null);
            }
        }
        return Optional.ofNullable(property);
    }

    /** A key under a listed transform: its name, its class, and the option it sets. */
    record Transform(String name, String className, String option) {

        String prefix() {
            return TRANSFORMS + name + ".";
        }
    }

    /** The listed transform a key belongs to, if it is one of the connector's transforms. */
    static Optional<Transform> transformOf(Connector connector, String key) {
        if (!key.startsWith(TRANSFORMS)) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> transform : transforms(connector).entrySet()) {
            String prefix = TRANSFORMS + transform.getKey() + ".";
            if (key.startsWith(prefix)) {
                return Optional.of(new Transform(transform.getKey(), transform.getValue(),
                        key.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    /** The transforms the connector lists in {@code transforms}, by name, with their classes. */
    static Map<String, String> transforms(Connector connector) {
        return listed(connector, Keys.TRANSFORMS, "transforms.");
    }

    /** The names a listing key holds (converters=geo,wkb), with the class each names in NAME.type. */
    static Map<String, String> listed(Connector connector, String listingKey, String prefix) {
        Map<String, String> listed = new LinkedHashMap<>();
        connector.value(listingKey).ifPresent(list -> {
            for (String raw : list.split(",")) {
                String name = raw.trim();
                if (!name.isEmpty()) {
                    listed.put(name, connector.value(prefix + name + ".type").map(String::trim).orElse(""));
                }
            }
        });
        return listed;
    }

    /**
     * A rename that applies to this connector: its replacement is a key the connector reads. A
     * PostgreSQL connector is never told to rename database.whitelist to database.include.list,
     * which it does not read, nor a connector without schema history to rename database.history.*.
     */
    static Optional<Catalog.Rename> rename(Catalog catalog, Connector connector, String key) {
        return catalog.rename(key).filter(rename -> {
            String replacement = rename.replacementFor(key);
            if (replacement.startsWith(HISTORY_PREFIX)) {
                return connector.keepsSchemaHistory();
            }
            if (catalog.properties(connector.type()).isEmpty()) {
                return connector.isDebezium(); // no catalog of this connector: trust the rename
            }
            return property(catalog, connector, replacement).isPresent() || catalog.isFrameworkKey(replacement);
        });
    }

    /**
     * Whether the release a connector runs reads a key: not an old name it no longer reads
     * (database.server.name, table.whitelist from 2.0), whose value then means nothing.
     */
    static boolean isRead(Connector connector, String key, RuleContext context) {
        Optional<ReleaseView> view = ReleaseView.of(connector, context);
        if (view.isPresent() && view.get().releases().knows(connector.type(), key)) {
            return view.get().releases().reads(connector.type(), key, view.get().release());
        }
        return rename(context.catalog(), connector, key)
                .map(rename -> !context.target().isAtLeast(rename.removedIn())).orElse(true);
    }

    /** True when a schema history other than Kafka's or a file is configured, whose keys the catalog does not have. */
    static boolean usesOtherSchemaHistory(Connector connector) {
        return connector.literal(HISTORY_PREFIX).or(() -> connector.literal("database.history"))
                .map(String::trim)
                .filter(impl -> !impl.isEmpty())
                .map(impl -> !impl.endsWith(".KafkaSchemaHistory") && !impl.endsWith(".FileSchemaHistory")
                        && !impl.endsWith(".KafkaDatabaseHistory") && !impl.endsWith(".FileDatabaseHistory"))
                .orElse(false);
    }
}
