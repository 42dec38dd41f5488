package io.dbzlint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing input files for a test, folders included. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    /** A Debezium PostgreSQL connector's config over pgoutput, with its own slot, publication and prefix. */
    public static java.util.Map<String, String> postgres(String host, int port, String user, String password,
                                                         String database, String slot, String prefix) {
        java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.put("database.hostname", host);
        config.put("database.port", String.valueOf(port));
        config.put("database.user", user);
        config.put("database.password", password);
        config.put("database.dbname", database);
        config.put("plugin.name", "pgoutput");
        config.put("slot.name", slot);
        config.put("publication.name", slot + "_pub");
        config.put("topic.prefix", prefix);
        return config;
    }

    /**
     * A Kafka Connect REST body named after its file ({@code orders.json}: "orders"), one key a line
     * from line 2, in the map's order: the places tests pin findings at.
     */
    public static Path restBody(Path dir, String file, java.util.Map<String, String> config) throws IOException {
        StringBuilder json = new StringBuilder("{\"name\": \"" + file.replace(".json", "") + "\", \"config\": {\n");
        config.forEach((key, value) -> json.append("  \"").append(key).append("\": \"").append(value).append("\",\n"));
        json.setLength(json.length() - 2);
        return write(dir, file, json.append("\n}}\n").toString());
    }
}
