package io.dbzlint.model;

import java.util.Locale;

/** The Debezium connectors dbzlint knows, recognised from {@code connector.class}. */
public enum ConnectorType {
    MYSQL("mysql", "MySQL", "io.debezium.connector.mysql.MySqlConnector"),
    POSTGRESQL("postgresql", "PostgreSQL", "io.debezium.connector.postgresql.PostgresConnector"),
    OTHER("other", "other", null);

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
            String simple = type.connectorClass.substring(type.connectorClass.lastIndexOf('.') + 1);
            if (trimmed.equals(type.connectorClass) || trimmed.equals(simple)) {
                return type;
            }
        }
        return OTHER;
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
