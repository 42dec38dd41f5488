package io.dbzlint.rule.checks;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Fix;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key neither the connector, nor Kafka Connect, nor one of its listed Debezium SMTs reads. Kafka
 * Connect and Debezium ignore such keys without a word, so a typo silently leaves the default in
 * force. Keys under a pass-through prefix (database.*, converters ...) are accepted, unless the key
 * is a near miss of a key Debezium knows, or a key of another connector type (database.server.id
 * on PostgreSQL). Keys under a listed custom converter or post processor are its own. In an
 * application's properties for the embedded engine, a key like no key of Debezium or Kafka
 * (pulsar.topic) is the application's.
 */
public final class UnknownPropertyRule implements ConnectorRule {

    /** Keys of one connector looked up for a did-you-mean, at most: each look-up scans the catalog. */
    static final int MAX_SUGGESTIONS = 500;
    /** How much longer a known key may be than a key that is its start: database.include, database.include.list. */
    private static final int MAX_MISSING_SUFFIX = 6;

    /** Suggestions by key: thousands of configs repeat the same few unknown and pass-through keys. */
    private final Map<String, List<String>> nearest = new ConcurrentHashMap<>();
    private final Map<ConnectorType, List<String>> knownKeys = new ConcurrentHashMap<>();
    /** The same, with the JDBC driver's options as database.* keys: asked only of unknown database.* keys. */
    private final Map<ConnectorType, List<String>> withDriverKeys = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "unknown-property";
    }

    /** Fixable: a misspelt key with one known key nearest it is renamed to that key. */
    @Override
    public boolean fixable() {
        return true;
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() == ConnectorType.OTHER) {
            return; // no catalog of other connectors' keys
        }
        Catalog catalog = context.catalog();
        List<String> known = knownKeys.computeIfAbsent(connector.type(), type -> knownKeys(type, catalog));
        List<String> pluginPrefixes = pluginPrefixes(connector, catalog);

        Optional<ReleaseView> view = ReleaseView.of(connector, context);
        int suggestionsLeft = MAX_SUGGESTIONS;
        for (ConfigEntry entry : connector.config().values()) {
            String key = entry.key();
            if (Keys.isNote(key)) {
                continue;
            }
            if (view.isPresent()) {
                ReleaseView v = view.get();
                if (v.releases().reads(connector.type(), key, v.release())) {
                    continue; // the target version reads it, whatever later ones do
                }
                if (v.releases().knows(connector.type(), key) && !catalog.isFrameworkKey(key)) {
                    // a key first read by the catalog's next line after the one the target is read as
                    // may have come with the target (2.3 read as 2.1, the key read from 2.4): not known
                    String since = v.releases().firstReading(connector.type(), key)
                            .filter(first -> first.compareTo(v.target()) > 0)
                            .filter(first -> !v.mayReadFrom(first))
                            .map(first -> " (it is read from Debezium " + first + " on)").orElse("");
                    if (!since.isEmpty()) {
                        sink.report(connector, key, entry.keyLocation(), "unknown property " + Printable.quote(key)
                                + " for Debezium " + v.name() + since + ": that version ignores it");
                        continue;
                    }
                }
            }
            if (isKnown(connector, key, catalog, pluginPrefixes)) {
                continue;
            }
            if (ProducerKeyRule.applies(connector, key, catalog)) {
                continue; // producer-key-at-top-level says where it belongs
            }
            Optional<CatalogLookup.Transform> transform = CatalogLookup.transformOf(connector, key);
            if (transform.isPresent()) {
                checkTransformOption(connector, entry, transform.get(), catalog, context, sink);
                continue;
            }
            Optional<Catalog.Rename> foreignRename = catalog.rename(key);
            if (foreignRename.isPresent()) {
                // renamed, but to a key this connector does not read: e.g. database.whitelist on PostgreSQL
                sink.report(connector, key, entry.keyLocation(), Printable.quote(key) + " is an old name of "
                        + foreignRename.get().replacementFor(key) + ", which the " + connector.type().displayName()
                        + " connector does not read: remove it");
                continue;
            }
            // a config with hundreds of unknown keys is not a typo: past the cap, no more did-you-mean;
            // a database.* key may be a typo of the driver's option (database.usSSL: useSSL)
            List<String> candidates = key.startsWith("database.") ? withDriverKeys.computeIfAbsent(connector.type(),
                    type -> withDriverKeys(known, type, catalog)) : known;
            List<String> suggested = suggestionsLeft-- > 0 ? nearest(connector.type(), key, candidates) : List.of();
            if (suggested.isEmpty()) {
                suggested = passedOnWithAWordLess(key, catalog, context.target());
            }
            Optional<String> passedOn = catalog.passThroughPrefix(key);
            if (passedOn.isPresent() && suggested.isEmpty()) {
                String meant = key.substring(passedOn.get().length());
                if (DRIVER_PREFIXES.contains(passedOn.get()) && isConnectorKey(connector, meant, catalog)
                        && connector.entry(meant).isEmpty()) {
                    // database.table.include.list: the JDBC driver gets table.include.list, which it
                    // ignores, and the connector, which would read table.include.list, never sees it
                    sink.report(connector, key, entry.keyLocation(), Printable.quote(key) + " goes to the JDBC driver as " + Printable.quote(meant)
                            + ", which the " + connector.type().displayName() + " connector reads only under its own"
                            + " name: rename it to " + meant, typoFix(connector, entry, List.of(meant)));
                    continue;
                }
                otherType(connector.type(), key, catalog).ifPresent(other -> sink.report(connector, key,
                        entry.keyLocation(), Printable.quote(key) + " is a key of the " + other.displayName()
                                + " connector; the " + connector.type().displayName()
                                + " connector does not read it: remove it"));
                continue; // else e.g. database.* goes to the JDBC driver, converters get their own keys
            }
            if (suggested.isEmpty() && connector.readByAnApplication() && !context.debezium().sharesFirstWord(key)) {
                continue; // pulsar.topic: the application's own setting, read from the Properties it gives the engine
            }
            String suggestion = suggested.isEmpty() ? "; Debezium ignores keys it does not know: remove it or fix its name"
                    : "; did you mean " + Suggestions.either(suggested) + "?";
            sink.report(connector, key, entry.keyLocation(), "unknown property " + Printable.quote(key) + " for a "
                    + connector.type().displayName() + " connector" + suggestion, typoFix(connector, entry, suggested));
        }
    }

    /**
     * The rename a did-you-mean offers, when it offers one key that is not set already: unsafe, since
     * a typo's nearest key is likely, not certain, to be what was meant.
     */
    private static Optional<Fix> typoFix(Connector connector, ConfigEntry entry, List<String> suggested) {
        if (suggested.size() != 1 || connector.entry(suggested.get(0)).isPresent()) {
            return Optional.empty();
        }
        return Fix.renameKey(entry.keyLocation(), entry.key(), suggested.get(0)).map(Fix::unsafe);
    }

    /** An option of a listed transform: judged against the SMT's own keys when it is one of Debezium's. */
    private static void checkTransformOption(Connector connector, ConfigEntry entry, CatalogLookup.Transform transform,
                                             Catalog catalog, RuleContext context, FindingSink sink) {
        Optional<Map<String, Catalog.Property>> options = catalog.transform(transform.className());
        if (options.isEmpty() || catalog.transformRename(transform.className(), transform.option()).isPresent()) {
            return; // another vendor's SMT, or a renamed option that deprecated-property reports
        }
        Optional<Catalog.RemovedTransformOption> removed = catalog.removedTransformOption(transform.className(),
                transform.option());
        if (removed.isPresent()) {
            // the SMT options are catalogued from the newest release: an older one read this option
            if (context.target().compareTo(DebeziumVersion.parse(removed.get().removedIn())) >= 0) {
                context.releaseBound(sink).report(connector, entry.key(), entry.keyLocation(), Printable.quote(
                        entry.key()) + ": " + describe(transform.className()) + " reads it no longer (removed in"
                        + " Debezium " + removed.get().removedIn() + "): remove it");
            }
            return;
        }
        List<String> candidates = new ArrayList<>(catalog.transformKeys());
        candidates.addAll(options.get().keySet());
        List<String> nearest = Suggestions.allNearest(transform.option(), candidates).stream()
                .map(option -> transform.prefix() + option).toList();
        String suggestion = nearest.isEmpty() ? "; remove it or fix its name"
                : "; did you mean " + Suggestions.either(nearest) + "?";
        sink.report(connector, entry.key(), entry.keyLocation(), "unknown property " + Printable.quote(entry.key())
                + ": " + describe(transform.className()) + " does not read it" + suggestion,
                typoFix(connector, entry, nearest));
    }

    private static String describe(String transformClass) {
        return transformClass.equals(Catalog.EVENT_ROUTER) ? "the outbox EventRouter"
                : transformClass.substring(transformClass.lastIndexOf('.') + 1);
    }

    /**
     * The key with one word less, when that puts it under a prefix the target release passes on
     * (the schema history's consumer and producer): database.history.kafka.consumer.group.id is
     * schema.history.internal.consumer.group.id from 2.0 on, database.history.consumer.group.id before.
     */
    static List<String> passedOnWithAWordLess(String key, Catalog catalog, DebeziumVersion target) {
        List<String> prefixes = catalog.passThroughPrefixes(target).stream()
                .filter(prefix -> prefix.indexOf('.') < prefix.length() - 1).toList(); // not database., driver.
        String named = catalog.underNamesOf(key, target);
        if (prefixes.stream().anyMatch(named::startsWith)) {
            return List.of();
        }
        String[] words = named.split("\\.", -1);
        for (int dropped = 0; dropped < words.length - 1; dropped++) {
            List<String> kept = new ArrayList<>(List.of(words));
            kept.remove(dropped);
            String shorter = String.join(".", kept);
            for (String prefix : prefixes) {
                if (shorter.startsWith(prefix) && shorter.length() > prefix.length()) {
                    return List.of(shorter);
                }
            }
        }
        return List.of();
    }

    /** Another connector type whose catalog has the key when this one's does not. */
    private static Optional<ConnectorType> otherType(ConnectorType type, String key, Catalog catalog) {
        if (catalog.properties(type).containsKey(key)) {
            return Optional.empty();
        }
        return catalog.types().stream().filter(other -> other != type && !(other.isMySqlFamily() && type.isMySqlFamily()))
                .filter(other -> catalog.properties(other).containsKey(key)).findFirst();
    }

    private List<String> nearest(ConnectorType type, String key, List<String> known) {
        if (nearest.size() > 100_000) {
            return suggest(key, known); // a pathological run: stop growing the cache
        }
        return nearest.computeIfAbsent(type.id() + ":" + key, k -> suggest(key, known));
    }

    /**
     * The nearest known keys by edit distance, or else the shortest known key that this one is the
     * start of, or else the one known key that this one of two words or more ends (server.id, of
     * database.server.id).
     */
    private static List<String> suggest(String key, List<String> known) {
        List<String> nearest = Suggestions.allNearest(key, known);
        if (!nearest.isEmpty()) {
            return List.copyOf(nearest);
        }
        Optional<String> longer = known.stream()
                .filter(k -> k.startsWith(key + ".") && k.length() - key.length() <= MAX_MISSING_SUFFIX)
                .min(Comparator.comparingInt(String::length));
        if (longer.isPresent() || key.indexOf('.') < 0) {
            return longer.map(List::of).orElse(List.of());
        }
        List<String> ending = known.stream().filter(k -> k.endsWith("." + key)).distinct().limit(2).toList();
        return ending.size() == 1 ? ending : List.of();
    }

    private static List<String> withDriverKeys(List<String> known, ConnectorType type, Catalog catalog) {
        List<String> keys = new ArrayList<>(known);
        catalog.driverKeys(type).stream().filter(key -> !known.contains(key)).forEach(keys::add);
        return List.copyOf(keys);
    }

    private static List<String> knownKeys(ConnectorType type, Catalog catalog) {
        List<String> known = new ArrayList<>(catalog.properties(type).keySet());
        if (type.isMySqlFamily()) {
            known.addAll(catalog.schemaHistory().keySet());
        }
        known.addAll(catalog.frameworkKeys());
        return List.copyOf(known);
    }

    /** NAME. for each custom converter and post processor the connector lists: their keys are their own. */
    private static List<String> pluginPrefixes(Connector connector, Catalog catalog) {
        List<String> prefixes = new ArrayList<>();
        for (String listing : catalog.listedPlugins()) {
            connector.literal(listing).ifPresent(names -> {
                for (String name : names.split(",")) {
                    if (!name.isBlank()) {
                        prefixes.add(name.trim() + ".");
                    }
                }
            });
        }
        return prefixes;
    }

    private static boolean isKnown(Connector connector, String key, Catalog catalog, List<String> pluginPrefixes) {
        return CatalogLookup.property(catalog, connector, key).isPresent()
                || catalog.isFrameworkKey(key)
                || CatalogLookup.rename(catalog, connector, key).isPresent()    // deprecated-property's concern
                || catalog.aliasTarget(key).isPresent()
                || isTransformKey(key, catalog)
                || isHistoryKey(key) && (!connector.keepsSchemaHistory() || CatalogLookup.usesOtherSchemaHistory(connector))
                || catalog.matchesPattern(key)
                || catalog.isDriverOption(connector.type(), key)  // database.useSSL: the JDBC driver's
                || pluginPrefixes.stream().anyMatch(key::startsWith)
                || connector.runsOnDebeziumEngine() && catalog.isDebeziumServerKey(key);
    }

    /** The prefixes under which Debezium hands keys to the JDBC driver (BinlogConnectionConfiguration, PostgresConnection). */
    private static final java.util.Set<String> DRIVER_PREFIXES = java.util.Set.of("database.", "driver.");

    /** A key of the connector's own (not Kafka Connect's, not one under a pass-through prefix itself). */
    private static boolean isConnectorKey(Connector connector, String key, Catalog catalog) {
        return !key.isEmpty() && catalog.passThroughPrefix(key).isEmpty() && !catalog.isFrameworkKey(key)
                && CatalogLookup.property(catalog, connector, key).isPresent();
    }

    /** Schema history keys: history-on-postgres reports them where there is no history; another history has its own. */
    private static boolean isHistoryKey(String key) {
        return key.startsWith("schema.history.internal") || key.startsWith("database.history");
    }

    /** transforms.NAME.type, .predicate, .negate are Kafka Connect's own, for any transform. */
    private static boolean isTransformKey(String key, Catalog catalog) {
        if (!key.startsWith("transforms.")) {
            return false;
        }
        int dot = key.indexOf('.', "transforms.".length());
        return dot > 0 && catalog.transformKeys().contains(key.substring(dot + 1));
    }
}
