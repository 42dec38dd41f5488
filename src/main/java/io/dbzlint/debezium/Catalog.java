package io.dbzlint.debezium;

import io.dbzlint.json.Bundled;
import io.dbzlint.json.JsonNodes;
import io.dbzlint.model.ConnectorType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What Debezium knows about its configuration: the properties generated from Debezium's own
 * definitions (rules/catalog/debezium-VERSION.json, compiled at build time into {@link CatalogData})
 * and the hand-kept Kafka Connect keys, pass-through prefixes, pattern keys and renames beside
 * them (rules/catalog/kafka-connect.json).
 * Read once, on first use, so runs whose rules never ask pay nothing.
 */
public final class Catalog {

    public static final String DEBEZIUM_VERSION = CatalogData.DEBEZIUM_VERSION;
    public static final String EVENT_ROUTER = "io.debezium.transforms.outbox.EventRouter";

    /** One property as Debezium defines it. */
    public record Property(String name, String type, String defaultValue, boolean required, List<String> allowed,
                           List<String> aliases, boolean regexList, String description) {
    }

    /** A key Debezium renamed: exact ({@code from}) or a whole prefix ({@code fromPrefix}). */
    /**
     * A key Debezium renamed.
     *
     * @param removedIn the release that no longer reads the old name, or null while it still does
     * @param since the release that first reads the new name, or null when the release catalog tells
     */
    public record Rename(String from, String to, boolean prefix, String removedIn, String since) {

        public String replacementFor(String key) {
            return prefix ? to + key.substring(from.length()) : to;
        }
    }

    /**
     * A value Debezium replaced, e.g. snapshot.mode schema_only, now no_data. Which releases accept
     * which comes from the release catalog, generated from the releases themselves.
     */
    public record ValueRename(String key, String from, String to) {
    }

    /**
     * An option of one of Debezium's SMTs that it replaced, e.g. ExtractNewRecordState's
     * drop.tombstones.
     *
     * @param since the release that has the replacement, before which the old option is the only one
     */
    public record TransformRename(String transform, String from, String to, String removedIn, String since) {
    }

    /** An option an SMT of Debezium read until a release, with none to replace it. */
    public record RemovedTransformOption(String transform, String option, String removedIn) {
    }

    /** An SMT class Debezium no longer has, and the class that replaced it. */
    public record RemovedTransform(String className, String replacement, String removedIn) {
    }

    private final Map<ConnectorType, Map<String, Property>> connectors = new EnumMap<>(ConnectorType.class);
    private final Map<String, Property> schemaHistory = new LinkedHashMap<>();
    private final Map<String, Map<String, Property>> transforms = new LinkedHashMap<>();
    private final Set<String> frameworkKeys = new LinkedHashSet<>();
    private final List<String> passThroughPrefixes = new ArrayList<>();
    private final Set<String> producerKeys = new LinkedHashSet<>();
    private final List<String> debeziumServerPrefixes = new ArrayList<>();
    private final Set<String> transformKeys = new LinkedHashSet<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final Map<String, Rename> exactRenames = new LinkedHashMap<>();
    private final List<Rename> prefixRenames = new ArrayList<>();
    private final List<ValueRename> valueRenames = new ArrayList<>();
    private final Set<String> keysWithValueRenames = new LinkedHashSet<>();
    private final List<List<String>> exclusiveLists = new ArrayList<>();
    private final List<TransformRename> transformRenames = new ArrayList<>();
    private final Map<String, RemovedTransform> removedTransforms = new LinkedHashMap<>();
    private final List<RemovedTransformOption> removedTransformOptions = new ArrayList<>();
    private final List<String> listedPlugins = new ArrayList<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    private Catalog() {
        CatalogData.connectors().forEach((type, properties) -> connectors.put(ConnectorType.fromId(type), properties));
        // the keys of every schema history implementation the catalog describes (Kafka, file)
        CatalogData.schemaHistory().values().forEach(schemaHistory::putAll);
        transforms.putAll(CatalogData.transforms());
        connectors.values().forEach(map -> map.values().forEach(
                property -> property.aliases().forEach(alias -> aliases.put(alias, property.name()))));

        JsonNode extra = Bundled.json("/rules/catalog/kafka-connect.json");
        extra.path("frameworkKeys").forEach(node -> frameworkKeys.add(node.asString()));
        extra.path("passThroughPrefixes").forEach(node -> passThroughPrefixes.add(node.asString()));
        extra.path("producerKeys").forEach(node -> producerKeys.add(node.asString()));
        extra.path("debeziumServerPrefixes").forEach(node -> debeziumServerPrefixes.add(node.asString()));
        extra.path("transformKeys").forEach(node -> transformKeys.add(node.asString()));
        extra.path("patterns").forEach(node -> patterns.add(Pattern.compile(node.asString())));
        for (JsonNode rename : extra.path("renames")) {
            boolean prefix = rename.has("fromPrefix");
            Rename parsed = new Rename(rename.path(prefix ? "fromPrefix" : "from").asString(),
                    rename.path(prefix ? "toPrefix" : "to").asString(), prefix,
                    JsonNodes.textOrNull(rename.get("removedIn")), JsonNodes.textOrNull(rename.get("since")));
            if (prefix) {
                prefixRenames.add(parsed);
            } else {
                exactRenames.put(parsed.from(), parsed);
            }
        }
        for (JsonNode rename : extra.path("valueRenames")) {
            valueRenames.add(new ValueRename(rename.path("key").asString(), rename.path("from").asString(),
                    rename.path("to").asString()));
            keysWithValueRenames.add(rename.path("key").asString());
        }
        for (JsonNode rename : extra.path("transformRenames")) {
            transformRenames.add(new TransformRename(rename.path("transform").asString(), rename.path("from").asString(),
                    rename.path("to").asString(), JsonNodes.textOrNull(rename.get("removedIn")),
                    JsonNodes.textOrNull(rename.get("since"))));
        }
        for (JsonNode removed : extra.path("removedTransformOptions")) {
            removedTransformOptions.add(new RemovedTransformOption(removed.path("transform").asString(),
                    removed.path("option").asString(), removed.path("removedIn").asString()));
        }
        for (JsonNode removed : extra.path("removedTransforms")) {
            removedTransforms.put(removed.path("class").asString(), new RemovedTransform(removed.path("class").asString(),
                    removed.path("replacement").asString(), JsonNodes.textOrNull(removed.get("removedIn"))));
        }
        extra.path("listedPlugins").propertyNames().forEach(listedPlugins::add);
        for (JsonNode pair : extra.path("exclusiveLists")) {
            exclusiveLists.add(List.of(pair.get(0).asString(), pair.get(1).asString()));
        }
    }

    private static final class Holder {
        static final Catalog CATALOG = new Catalog();
    }

    static Catalog bundled() {
        return Holder.CATALOG;
    }

    /** The JDBC drivers' own options by connector type, by lower-case name: read when a lint first asks. */
    private volatile Map<ConnectorType, Map<String, String>> driverOptions;

    /**
     * True when a key is an option of the connector's JDBC driver under Debezium's pass-through
     * prefixes ({@code database.useSSL} is MySQL Connector/J's useSSL): Debezium hands every
     * database.* and driver.* key, prefix stripped, to the driver. From rules/catalog/jdbc-drivers.json,
     * generated from the drivers; the drivers match option names without regard to case, as
     * MySQL's and MariaDB's do, and so does this.
     */
    public boolean isDriverOption(ConnectorType type, String key) {
        String option = key.startsWith(DATABASE_PREFIX) ? key.substring(DATABASE_PREFIX.length())
                : key.startsWith(DRIVER_PREFIX) ? key.substring(DRIVER_PREFIX.length()) : null;
        if (option == null || option.isEmpty()) {
            return false;
        }
        return driverOptions(type).containsKey(option.toLowerCase(Locale.ROOT));
    }

    /** The driver's options as database.* keys, as a did-you-mean offers them (database.useSSL). */
    public List<String> driverKeys(ConnectorType type) {
        return driverOptions(type).values().stream().map(option -> DATABASE_PREFIX + option).toList();
    }

    private Map<String, String> driverOptions(ConnectorType type) {
        Map<ConnectorType, Map<String, String>> options = driverOptions;
        if (options == null) {
            options = new EnumMap<>(ConnectorType.class);
            JsonNode drivers = Bundled.json("/rules/catalog/jdbc-drivers.json");
            for (ConnectorType known : ConnectorType.values()) {
                Map<String, String> names = new HashMap<>();
                drivers.path(known.id()).path("keys").forEach(node -> names.putIfAbsent(
                        node.asString().toLowerCase(Locale.ROOT), node.asString()));
                options.put(known, names);
            }
            driverOptions = options;
        }
        return options.getOrDefault(type, Map.of());
    }

    private static final String DATABASE_PREFIX = "database.";
    private static final String DRIVER_PREFIX = "driver.";

    /** The connector's own properties; empty for connectors dbzlint has no catalog of. */
    public Map<String, Property> properties(ConnectorType type) {
        return connectors.getOrDefault(type, Map.of());
    }

    public Map<String, Property> schemaHistory() {
        return schemaHistory;
    }

    public Optional<Map<String, Property>> transform(String className) {
        return Optional.ofNullable(transforms.get(className));
    }

    public boolean isFrameworkKey(String key) {
        return frameworkKeys.contains(key);
    }

    public Set<String> frameworkKeys() {
        return frameworkKeys;
    }

    public Set<String> transformKeys() {
        return transformKeys;
    }

    public boolean matchesPattern(String key) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(key).matches()) {
                return true;
            }
        }
        return false;
    }

    public Optional<String> passThroughPrefix(String key) {
        for (String prefix : passThroughPrefixes) {
            if (key.startsWith(prefix)) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    /** Keys Debezium Server's engine reads under debezium.source. besides the connector's: offsets, retries. */
    public boolean isDebeziumServerKey(String key) {
        for (String prefix : debeziumServerPrefixes) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rename of a key. A key under a renamed prefix is renamed only when its new name is one
     * Debezium reads: database.history.kafka.consumer.* was never read (1.x read
     * database.history.consumer.*), and schema.history.internal.kafka.consumer.* is not read either.
     * Called for every key of every config, so a map lookup first and the few prefixes after.
     */
    public Optional<Rename> rename(String key) {
        Rename exact = exactRenames.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Rename rename : prefixRenames) {
            if (key.startsWith(rename.from())) {
                return isRead(rename.replacementFor(key)) ? Optional.of(rename) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True for a key some connector, its schema history or Kafka Connect reads, or that one of them passes on. */
    private boolean isRead(String key) {
        if (frameworkKeys.contains(key) || schemaHistory.containsKey(key) || passThroughPrefix(key).isPresent()
                || matchesPattern(key)) {
            return true;
        }
        for (Map<String, Property> properties : connectors.values()) {
            if (properties.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** Every key prefix Debezium renamed as a whole (database.history. to schema.history.internal.). */
    public List<Rename> prefixRenames() {
        return Collections.unmodifiableList(prefixRenames);
    }

    /**
     * The pass-through prefixes under the names a target release reads: before 2.0 the schema
     * history's consumer and producer keys sit under database.history., not schema.history.internal.
     */
    public List<String> passThroughPrefixes(DebeziumVersion target) {
        List<String> named = new ArrayList<>();
        for (String prefix : passThroughPrefixes) {
            String name = prefix;
            for (Rename rename : prefixRenames) {
                if (prefix.startsWith(rename.to()) && rename.since() != null && !target.isAtLeast(rename.since())) {
                    name = rename.from() + prefix.substring(rename.to().length());
                }
            }
            named.add(name);
        }
        return named;
    }

    /**
     * A key under the names a target release reads, as far as a prefix rename tells:
     * database.history.x for 2.x is schema.history.internal.x, and the other way round for 1.x.
     */
    public String underNamesOf(String key, DebeziumVersion target) {
        for (Rename rename : prefixRenames) {
            boolean renamed = rename.since() == null || target.isAtLeast(rename.since());
            if (renamed && key.startsWith(rename.from())) {
                return rename.replacementFor(key);
            }
            if (!renamed && key.startsWith(rename.to())) {
                return rename.from() + key.substring(rename.to().length());
            }
        }
        return key;
    }

    /**
     * Kafka producer settings, which Kafka Connect hands to a source connector's producer only
     * under producer.override.: at the top level they are ignored.
     */
    public boolean isProducerKey(String key) {
        return producerKeys.contains(key);
    }

    /** Every key Debezium renamed by its exact name. */
    public Collection<Rename> exactRenames() {
        return Collections.unmodifiableCollection(exactRenames.values());
    }

    /** The deprecated aliases Debezium still reads, each with its current name. */
    public Map<String, String> aliases() {
        return Collections.unmodifiableMap(aliases);
    }

    /** Prefixes whose keys Debezium hands on (to the JDBC driver, converters, clients). */
    public List<String> passThroughPrefixes() {
        return Collections.unmodifiableList(passThroughPrefixes);
    }

    /** The key patterns, as regular expressions over the whole key. */
    public List<String> patterns() {
        return patterns.stream().map(Pattern::pattern).toList();
    }

    /** The current name of a deprecated alias Debezium still reads. */
    public Optional<String> aliasTarget(String key) {
        return Optional.ofNullable(aliases.get(key));
    }

    public Optional<ValueRename> valueRename(String key, String value) {
        if (!keysWithValueRenames.contains(key)) {
            return Optional.empty();
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return valueRenames.stream().filter(r -> r.key().equals(key) && r.from().equals(lower)).findFirst();
    }

    /** The old values of a key that Debezium renamed, lower case. */
    public List<String> renamedValues(String key) {
        return valueRenames.stream().filter(rename -> rename.key().equals(key)).map(ValueRename::from).toList();
    }

    /** An option an SMT read until a release, if this one is. */
    public Optional<RemovedTransformOption> removedTransformOption(String transformClass, String option) {
        return removedTransformOptions.stream()
                .filter(removed -> removed.transform().equals(transformClass) && removed.option().equals(option))
                .findFirst();
    }

    /** Every SMT option Debezium replaced. */
    public List<TransformRename> transformRenames() {
        return Collections.unmodifiableList(transformRenames);
    }

    public Optional<TransformRename> transformRename(String transformClass, String option) {
        for (TransformRename rename : transformRenames) {
            if (rename.transform().equals(transformClass) && rename.from().equals(option)) {
                return Optional.of(rename);
            }
        }
        return Optional.empty();
    }

    public Optional<RemovedTransform> removedTransform(String className) {
        return Optional.ofNullable(removedTransforms.get(className));
    }

    /** Keys that list plugin names, each plugin's keys sitting under its name: converters, post.processors. */
    public List<String> listedPlugins() {
        return listedPlugins;
    }

    /**
     * True for a key that marks a connector config: one Kafka Connect or Debezium reads, a renamed
     * one, or one under a prefix they pass on. A Grafana dashboard's or a package.json's keys are not.
     */
    public boolean isConnectorKey(String key) {
        if (key.indexOf('.') < 0) {
            // name, transforms, predicates, converters: words that other JSON uses too (an app's
            // locale file has "transforms" and "predicates"); every other connector key has a dot
            return false;
        }
        if (frameworkKeys.contains(key) || schemaHistory.containsKey(key) || rename(key).isPresent()
                || passThroughPrefix(key).isPresent() || matchesPattern(key)) {
            return true;
        }
        for (Map<String, Property> properties : connectors.values()) {
            if (properties.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first words of the keys Debezium, its engine and Kafka Connect read, rename or pass on
     * (database, snapshot, offset, producer ...): a key that starts with none of them is nobody's here.
     */
    Set<String> firstWords() {
        Set<String> words = new LinkedHashSet<>();
        connectors.values().forEach(properties -> properties.keySet().forEach(key -> words.add(firstWord(key))));
        schemaHistory.keySet().forEach(key -> words.add(firstWord(key)));
        for (Collection<String> keys : List.of(frameworkKeys, passThroughPrefixes, producerKeys, debeziumServerPrefixes,
                exactRenames.keySet(), aliases.keySet())) {
            keys.forEach(key -> words.add(firstWord(key)));
        }
        prefixRenames.forEach(rename -> words.add(firstWord(rename.from())));
        // the patterns start with a literal word: column\.mask..., snapshot\.select...
        patterns.forEach(pattern -> words.add(firstWord(pattern.pattern().replace("\\.", "."))));
        return words;
    }

    /** A key's first word: up to its first dot, or the whole key. */
    public static String firstWord(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** Every connector type the catalog has properties of. */
    public Set<ConnectorType> types() {
        return connectors.keySet();
    }

    public List<List<String>> exclusiveLists() {
        return exclusiveLists;
    }
}
