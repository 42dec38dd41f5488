package io.dbzlint.preflight;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The database a connector reads, as its own connection keys say, every reference filled in: where
 * preflight connects, read-only. The password is held for the driver only; {@link #toString()} and
 * every message name the server as {@code host:port} and nothing more.
 *
 * @param written the host and port as the config writes them, for messages (before --host-map)
 */
record Target(ConnectorType type, String host, int port, String user, String password, String database,
              String sslMode, String written) {

    static final String PASSWORD = "database.password";
    static final String USER = "database.user";

    /** Builds a connector's target; throws with a one-line reason when a key cannot be filled in. */
    static Target of(Connector connector, Resolver resolver, Map<String, String> hostMap, String password)
            throws Resolver.Unresolvable {
        String host = required(connector, Keys.HOSTNAME, resolver);
        int defaultPort = connector.type() == ConnectorType.POSTGRESQL ? 5432 : 3306;
        Optional<ConfigEntry> portEntry = connector.entry(Keys.PORT);
        int port = defaultPort;
        if (portEntry.isPresent() && portEntry.get().hasText()) {
            String text = resolver.resolve(portEntry.get()).trim();
            try {
                port = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new Resolver.Unresolvable(Keys.PORT + " is not a port number");
            }
        }
        String written = host + ":" + port;
        String mapped = hostMap.get(host);
        if (mapped != null) {
            int colon = mapped.lastIndexOf(':');
            if (colon > 0) {
                port = Integer.parseInt(mapped.substring(colon + 1));
                host = mapped.substring(0, colon);
            } else {
                host = mapped;
            }
        }
        String user = required(connector, USER, resolver);
        String secret = password;
        if (secret == null) {
            Optional<ConfigEntry> entry = connector.entry(PASSWORD);
            secret = entry.isPresent() && entry.get().hasText() ? resolver.resolve(entry.get()) : "";
        }
        String database = connector.type() == ConnectorType.POSTGRESQL ? required(connector, Keys.DBNAME, resolver)
                : null;
        String ssl = null;
        for (String key : new String[] {"database.sslmode", "database.ssl.mode"}) {
            Optional<ConfigEntry> entry = connector.entry(key);
            if (entry.isPresent() && entry.get().hasText()) {
                ssl = resolver.resolve(entry.get()).trim().toLowerCase(Locale.ROOT);
            }
        }
        return new Target(connector.type(), host, port, user, secret, database, ssl, written);
    }

    private static String required(Connector connector, String key, Resolver resolver) throws Resolver.Unresolvable {
        Optional<ConfigEntry> entry = connector.entry(key);
        if (entry.isEmpty() || !entry.get().hasText() || entry.get().text().isBlank()) {
            throw new Resolver.Unresolvable("no " + key);
        }
        String value = resolver.resolve(entry.get()).trim();
        if (value.isEmpty()) {
            throw new Resolver.Unresolvable(key + " is empty once filled in");
        }
        return value;
    }

    /** The server and database as one key, to check each once however many connectors share it. */
    String server() {
        return type.id() + "://" + host + ":" + port;
    }

    /**
     * A read-only connection with the connector's own credentials, through the driver bundled for
     * this family (loaded only now: lint never loads a driver), within the timeout.
     */
    Connection connect(int timeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        Connection connection;
        if (type == ConnectorType.POSTGRESQL) {
            properties.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
            properties.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
            properties.setProperty("socketTimeout", String.valueOf(timeoutSeconds * 6));
            properties.setProperty("readOnly", "true");
            properties.setProperty("readOnlyMode", "always");
            properties.setProperty("ApplicationName", "dbzlint preflight");
            properties.setProperty("sslmode", sslMode == null ? "prefer" : sslMode);
            connection = new org.postgresql.Driver().connect("jdbc:postgresql://" + hostForUrl() + ":" + port + "/"
                    + encode(database), properties);
        } else {
            properties.setProperty("connectTimeout", String.valueOf(timeoutSeconds * 1000));
            properties.setProperty("socketTimeout", String.valueOf(timeoutSeconds * 6000));
            properties.setProperty("allowPublicKeyRetrieval", "true");
            properties.setProperty("sslMode", mariadbSslMode());
            connection = new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://" + hostForUrl() + ":" + port + "/",
                    properties);
        }
        if (connection == null) {
            throw new SQLException("the driver refused the connection settings");
        }
        connection.setReadOnly(true);
        return connection;
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** MySQL's ssl modes as MariaDB Connector/J names them. */
    private String mariadbSslMode() {
        if (sslMode == null) {
            return "disable";
        }
        return switch (sslMode) {
            case "required", "preferred", "trust" -> "trust";
            case "verify_ca", "verify-ca" -> "verify-ca";
            case "verify_identity", "verify-full" -> "verify-full";
            default -> "disable";
        };
    }

    private static String encode(String database) {
        return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return server();
    }
}
