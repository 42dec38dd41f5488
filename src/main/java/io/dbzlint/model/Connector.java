package io.dbzlint.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connector config as loaded from a file.
 *
 * @param name the connector name (REST body {@code name}, else config {@code name}, else the file name)
 * @param nameLocation where the name was written, or the config's start when it came from the file name
 * @param location where the config object starts
 * @param config keys in file order; a duplicated key keeps its last value, as Kafka Connect does
 * @param envelope what surrounds the config in the file, by path, for rules about that format:
 *     a Strimzi KafkaConnector's {@code kind}, {@code metadata.labels.strimzi.io/cluster},
 *     {@code spec.pause}, and the {@code spec.config} keys Strimzi sets itself; empty for a REST body
 * @param deployment where the connector runs; the loader leaves the whole repository, and the
 *     engine places it before any rule sees it
 */
public record Connector(String name, Location nameLocation, Location location, ConnectorType type,
                        Map<String, ConfigEntry> config, Map<String, ConfigEntry> envelope, Deployment deployment) {

    /** Takes the maps as they are (the loader builds them for this connector alone) and makes them read-only. */
    public Connector {
        config = Collections.unmodifiableMap(config);
        envelope = Collections.unmodifiableMap(envelope);
    }

    public Connector(String name, Location nameLocation, Location location, ConnectorType type,
                     Map<String, ConfigEntry> config, Map<String, ConfigEntry> envelope) {
        this(name, nameLocation, location, type, config, envelope, Deployment.REPOSITORY);
    }

    public Connector(String name, Location nameLocation, Location location, ConnectorType type,
                     Map<String, ConfigEntry> config) {
        this(name, nameLocation, location, type, config, Map.of());
    }

    /** The same connector, placed in a deployment. */
    public Connector in(Deployment where) {
        // by identity: deployments are equal by name, and the one given may add the release it runs
        return where == deployment ? this : new Connector(name, nameLocation, location, type, config, envelope,
                where);
    }

    /**
     * True for Debezium connectors: the types dbzlint knows, and any other class under
     * {@code io.debezium.} (SQL Server, Oracle, MongoDB ...), which share the logical-name semantics.
     */
    public boolean isDebezium() {
        return type != ConnectorType.OTHER
                || value(Keys.CONNECTOR_CLASS).map(c -> c.trim().startsWith("io.debezium.")).orElse(false);
    }

    /** The envelope entry of a Kubernetes resource's namespace. */
    public static final String NAMESPACE = "metadata.namespace";
    /** The envelope entry of a Strimzi KafkaConnector's cluster label: the KafkaConnect that runs it. */
    public static final String STRIMZI_CLUSTER = "metadata.labels.strimzi.io/cluster";
    /** In the envelope of a script's body: the shell variable it is assigned to, which the script never expands. */
    public static final String UNPOSTED_VARIABLE = "script.unposted.variable";
    /**
     * In the envelope of a body a command in a YAML or JSON file posts (a compose service's
     * {@code command:}, a Kubernetes Job's script): a shell sends it, filling in its variables.
     */
    public static final String IN_COMMAND = "script.in.command";
    /** In the envelope of a script's body on a commented-out line ({@code #curl ... -d '{...}'}): the line. */
    public static final String COMMENTED_OUT = "script.commented.out";
    /**
     * In the envelope of a body sent with {@code PUT /connectors/NAME/config}: NAME. The body is a
     * new version of that connector's config, replacing any other of the name.
     */
    public static final String PUT_CONNECTOR = "request.put.connector";

    /**
     * In the envelope of a config written as a YAML mapping of its keys: the input of a program
     * (an application embedding Debezium, a tool that writes the REST body), which may fill in what
     * the file leaves out from defaults of its own, so that no key is known to be missing.
     */
    public static final String YAML_KEYS = "yaml.keys";

    /**
     * In the envelope of a config sent to {@code PUT /connector-plugins/PLUGIN/config/validate}:
     * PLUGIN. Kafka Connect validates the config and runs nothing.
     */
    public static final String VALIDATED = "request.validate.plugin";

    /**
     * In the envelope of a body that is Kafka Connect's reply (GET /connectors/NAME, or the reply to
     * a POST: {@code tasks} and {@code type} beside name and config), kept in a file or on a page.
     */
    public static final String SAVED_REPLY = "connect.reply";

    /** Whether this config is a saved reply of Kafka Connect: what a cluster held, not a body to post. */
    public boolean isSavedReply() {
        return envelope.containsKey(SAVED_REPLY);
    }

    /** Whether this config is sent with PUT /connectors/NAME/config: a version of the connector NAME. */
    public boolean isPut() {
        return envelope.containsKey(PUT_CONNECTOR);
    }

    /** The envelope entry that marks a connector run by Debezium Server rather than Kafka Connect. */
    public static final String RUNTIME = "runtime";
    /**
     * The secrets of Debezium Server's configuration outside its connector's (the sink's broker
     * password, debezium.sink.rabbitmq.connection.password) sit in its connector's envelope under
     * their full property names, which begin with this.
     */
    public static final String SERVER_PROPERTY = "debezium.";
    public static final String DEBEZIUM_SERVER = "debezium-server";
    /** An application's own properties for the Debezium embedded engine: connector keys and the engine's. */
    public static final String DEBEZIUM_ENGINE = "debezium-engine";
    /**
     * The envelope entry of a Debezium Platform source: the platform's conductor adds what a pipeline
     * needs around it (the schema history store, offsets) when it runs the source on a Debezium Server.
     */
    public static final String PLATFORM_SOURCE = "platform.source";

    /** True for a Debezium Platform source, whose schema history the platform configures. */
    public boolean isPlatformSource() {
        return envelope.containsKey(PLATFORM_SOURCE);
    }

    /**
     * True when Debezium's engine runs this connector, not Kafka Connect: Debezium Server
     * (application.properties, a DebeziumServer resource) or an application embedding the engine.
     * The engine reads keys of its own (offsets, retries) beside the connector's.
     */
    public boolean runsOnDebeziumEngine() {
        ConfigEntry runtime = envelope.get(RUNTIME);
        return runtime != null && (DEBEZIUM_SERVER.equals(runtime.text()) || DEBEZIUM_ENGINE.equals(runtime.text()));
    }

    /**
     * True for an application's own properties for the embedded engine: the application hands the
     * whole Properties to the engine, which ignores keys it does not know, and may read settings of
     * its own from them too.
     */
    public boolean embedsDebeziumEngine() {
        ConfigEntry runtime = envelope.get(RUNTIME);
        return runtime != null && DEBEZIUM_ENGINE.equals(runtime.text());
    }

    /**
     * True for the input of a program that may read keys of its own from it: an application's
     * properties for the embedded engine, or a config written as YAML keys (see {@link #YAML_KEYS}).
     */
    public boolean readByAnApplication() {
        return embedsDebeziumEngine() || envelope.containsKey(YAML_KEYS);
    }

    /**
     * True when Debezium Server runs this connector: Quarkus resolves {@code ${VAR}} expressions in
     * its configuration from the environment at run time, so they are references, not templates.
     */
    public boolean runsOnDebeziumServer() {
        ConfigEntry runtime = envelope.get(RUNTIME);
        return runtime != null && DEBEZIUM_SERVER.equals(runtime.text());
    }

    /** True for connectors that record DDL in a schema history (MySQL, MariaDB, SQL Server, Oracle, Db2, Informix). */
    public boolean keepsSchemaHistory() {
        return ConnectorType.keepsSchemaHistory(config.get(Keys.CONNECTOR_CLASS) == null ? null
                : config.get(Keys.CONNECTOR_CLASS).text());
    }

    /**
     * The keys that say what a connector reads (its database, what it captures, its topics), where it
     * writes, and what it holds (server id, slot, history topic): a copy changed in one of them is
     * meant to run beside the original.
     */
    private static final List<String[]> SOURCE_KEYS = names("database.hostname", "database.port", "database.dbname",
            "database.names", "database.include.list|database.whitelist", "schema.include.list|schema.whitelist",
            "table.include.list|table.whitelist", "collection.include.list", "mongodb.connection.string",
            "mongodb.hosts", "database.url", "connection.url", "connection.uri", "topics", "topics.regex",
            Keys.TOPIC_PREFIX + "|" + Keys.SERVER_NAME_1X, "database.server.id", "slot.name", "publication.name",
            "schema.history.internal.kafka.topic|database.history.kafka.topic");

    /** Each "new|old" as its names, once. */
    private static List<String[]> names(String... keys) {
        return java.util.Arrays.stream(keys).map(key -> key.split("\\|")).toList();
    }

    /**
     * What the connector reads, writes and holds, as a fingerprint of its class and those keys: equal
     * for two configs of one connector (a copy, a later version, an update body, a lesson's repeat),
     * different for two connectors of one database that capture different tables, write under
     * different prefixes or were given their own slot; 0 when the config says nothing of its source.
     */
    public long sourceIdentity() {
        return identity(SOURCE_KEYS);
    }

    /**
     * A connector's database, the name its topics start with and what it holds there: what two
     * versions of it share, and what a second connector meant to run beside it is given anew.
     */
    private static final List<String[]> VARIANT_KEYS = names("database.hostname", "database.port", "database.dbname",
            "database.names", "mongodb.connection.string", "mongodb.hosts", "database.url", "connection.url",
            "connection.uri", Keys.TOPIC_PREFIX + "|" + Keys.SERVER_NAME_1X, "database.server.id", "slot.name",
            "publication.name", "schema.history.internal.kafka.topic|database.history.kafka.topic");

    /**
     * The database a connector reads, the logical name it writes under and the server id, slot and
     * history topic it holds, as a fingerprint: two connectors that share it and capture
     * overlapping tables (see {@link #capture}) write the same topics from the same resources, so
     * they are versions of one connector (another converter, a narrower table list), not two that
     * run together, which would each have been given their own; 0 when the config names none.
     */
    public long variantIdentity() {
        return identity(VARIANT_KEYS);
    }

    private static final String[] CAPTURE_KEYS = {"table.include.list", "table.whitelist", "collection.include.list",
        "schema.include.list", "schema.whitelist", "database.include.list", "database.whitelist"};

    /**
     * What a connector captures, as lower-case names of tables, schemas or databases (a name covers
     * the names under it: {@code inventory} covers {@code inventory.customers}), from the narrowest
     * include list it sets; null when it captures everything it can see or the list is not known.
     */
    public java.util.Set<String> capture() {
        for (String key : CAPTURE_KEYS) {
            ConfigEntry entry = config.get(key);
            if (entry != null && entry.isLiteral() && !entry.text().isBlank()) {
                java.util.Set<String> names = new java.util.HashSet<>();
                for (String name : entry.text().split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return names;
            }
        }
        return null;
    }

    /** Whether two captures share a table: either captures everything, or a name covers or equals another. */
    public static boolean overlaps(java.util.Set<String> one, java.util.Set<String> other) {
        if (one == null || other == null) {
            return true;
        }
        for (String a : one) {
            for (String b : other) {
                if (a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The keys that say which database (or, for a sink, which system) a connector connects to. */
    private static final List<String[]> DATABASE_KEYS = names("database.hostname", "database.port",
            "database.dbname", "database.names", "mongodb.connection.string", "mongodb.hosts", "database.url",
            "connection.url", "connection.uri", "hostname");

    /**
     * Which database the connector connects to, as a fingerprint of its class and connection keys:
     * equal for two versions of one connector whatever else they change; 0 when the config says
     * nothing of its database.
     */
    public long databaseIdentity() {
        return identity(DATABASE_KEYS);
    }

    /**
     * The database identity, or 0 when a value it is made of is not known yet (a template, a
     * placeholder such as {@code <replace with hostname>}): an unknown database, not another one.
     */
    public long knownDatabaseIdentity() {
        for (String[] keys : DATABASE_KEYS) {
            for (String name : keys) {
                ConfigEntry entry = config.get(name);
                if (entry != null && entry.hasText() && entry.hasReference()) {
                    return 0;
                }
            }
        }
        return databaseIdentity();
    }

    /**
     * A fingerprint of the class and the values of the keys given, each "new|old" by its value under
     * either name: a 1.x copy of a config (database.server.name) reads and writes what the 2.x one does.
     */
    private long identity(List<String[]> keys) {
        long identity = 0;
        boolean any = false;
        for (int k = 0; k < keys.size(); k++) {
            ConfigEntry entry = null;
            for (String name : keys.get(k)) {
                entry = entry != null ? entry : config.get(name);
            }
            if (entry != null && entry.hasText() && !entry.hasReference()) {
                // a value not known yet (<your-host>, ${PG_HOST}) tells nothing: two versions of one
                // connector with blanks or variables written differently are not two connectors
                any = true;
                identity = identity * 31 + k;
                identity = identity * 31 + entry.text().trim().hashCode();
            }
        }
        if (!any) {
            return 0;
        }
        ConfigEntry connectorClass = config.get(Keys.CONNECTOR_CLASS);
        identity = identity * 31 + (connectorClass != null && connectorClass.hasText()
                ? connectorClass.text().trim().hashCode() : 0);
        return identity == 0 ? 1 : identity;
    }


    public Optional<ConfigEntry> entry(String key) {
        return Optional.ofNullable(config.get(key));
    }

    /** The value of a key as Kafka Connect would read it, if the key is set to a scalar. */
    public Optional<String> value(String key) {
        ConfigEntry entry = config.get(key);
        return entry == null || !entry.hasText() ? Optional.empty() : Optional.of(entry.text());
    }

    /** The value of a key when it is set and known now: not a reference that is filled in at deploy time. */
    public Optional<String> literal(String key) {
        ConfigEntry entry = config.get(key);
        return entry == null || !entry.isLiteral() ? Optional.empty() : Optional.of(entry.text());
    }

    /** The first of several keys that is set, e.g. a 2.x name before its 1.x predecessor. */
    public Optional<ConfigEntry> firstEntry(List<String> keys) {
        for (String key : keys) {
            ConfigEntry entry = config.get(key);
            if (entry != null && entry.hasText()) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The location of a key's value, or of the config object when the key is absent. */
    public Location locationOf(String key) {
        ConfigEntry entry = config.get(key);
        return entry == null ? location : entry.valueLocation();
    }
}
