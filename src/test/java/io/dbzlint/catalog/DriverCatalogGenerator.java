package io.dbzlint.catalog;

import com.mysql.cj.conf.PropertyKey;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Collection;
import java.util.TreeSet;
import org.postgresql.PGProperty;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the JDBC driver catalog: the connection properties each driver reads, from the drivers
 * themselves. Debezium's relational connectors hand every {@code database.*} and {@code driver.*}
 * key, prefix stripped, to the JDBC driver ({@code RelationalDatabaseConnectorConfig.getJdbcConfig}),
 * so {@code database.useSSL} is MySQL Connector/J's useSSL, not a typo of database.user.
 *
 * <p>{@code DriverCatalogDriftTest} fails when the committed file differs from what this produces;
 * {@code mvn test -Dtest=DriverCatalogDriftTest -Dgolden.update=true} rewrites it.
 */
public final class DriverCatalogGenerator {

    public static final Path FILE = Path.of("rules/catalog/jdbc-drivers.json");

    private DriverCatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        GeneratedFile.write(FILE, generate());
    }

    public static String generate() {
        return GeneratedFile.json(json -> {
            json.writeStringProperty("generatedBy", "src/test/java/io/dbzlint/catalog/DriverCatalogGenerator.java"
                    + " from the JDBC drivers' own property lists; do not edit by hand");
            write(json, "mysql", "com.mysql:mysql-connector-j:" + version(PropertyKey.class), mysql());
            write(json, "mariadb", "org.mariadb.jdbc:mariadb-java-client:" + version(org.mariadb.jdbc.Driver.class),
                    mariadb());
            write(json, "postgresql", "org.postgresql:postgresql:" + version(PGProperty.class), postgresql());
        });
    }

    private static void write(JsonGenerator json, String type, String driver, Collection<String> keys) {
        json.writeName(type);
        json.writeStartObject();
        json.writeStringProperty("driver", driver);
        json.writeName("keys");
        json.writeStartArray();
        keys.forEach(json::writeString);
        json.writeEndArray();
        json.writeEndObject();
    }

    /** MySQL Connector/J: every PropertyKey, by its name and its camel-case alias. */
    static TreeSet<String> mysql() {
        TreeSet<String> keys = new TreeSet<>();
        for (PropertyKey key : PropertyKey.values()) {
            keys.add(key.getKeyName());
            if (key.getCcAlias() != null) {
                keys.add(key.getCcAlias());
            }
        }
        return keys;
    }

    /**
     * MariaDB Connector/J: each option is a setter of Configuration.Builder, named as the option,
     * and the older names it still reads (OptionAliases: useSsl, ...).
     */
    static TreeSet<String> mariadb() {
        TreeSet<String> keys = new TreeSet<>(org.mariadb.jdbc.util.options.OptionAliases.OPTIONS_ALIASES.keySet());
        for (Method method : org.mariadb.jdbc.Configuration.Builder.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && method.getParameterCount() == 1
                    && method.getReturnType() == org.mariadb.jdbc.Configuration.Builder.class) {
                keys.add(method.getName());
            }
        }
        return keys;
    }

    /** pgjdbc: every PGProperty. */
    static TreeSet<String> postgresql() {
        TreeSet<String> keys = new TreeSet<>();
        for (PGProperty property : PGProperty.values()) {
            keys.add(property.getName());
        }
        return keys;
    }

    private static String version(Class<?> type) {
        String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        String jar = path.substring(path.lastIndexOf('/') + 1);
        return jar.replaceAll("^[a-z-]+-(?=\\d)", "").replaceAll("\\.jar$", "");
    }
}
