package io.dbzlint.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The Debezium connectors dbzlint knows, recognised from {@code connector.class}. */
public enum ConnectorType {
    MYSQL("mysql", "MySQL", "io.debezium.connector.mysql.MySqlConnector"),
    MARIADB("mariadb", "MariaDB", "io.debezium.connector.mariadb.MariaDbConnector"),
    POSTGRESQL("postgresql", "PostgreSQL", "io.debezium.connector.postgresql.PostgresConnector"),
    OTHER("other", "other", null);

    /**
     * Debezium connectors that record DDL in a schema history, by class: the MySQL family and the
     * others that read a database log without the schema in it.
     */
    private static final List<String> HISTORY_CONNECTORS = List.of(
            "io.debezium.connector.mysql.MySqlConnector", "io.debezium.connector.mariadb.MariaDbConnector",
            "io.debezium.connector.sqlserver.SqlServerConnector", "io.debezium.connector.oracle.OracleConnector",
            "io.debezium.connector.db2.Db2Connector", "io.debezium.connector.informix.InformixConnector");

    private static final Map<String, Boolean> HISTORY_BY_CLASS = new ConcurrentHashMap<>();

    private final String id;
    private final String displayName;
    private final String connectorClass;

    ConnectorType(String id, String displayName, String connectorClass) {
        this.id = id;
        this.displayName = displayName;
        this.connectorClass = connectorClass;
    }

    /** Stable lower-case id, used as a key in the rules data and for schema file names. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The fully qualified connector class; null for {@link #OTHER}. */
    public String connectorClass() {
        return connectorClass;
    }

    /** MySQL and MariaDB: binlog readers that join the server as replicas, with a server id each. */
    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /**
     * Kafka Connect accepts the fully qualified class name and the simple one; so do we. An unknown
     * or absent class is {@link #OTHER}.
     */
    public static ConnectorType fromConnectorClass(String connectorClass) {
        if (connectorClass == null) {
            return OTHER;
        }
        String trimmed = connectorClass.trim();
        for (ConnectorType type : values()) {
            if (type.connectorClass == null) {
                continue;
            }
            if (trimmed.equals(type.connectorClass) || trimmed.equals(simpleName(type.connectorClass))) {
                return type;
            }
        }
        return OTHER;
    }

    /** True when a connector class keeps a schema history: MySQL, MariaDB, SQL Server, Oracle, Db2, Informix. */
    public static boolean keepsSchemaHistory(String connectorClass) {
        if (connectorClass == null) {
            return false;
        }
        Boolean known = HISTORY_BY_CLASS.get(connectorClass);
        if (known != null) {
            return known; // asked for every key of every config: a few classes, looked up once each
        }
        String trimmed = connectorClass.trim();
        boolean keeps = HISTORY_CONNECTORS.stream().anyMatch(c -> trimmed.equals(c) || trimmed.equals(simpleName(c)));
        if (HISTORY_BY_CLASS.size() < 1000) {
            HISTORY_BY_CLASS.put(connectorClass, keeps);
        }
        return keeps;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    public static ConnectorType fromId(String id) {
        for (ConnectorType type : values()) {
            if (type.id.equals(id.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown connector type: " + id);
    }
}
