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
}
