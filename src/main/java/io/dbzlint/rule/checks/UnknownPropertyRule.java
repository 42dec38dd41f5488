package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.Catalog;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key neither the connector, nor Kafka Connect, nor a listed EventRouter reads. Kafka Connect and
 * Debezium ignore such keys without a word, so a typo silently leaves the default in force.
 * Pass-through prefixes (database.*, converters ...) are accepted, unless the key is a near miss of
 * a key Debezium knows.
 */
public final class UnknownPropertyRule implements ConnectorRule {

    /** Keys of one connector looked up for a did-you-mean, at most: each look-up scans the catalog. */
    static final int MAX_SUGGESTIONS = 500;

    /** Suggestions by key: thousands of configs repeat the same few unknown and pass-through keys. */
    private final Map<String, Optional<String>> nearest = new ConcurrentHashMap<>();
    private final Map<ConnectorType, List<String>> knownKeys = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "unknown-property";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() == ConnectorType.OTHER) {
            return; // no catalog of other connectors' keys
        }
        Catalog catalog = Catalog.get();
        List<String> known = knownKeys.computeIfAbsent(connector.type(), type -> knownKeys(type, catalog));
        Map<String, String> transforms = CatalogLookup.transforms(connector);

        int suggestionsLeft = MAX_SUGGESTIONS;
        for (ConfigEntry entry : connector.config().values()) {
            String key = entry.key();
            if (isKnown(connector, key, catalog)) {
                continue;
            }
            Optional<String> routerPrefix = eventRouterPrefix(key, transforms);
            if (routerPrefix.isPresent()) {
                String relative = key.substring(routerPrefix.get().length());
                List<String> routerKeys = new ArrayList<>(catalog.transformKeys());
                catalog.transform(Catalog.EVENT_ROUTER).ifPresent(p -> routerKeys.addAll(p.keySet()));
                String suggestion = Suggestions.nearest(relative, routerKeys)
                        .map(k -> "; did you mean " + routerPrefix.get() + k + "?").orElse("; remove it or fix its name");
                sink.report(connector, key, entry.keyLocation(), "unknown property " + Printable.quote(key)
                        + ": the outbox EventRouter does not read it" + suggestion);
                continue;
            }
            // a config with hundreds of unknown keys is not a typo: past the cap, no more did-you-mean
            Optional<String> suggested = suggestionsLeft-- > 0 ? nearest(connector.type(), key, known) : Optional.empty();
            if (catalog.passThroughPrefix(key).isPresent() && suggested.isEmpty()) {
                continue; // e.g. database.* goes to the JDBC driver, converters get their own keys
            }
            String suggestion = suggested.map(k -> "; did you mean " + k + "?")
                    .orElse("; Debezium ignores keys it does not know: remove it or fix its name");
            sink.report(connector, key, entry.keyLocation(), "unknown property " + Printable.quote(key) + " for a "
                    + connector.type().displayName() + " connector" + suggestion);
        }
    }

    private Optional<String> nearest(ConnectorType type, String key, List<String> known) {
        if (nearest.size() > 100_000) {
            return Suggestions.nearest(key, known); // a pathological run: stop growing the cache
        }
        return nearest.computeIfAbsent(type.id() + ":" + key, k -> Suggestions.nearest(key, known));
    }

    private static List<String> knownKeys(ConnectorType type, Catalog catalog) {
        List<String> known = new ArrayList<>(catalog.properties(type).keySet());
        if (type == ConnectorType.MYSQL) {
            known.addAll(catalog.schemaHistory().keySet());
        }
        known.addAll(catalog.frameworkKeys());
        return List.copyOf(known);
    }

    private static boolean isKnown(Connector connector, String key, Catalog catalog) {
        return CatalogLookup.property(connector, key).isPresent()
                || catalog.isFrameworkKey(key)
                || catalog.rename(key).isPresent()          // deprecated-property's concern
                || catalog.aliasTarget(key).isPresent()
                || isTransformKey(key, catalog)
                || key.startsWith("schema.history.internal.") && connector.type() == ConnectorType.POSTGRESQL
                || catalog.matchesPattern(key);
    }

    /** transforms.NAME.type, .predicate, .negate are Kafka Connect's own, for any transform. */
    private static boolean isTransformKey(String key, Catalog catalog) {
        if (!key.startsWith("transforms.")) {
            return false;
        }
        int dot = key.indexOf('.', "transforms.".length());
        return dot > 0 && catalog.transformKeys().contains(key.substring(dot + 1));
    }

    private static Optional<String> eventRouterPrefix(String key, Map<String, String> transforms) {
        return transforms.entrySet().stream()
                .filter(t -> t.getValue().equals(Catalog.EVENT_ROUTER))
                .map(t -> "transforms." + t.getKey() + ".")
                .filter(key::startsWith)
                .findFirst();
    }
}
