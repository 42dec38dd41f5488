package io.dbzlint.catalog;

import io.debezium.config.CommonConnectorConfig;
import io.debezium.config.Configuration;
import io.debezium.config.Field;
import io.debezium.connector.binlog.BinlogConnectorConfig;
import io.debezium.connector.mariadb.MariaDbConnectorConfig;
import io.debezium.connector.mysql.MySqlConnectorConfig;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.pipeline.notification.channels.SinkNotificationChannel;
import io.debezium.pipeline.signal.channels.FileSignalChannel;
import io.debezium.pipeline.signal.channels.KafkaSignalChannel;
import io.debezium.schema.AbstractTopicNamingStrategy;
import io.debezium.storage.file.history.FileSchemaHistory;
import io.debezium.storage.kafka.history.KafkaSchemaHistory;
import io.debezium.transforms.ByLogicalTableRouter;
import io.debezium.transforms.ExtractChangedRecordState;
import io.debezium.transforms.ExtractNewRecordState;
import io.debezium.transforms.HeaderToValue;
import io.debezium.transforms.SchemaChangeEventFilter;
import io.debezium.transforms.TimezoneConverter;
import io.debezium.transforms.outbox.EventRouter;
import io.debezium.transforms.partitions.PartitionRouting;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the property catalog from Debezium's own field definitions: each connector's
 * {@code ALL_FIELDS}, the Kafka schema history's, and the outbox EventRouter's {@code config()}.
 * It runs with Debezium on the test classpath only; the shipped jar reads the generated file.
 *
 * <p>{@code CatalogDriftTest} fails when the committed catalog differs from what this produces;
 * {@code mvn test -Dtest=CatalogDriftTest -Dgolden.update=true} rewrites it.
 */
public final class CatalogGenerator {

    /** The release on the test classpath (pom.xml's debezium.version): the one the catalog is generated from. */
    public static final String DEBEZIUM_VERSION = io.debezium.connector.mysql.Module.version();
    /** The MariaDB connector's release, from the pom: 3.6 is not on the registry this project uses. */
    public static final String MARIADB_VERSION = "3.5.0.Final";
    public static final Path FILE = Path.of("rules/catalog/debezium-" + DEBEZIUM_VERSION + ".json");
    private static final int DESCRIPTION_LENGTH = 200;

    private CatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        GeneratedFile.write(FILE, generate());
    }

    public static String generate() {
        return GeneratedFile.json(json -> {
            json.writeStringProperty("debeziumVersion", DEBEZIUM_VERSION);
            json.writeStringProperty("generatedBy", "src/test/java/io/dbzlint/catalog/CatalogGenerator.java"
                    + " from Debezium's field definitions; do not edit by hand");
            json.writeName("releases");
            json.writeStartObject();
            json.writeStringProperty("mariadb", MARIADB_VERSION);
            json.writeEndObject();
            json.writeName("connectors");
            json.writeStartObject();
            writeFields(json, "mysql", connectorFields(MySqlConnectorConfig.class, MySqlConnectorConfig.ALL_FIELDS));
            writeFields(json, "mariadb", connectorFields(MariaDbConnectorConfig.class, MariaDbConnectorConfig.ALL_FIELDS));
            writeFields(json, "postgresql",
                    connectorFields(PostgresConnectorConfig.class, PostgresConnectorConfig.ALL_FIELDS));
            json.writeEndObject();
            json.writeName("schemaHistory");
            json.writeStartObject();
            writeFields(json, "kafka", fields(KafkaSchemaHistory.ALL_FIELDS));
            writeFields(json, "file", fields(FileSchemaHistory.ALL_FIELDS));
            json.writeEndObject();
            json.writeName("transforms");
            json.writeStartObject();
            for (Class<?> transform : TRANSFORMS) {
                writeConfigDef(json, transform.getName(), configOf(transform));
            }
            json.writeEndObject();
        });
    }

    /** Debezium's SMTs that the catalog describes, by class. */
    private static final List<Class<?>> TRANSFORMS = List.of(EventRouter.class, ExtractNewRecordState.class,
            ExtractChangedRecordState.class, ByLogicalTableRouter.class, HeaderToValue.class,
            TimezoneConverter.class, PartitionRouting.class, SchemaChangeEventFilter.class);

    /**
     * Places besides a connector's ALL_FIELDS where Debezium defines keys every connector reads:
     * the signal and notification channels, and the default topic naming strategy (topic.delimiter,
     * topic.heartbeat.prefix ...).
     */
    private static final List<Class<?>> CHANNELS = List.of(KafkaSignalChannel.class, FileSignalChannel.class,
            SinkNotificationChannel.class, AbstractTopicNamingStrategy.class);

    /**
     * Every key a connector reads: its ALL_FIELDS, and the Field constants declared in its own
     * config class, in the common and binlog configs every such connector reads (binary.handling.mode,
     * skip.messages.without.change ...) and in the signal and notification channels. Not those of
     * RelationalDatabaseConnectorConfig, which declares keys (database.include.list, database.dbname)
     * that only some connectors read; those that read them list them in ALL_FIELDS.
     */
    static List<Field> connectorFields(Class<?> configClass, Iterable<Field> allFields) {
        Map<String, Field> byName = new TreeMap<>();
        allFields.forEach(field -> byName.put(field.name(), field));
        List<Class<?>> declaring = new ArrayList<>(List.of(configClass, CommonConnectorConfig.class));
        if (BinlogConnectorConfig.class.isAssignableFrom(configClass)) {
            declaring.add(BinlogConnectorConfig.class);
        }
        declaring.addAll(CHANNELS);
        for (Class<?> type : declaring) {
            for (java.lang.reflect.Field constant : type.getDeclaredFields()) {
                if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == Field.class) {
                    try {
                        constant.setAccessible(true);
                        Field field = (Field) constant.get(null);
                        if (field != null) {
                            byName.putIfAbsent(field.name(), field);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    @SuppressWarnings("unchecked")
    private static ConfigDef configOf(Class<?> transform) {
        try {
            Object instance = transform.getDeclaredConstructor().newInstance();
            ConfigDef config = (ConfigDef) transform.getMethod("config").invoke(instance);
            // some transforms read fields their config() leaves out (ByLogicalTableRouter's key.field.name,
            // schema.name.adjustment.mode): getConfigFields() lists what configure() reads
            try {
                Object set = transform.getMethod("getConfigFields").invoke(instance);
                List<Field> missing = new ArrayList<>();
                for (Field field : (Iterable<Field>) set) {
                    if (!config.names().contains(field.name())) {
                        missing.add(field);
                    }
                }
                Field.group(config, null, missing.toArray(new Field[0]));
            } catch (NoSuchMethodException e) {
                // config() is all it has
            }
            if (instance instanceof AutoCloseable closeable) {
                closeable.close();
            }
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the config of " + transform.getName(), e);
        }
    }

    private static List<Field> fields(Iterable<Field> set) {
        List<Field> fields = new ArrayList<>();
        set.forEach(fields::add);
        fields.sort(Comparator.comparing(Field::name));
        return fields;
    }

    private static void writeFields(JsonGenerator json, String name, List<Field> fields) {
        json.writeName(name);
        json.writeStartArray();
        for (Field field : fields) {
            json.writeStartObject();
            json.writeStringProperty("name", field.name());
            json.writeStringProperty("type", field.type().name().toLowerCase(Locale.ROOT));
            json.writeStringProperty("default", field.defaultValueAsString());
            json.writeBooleanProperty("required", field.isRequired());
            writeStrings(json, "allowed", field.allowedValues() == null ? List.of()
                    : field.allowedValues().stream().map(v -> String.valueOf(v).toLowerCase(Locale.ROOT)).toList());
            writeStrings(json, "aliases", List.copyOf(field.deprecatedAliases()));
            if (isRegexList(field)) {
                json.writeBooleanProperty("regexList", true);
            }
            json.writeStringProperty("importance", field.importance() == null ? "low"
                    : field.importance().name().toLowerCase(Locale.ROOT));
            json.writeStringProperty("description", shorten(field.description()));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeConfigDef(JsonGenerator json, String name, ConfigDef configDef) {
        json.writeName(name);
        json.writeStartArray();
        Map<String, ConfigDef.ConfigKey> keys = new TreeMap<>(configDef.configKeys());
        for (ConfigDef.ConfigKey key : keys.values()) {
            json.writeStartObject();
            json.writeStringProperty("name", key.name);
            json.writeStringProperty("type", key.type.name().toLowerCase(Locale.ROOT));
            json.writeStringProperty("default", key.hasDefault() && key.defaultValue != null
                    ? String.valueOf(ConfigDef.convertToString(key.defaultValue, key.type)) : null);
            json.writeBooleanProperty("required", !key.hasDefault());
            writeStrings(json, "allowed", List.of());
            writeStrings(json, "aliases", List.of());
            json.writeStringProperty("importance", key.importance == null ? "low"
                    : key.importance.name().toLowerCase(Locale.ROOT));
            json.writeStringProperty("description", shorten(key.documentation));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        json.writeName(name);
        json.writeStartArray();
        for (String value : new TreeSet<>(values)) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /**
     * A field whose validator reads a comma-separated list of regular expressions: it refuses an
     * invalid expression and accepts both a plain name and a real pattern list. Probed, because
     * Debezium's validators are code, not data.
     */
    private static boolean isRegexList(Field field) {
        if (field.type() != ConfigDef.Type.STRING && field.type() != ConfigDef.Type.LIST) {
            return false;
        }
        return !accepts(field, "inventory[") && accepts(field, "inventory.orders") && accepts(field, "inv.*,app\\.(a|b)");
    }

    private static boolean accepts(Field field, String value) {
        List<String> problems = new ArrayList<>();
        try {
            field.validate(Configuration.from(Map.of(field.name(), value)), (f, v, problem) -> problems.add(problem));
        } catch (RuntimeException e) {
            return false;
        }
        return problems.isEmpty();
    }

    static String shorten(String description) {
        if (description == null) {
            return "";
        }
        String text = description.replaceAll("\\s+", " ").trim();
        int end = text.indexOf(". ");
        if (end > 0) {
            text = text.substring(0, end + 1);
        }
        if (text.length() > DESCRIPTION_LENGTH) {
            int cut = text.lastIndexOf(' ', DESCRIPTION_LENGTH - 1);
            text = text.substring(0, cut > 0 ? cut : DESCRIPTION_LENGTH - 1) + "…";
        }
        return text;
    }
}
