package io.dbzlint.catalog;

import io.dbzlint.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JsonGenerator;

/**
 * Writes rules/catalog/debezium-releases.json: for each connector, every key any of a set of
 * Debezium releases reads, with the releases that read it, and per release its type, default and
 * allowed values. Each release is loaded in a class loader of its own (its jars come from Maven,
 * through src/test/resources/catalog/release-pom.xml) and read by reflection only, so releases
 * whose classes differ from the test classpath's 3.6.1 load side by side.
 *
 * <p>{@code ReleaseCatalogDriftTest} fails when the committed file differs from what this produces.
 */
public final class ReleaseCatalogGenerator {

    public static final Path FILE = Path.of("rules/catalog/debezium-releases.json");
    private static final Path POM = Path.of("src/test/resources/catalog/release-pom.xml");
    private static final Path CACHE = Path.of("target/debezium-releases");

    /**
     * A release: its version, the Kafka whose Connect API it builds on, whether its Kafka schema
     * history lives in debezium-storage-kafka, and the MariaDB connector release beside it (null
     * where none is served).
     */
    record Release(String version, String kafka, boolean storageModule, String mariadb) {
        String line() {
            String[] parts = version.split("\\.");
            return parts[0] + "." + parts[1];
        }
    }

    /** The last release of each line the catalog describes (or the newest the registry serves). */
    static final List<Release> RELEASES = List.of(
            new Release("1.9.8.Final", "3.3.1", false, null),
            new Release("2.1.4.Final", "3.3.1", false, null),
            new Release("2.4.2.Final", "3.3.1", true, null),
            new Release("2.6.2.Final", "3.7.0", true, null),
            new Release("2.7.4.Final", "3.7.0", true, null),
            new Release("3.0.8.Final", "3.7.0", true, null),
            new Release("3.2.0.Final", "3.9.0", true, "3.2.0.Final"),
            new Release("3.3.2.Final", "3.9.0", true, null),
            new Release("3.4.0.Final", "3.9.0", true, "3.4.0.Final"),
            new Release("3.6.1.Final", "4.3.0", true, null));

    private static final Map<String, String> CONNECTORS = Map.of(
            "mysql", "io.debezium.connector.mysql.MySqlConnectorConfig",
            "postgresql", "io.debezium.connector.postgresql.PostgresConnectorConfig",
            "mariadb", "io.debezium.connector.mariadb.MariaDbConnectorConfig");
    /** Where else a release defines keys every connector reads (the default topic naming strategy's too), if it has the class. */
    private static final List<String> COMMON = List.of("io.debezium.config.CommonConnectorConfig",
            "io.debezium.connector.binlog.BinlogConnectorConfig",
            "io.debezium.pipeline.signal.channels.KafkaSignalChannel",
            "io.debezium.pipeline.signal.channels.FileSignalChannel",
            "io.debezium.pipeline.notification.channels.SinkNotificationChannel",
            "io.debezium.schema.AbstractTopicNamingStrategy");
    private static final List<String> HISTORY = List.of("io.debezium.storage.kafka.history.KafkaSchemaHistory",
            "io.debezium.relational.history.KafkaDatabaseHistory");

    /** One key as one release defines it. */
    record Key(String type, String defaultValue, List<String> allowed, List<String> aliases, String description) {
    }

    private ReleaseCatalogGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
    }

    public static String generate() throws Exception {
        // connector -> key -> release index -> definition
        Map<String, Map<String, Map<Integer, Key>>> all = new TreeMap<>();
        for (int r = 0; r < RELEASES.size(); r++) {
            Release release = RELEASES.get(r);
            try (URLClassLoader loader = loader(release)) {
                for (Map.Entry<String, String> connector : new TreeMap<>(CONNECTORS).entrySet()) {
                    Class<?> config;
                    try {
                        config = Class.forName(connector.getValue(), true, loader);
                    } catch (ClassNotFoundException e) {
                        continue; // no MariaDB connector in this release, or none served
                    }
                    boolean history = connector.getKey().startsWith("m");
                    for (Map.Entry<String, Key> key : keys(config, loader, history).entrySet()) {
                        all.computeIfAbsent(connector.getKey(), k -> new TreeMap<>())
                                .computeIfAbsent(key.getKey(), k -> new TreeMap<>()).put(r, key.getValue());
                    }
                }
            }
        }
        return write(all);
    }

    /** The keys of one connector in one release: ALL_FIELDS, and the Field constants of its configs and channels. */
    private static Map<String, Key> keys(Class<?> config, ClassLoader loader, boolean history) throws Exception {
        Map<String, Key> keys = new TreeMap<>();
        for (Object field : (Iterable<?>) config.getField("ALL_FIELDS").get(null)) {
            add(keys, field);
        }
        List<Class<?>> declaring = new ArrayList<>(List.of(config));
        for (String name : COMMON) {
            try {
                Class<?> type = Class.forName(name, true, loader);
                if (!name.endsWith("BinlogConnectorConfig") || type.isAssignableFrom(config)) {
                    declaring.add(type);
                }
            } catch (ClassNotFoundException e) {
                // not in this release
            }
        }
        if (history) {
            for (String name : HISTORY) {
                try {
                    for (Object field : (Iterable<?>) Class.forName(name, true, loader).getField("ALL_FIELDS").get(null)) {
                        add(keys, field);
                    }
                    break;
                } catch (ClassNotFoundException e) {
                    // the other name
                }
            }
        }
        Class<?> fieldClass = Class.forName("io.debezium.config.Field", false, loader);
        for (Class<?> type : declaring) {
            for (java.lang.reflect.Field constant : type.getDeclaredFields()) {
                if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == fieldClass) {
                    constant.setAccessible(true);
                    Object field = constant.get(null);
                    if (field != null) {
                        String name = (String) call(field, "name");
                        if (!keys.containsKey(name)) {
                            add(keys, field);
                        }
                    }
                }
            }
        }
        keys.keySet().removeIf(name -> name.contains("("));
        return keys;
    }

    private static void add(Map<String, Key> keys, Object field) {
        String name = (String) call(field, "name");
        Object type = call(field, "type");
        Object allowed = call(field, "allowedValues");
        Object aliases = callIfPresent(field, "deprecatedAliases");
        keys.put(name, new Key(type == null ? "string" : type.toString().toLowerCase(Locale.ROOT), stableDefault(field),
                allowed == null ? List.of() : sorted(((Collection<?>) allowed).stream()
                        .map(v -> String.valueOf(v).toLowerCase(Locale.ROOT)).toList()),
                aliases == null ? List.of() : sorted(((Collection<?>) aliases).stream().map(String::valueOf).toList()),
                CatalogGenerator.shorten((String) call(field, "description"))));
    }

    /**
     * A field's default, or null when it is drawn at random (Debezium 1.9 picks a random
     * database.server.id): asked several times, a random default differs.
     */
    private static String stableDefault(Object field) {
        String first = (String) call(field, "defaultValueAsString");
        for (int i = 0; i < 4; i++) {
            if (!Objects.equals(first, call(field, "defaultValueAsString"))) {
                return null;
            }
        }
        return first;
    }

    private static List<String> sorted(List<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }

    private static Object call(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass() + "." + method, e);
        }
    }

    private static Object callIfPresent(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The release's jars, asked of Maven once and kept under target/. */
    static URLClassLoader loader(Release release) throws IOException, InterruptedException {
        Path classpath = CACHE.resolve(release.version() + ".classpath");
        if (!Files.exists(classpath)) {
            Files.createDirectories(CACHE);
            List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-f", POM.toString(),
                    "dependency:build-classpath", "-Ddebezium=" + release.version(), "-Dkafka=" + release.kafka(),
                    "-Dmdep.outputFile=" + classpath.toAbsolutePath()));
            if (release.storageModule()) {
                command.add("-Dstorage=true");
            }
            if (release.mariadb() != null) {
                command.add("-Dmariadb=" + release.mariadb());
            }
            Process maven = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.exists(classpath)) {
                throw new IllegalStateException("Maven could not resolve Debezium " + release.version());
            }
        }
        List<URL> urls = new ArrayList<>();
        for (String jar : Files.readString(classpath).trim().split(java.io.File.pathSeparator)) {
            urls.add(Path.of(jar).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * Compact: per key, the releases that read it as index ranges, and its definition only where it
     * changes from one release to the next (a type, a default, allowed values).
     */
    private static String write(Map<String, Map<String, Map<Integer, Key>>> all) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartObject();
            json.writeStringProperty("generatedBy", "src/test/java/io/dbzlint/catalog/ReleaseCatalogGenerator.java"
                    + " from each release's own field definitions; do not edit by hand");
            json.writeName("releases");
            json.writeStartArray();
            for (Release release : RELEASES) {
                json.writeString(release.version());
            }
            json.writeEndArray();
            json.writeName("connectors");
            json.writeStartObject();
            for (Map.Entry<String, Map<String, Map<Integer, Key>>> connector : all.entrySet()) {
                json.writeName(connector.getKey());
                json.writeStartObject();
                for (Map.Entry<String, Map<Integer, Key>> key : connector.getValue().entrySet()) {
                    json.writeName(key.getKey());
                    json.writeStartObject();
                    json.writeName("in");
                    json.writeArray(key.getValue().keySet().stream().mapToInt(Integer::intValue).toArray(), 0,
                            key.getValue().size());
                    Key previous = null;
                    Map<Integer, Key> changes = new LinkedHashMap<>();
                    for (Map.Entry<Integer, Key> release : key.getValue().entrySet()) {
                        Key definition = new Key(release.getValue().type(), release.getValue().defaultValue(),
                                release.getValue().allowed(), release.getValue().aliases(), "");
                        if (!Objects.equals(definition, previous)) {
                            changes.put(release.getKey(), release.getValue());
                        }
                        previous = definition;
                    }
                    json.writeName("defs");
                    json.writeStartArray();
                    for (Map.Entry<Integer, Key> change : changes.entrySet()) {
                        Key k = change.getValue();
                        json.writeStartObject();
                        json.writeNumberProperty("from", change.getKey());
                        json.writeStringProperty("type", k.type());
                        json.writeStringProperty("default", k.defaultValue());
                        if (!k.allowed().isEmpty()) {
                            json.writeName("allowed");
                            json.writeStartArray();
                            k.allowed().forEach(json::writeString);
                            json.writeEndArray();
                        }
                        if (!k.aliases().isEmpty()) {
                            json.writeName("aliases");
                            json.writeStartArray();
                            k.aliases().forEach(json::writeString);
                            json.writeEndArray();
                        }
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return text + "\n";
    }
}
