package io.dbzlint.catalog;

import io.dbzlint.json.Json;
import io.dbzlint.rule.Catalog;
import io.debezium.config.Configuration;
import io.debezium.config.Field;
import io.debezium.connector.mysql.MySqlConnectorConfig;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.storage.kafka.history.KafkaSchemaHistory;
import io.debezium.transforms.outbox.EventRouter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    public static final String DEBEZIUM_VERSION = Catalog.DEBEZIUM_VERSION;
    public static final Path FILE = Path.of("rules/catalog/debezium-" + DEBEZIUM_VERSION + ".json");
    private static final int DESCRIPTION_LENGTH = 200;

    private CatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
    }

    public static String generate() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartObject();
            json.writeStringProperty("debeziumVersion", DEBEZIUM_VERSION);
            json.writeStringProperty("generatedBy", "src/test/java/io/dbzlint/catalog/CatalogGenerator.java"
                    + " from Debezium's field definitions; do not edit by hand");
            json.writeName("connectors");
            json.writeStartObject();
            writeFields(json, "mysql", fields(MySqlConnectorConfig.ALL_FIELDS));
            writeFields(json, "postgresql", fields(PostgresConnectorConfig.ALL_FIELDS));
            json.writeEndObject();
            json.writeName("schemaHistory");
            json.writeStartObject();
            writeFields(json, "kafka", fields(KafkaSchemaHistory.ALL_FIELDS));
            json.writeEndObject();
            json.writeName("transforms");
            json.writeStartObject();
            try (EventRouter<?> router = new EventRouter<>()) {
                writeConfigDef(json, EventRouter.class.getName(), router.config());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return text + "\n";
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

    private static String shorten(String description) {
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
