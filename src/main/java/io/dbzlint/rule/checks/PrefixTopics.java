package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The topics a Debezium connector writes under its logical name, as far as its config tells
 * (AbstractTopicNamingStrategy): what two connectors of different types with one topic.prefix may
 * both write. Their metrics do not clash (the MBean is debezium.&lt;connector type&gt;:...,server=
 * &lt;prefix&gt;), nor their offsets (kept by connector name); these topics may:
 * <ul>
 * <li>the schema change topic, the prefix itself, written by the connectors that keep a schema
 *     history unless include.schema.changes=false;</li>
 * <li>the heartbeat topic __debezium-heartbeat.&lt;prefix&gt; (topic.heartbeat.prefix, 1.x
 *     heartbeat.topics.prefix; topic.heartbeat.name replaces it), when heartbeat.interval.ms is set;</li>
 * <li>the transaction topic &lt;prefix&gt;.transaction (topic.transaction), with
 *     provide.transaction.metadata=true;</li>
 * <li>change topics &lt;prefix&gt;.&lt;database&gt;.&lt;table&gt; (MySQL, MariaDB, MongoDB) and
 *     &lt;prefix&gt;.&lt;schema&gt;.&lt;table&gt; (PostgreSQL, Oracle, Db2, Informix): one connector's captured
 *     database named as the other's captured schema, when both include lists name them.</li>
 * </ul>
 *
 * @param kind the connector's type, or its class for the types dbzlint has no catalog of
 * @param named the schema change, heartbeat and transaction topics it writes
 * @param captured what it captures as (namespace, table) pairs, table "*" for any; null when not known
 */
record PrefixTopics(String kind, String kindName, Set<String> named, List<Captured> captured, String prefix,
                    String delimiter) {

    /** One include-list entry as a change topic's parts. */
    record Captured(String namespace, String table) {
    }

    private static final String ANY = "*";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$-]+");

    /** Connector classes by simple name, with the include lists that name their topics' second part. */
    private static final Map<String, List<String>> NAMESPACE_LISTS = Map.of(
            "MySqlConnector", List.of("table.include.list|table.whitelist", "database.include.list|database.whitelist"),
            "MariaDbConnector", List.of("table.include.list", "database.include.list"),
            "MongoDbConnector", List.of("collection.include.list|collection.whitelist",
                    "database.include.list|database.whitelist"),
            "PostgresConnector", List.of("table.include.list|table.whitelist", "schema.include.list|schema.whitelist"),
            "OracleConnector", List.of("table.include.list|table.whitelist", "schema.include.list|schema.whitelist"),
            "Db2Connector", List.of("table.include.list|table.whitelist", "schema.include.list|schema.whitelist"),
            "InformixConnector", List.of("table.include.list", "schema.include.list"));

    private static final Map<String, String> DISPLAY_NAMES = Map.of("SqlServerConnector", "SQL Server",
            "OracleConnector", "Oracle", "Db2Connector", "Db2", "MongoDbConnector", "MongoDB",
            "InformixConnector", "Informix");

    static PrefixTopics of(Connector connector, String prefix) {
        String className = connector.value(Keys.CONNECTOR_CLASS).map(String::trim).orElse("");
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String kind = connector.type() != ConnectorType.OTHER ? connector.type().id() : simpleName;
        String kindName = connector.type() != ConnectorType.OTHER ? connector.type().displayName()
                : DISPLAY_NAMES.getOrDefault(simpleName, simpleName.replaceFirst("Connector$", ""));
        String delimiter = connector.literal("topic.delimiter").filter(d -> !d.isEmpty()).orElse(".");
        Set<String> named = new LinkedHashSet<>();
        if (connector.keepsSchemaHistory() && !isFalse(connector, "include.schema.changes")) {
            named.add(prefix);
        }
        if (connector.entry("heartbeat.interval.ms").filter(PrefixTopics::setOn).isPresent()) {
            named.add(connector.literal("topic.heartbeat.name").filter(name -> !name.isBlank()).orElseGet(() ->
                    connector.literal("topic.heartbeat.prefix").or(() -> connector.literal("heartbeat.topics.prefix"))
                            .orElse("__debezium-heartbeat") + delimiter + prefix));
        }
        if (connector.entry("provide.transaction.metadata").filter(PrefixTopics::setOn).isPresent()) {
            named.add(prefix + delimiter + connector.literal("topic.transaction").orElse("transaction"));
        }
        List<Captured> captured = connector.entry("topic.naming.strategy").isPresent() ? null
                : captured(connector, NAMESPACE_LISTS.get(simpleName));
        return new PrefixTopics(kind, kindName, named, captured, prefix, delimiter);
    }

    /** The topics both connectors write, as names to show. */
    List<String> shared(PrefixTopics other) {
        List<String> shared = new ArrayList<>();
        named.stream().filter(other.named()::contains).forEach(shared::add);
        if (captured != null && other.captured() != null && delimiter.equals(other.delimiter())) {
            for (Captured mine : captured) {
                for (Captured theirs : other.captured()) {
                    if (mine.namespace().equalsIgnoreCase(theirs.namespace()) && (mine.table().equals(ANY)
                            || theirs.table().equals(ANY) || mine.table().equalsIgnoreCase(theirs.table()))) {
                        String table = mine.table().equals(ANY) ? theirs.table() : mine.table();
                        shared.add(prefix + delimiter + mine.namespace() + delimiter
                                + (table.equals(ANY) ? "<table>" : table));
                    }
                }
            }
        }
        return shared;
    }

    private static boolean isFalse(Connector connector, String key) {
        return connector.literal(key).map(value -> value.trim().equalsIgnoreCase("false")).orElse(false);
    }

    private static final java.util.regex.Pattern POSITIVE = java.util.regex.Pattern.compile("0*[1-9][0-9]*");

    /** A switch set on: true or a positive interval, or a reference, which is set for a reason. */
    private static boolean setOn(ConfigEntry entry) {
        if (!entry.hasText()) {
            return false;
        }
        if (!entry.isLiteral()) {
            return true;
        }
        String value = entry.text().trim();
        return value.equalsIgnoreCase("true") || POSITIVE.matcher(value).matches();
    }

    /**
     * The (namespace, table) pairs the include lists name: the table list when set, else the
     * namespace list; null when neither is set or an entry's namespace is a pattern.
     */
    private static List<Captured> captured(Connector connector, List<String> lists) {
        if (lists == null) {
            return null;
        }
        Optional<String> tables = first(connector, lists.get(0));
        Optional<String> namespaces = first(connector, lists.get(1));
        if (tables.isEmpty() && namespaces.isEmpty()) {
            return null;
        }
        List<Captured> captured = new ArrayList<>();
        for (String raw : tables.or(() -> namespaces).get().split(",")) {
            String item = raw.trim().replace("\\.", ".");
            if (item.isEmpty()) {
                continue;
            }
            int dot = item.indexOf('.');
            String namespace = tables.isPresent() ? (dot < 0 ? null : item.substring(0, dot)) : item;
            if (namespace == null || !NAME.matcher(namespace).matches()) {
                return null; // a pattern over namespaces: which it matches is not known here
            }
            String table = tables.isPresent() ? item.substring(dot + 1) : ANY;
            captured.add(new Captured(namespace, NAME.matcher(table).matches() ? table : ANY));
        }
        return captured;
    }

    /** The first of "new|old" that is set to a literal value. */
    private static Optional<String> first(Connector connector, String names) {
        for (String name : names.split("\\|")) {
            Optional<String> value = connector.literal(name).filter(list -> !list.isBlank());
            if (value.isPresent()) {
                return value;
            }
            if (connector.entry(name).isPresent()) {
                return Optional.empty(); // set, but not known here
            }
        }
        return Optional.empty();
    }
}
