package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Fix;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.Suggestions;
import java.util.List;
import java.util.Optional;

/**
 * No connector.class, or a Debezium one no release ships: Kafka Connect finds no plugin for either
 * and refuses the connector.
 */
public final class ConnectorClassMissingRule implements ConnectorRule {

    private static final String DEBEZIUM_CONNECTORS = "io.debezium.connector.";

    /**
     * The connector classes in Debezium's package: Debezium's own, in every release from 0.x on
     * (read from their sources), and those that third parties publish there (Yugabyte, IBM i,
     * CockroachDB). A class within a few edits of one of them, and none of them, is a typo.
     */
    private static final List<String> KNOWN = List.of(
            "io.debezium.connector.mysql.MySqlConnector",
            "io.debezium.connector.mariadb.MariaDbConnector",
            "io.debezium.connector.postgresql.PostgresConnector",
            "io.debezium.connector.postgresql.YugabyteDBConnector",
            "io.debezium.connector.mongodb.MongoDbConnector",
            "io.debezium.connector.mongodb.MongoDbSinkConnector",
            "io.debezium.connector.sqlserver.SqlServerConnector",
            "io.debezium.connector.oracle.OracleConnector",
            "io.debezium.connector.db2.Db2Connector",
            "io.debezium.connector.informix.InformixConnector",
            "io.debezium.connector.vitess.VitessConnector",
            "io.debezium.connector.spanner.SpannerConnector",
            "io.debezium.connector.jdbc.JdbcSinkConnector",
            "io.debezium.connector.db2as400.As400RpcConnector",
            "io.debezium.connector.db2as400.As400JdbcConnector",
            "io.debezium.connector.yugabytedb.YugabyteDBConnector",
            "io.debezium.connector.yugabytedb.YugabyteDBgRPCConnector",
            "io.debezium.connector.cockroachdb.CockroachDBConnector",
            "io.debezium.connector.simple.SimpleSourceConnector");

    @Override
    public String id() {
        return "connector-class-missing";
    }

    /** A class a few edits from one Debezium ships gets that one, as an unsafe fix. */
    @Override
    public boolean fixable() {
        return true;
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        boolean missing = connector.value(Keys.CONNECTOR_CLASS).map(String::isBlank).orElse(true);
        if (missing) {
            sink.report(connector, Keys.CONNECTOR_CLASS, connector.location(), "connector " + Printable.quote(connector.name())
                    + " has no connector.class; set it to io.debezium.connector.mysql.MySqlConnector"
                    + " or io.debezium.connector.postgresql.PostgresConnector");
            return;
        }
        Optional<ConfigEntry> entry = connector.entry(Keys.CONNECTOR_CLASS);
        if (entry.isEmpty() || !entry.get().isLiteral()) {
            return;
        }
        String written = entry.get().text().trim();
        if (!written.startsWith(DEBEZIUM_CONNECTORS) || KNOWN.contains(written)) {
            return;
        }
        List<String> nearest = Suggestions.allNearest(written, KNOWN);
        if (nearest.size() == 1) {
            sink.report(connector, Keys.CONNECTOR_CLASS, entry.get().valueLocation(), "connector.class "
                    + Printable.quote(written) + " is no class Debezium ships: Kafka Connect finds no plugin for it"
                    + " and refuses the connector; did you mean " + nearest.get(0) + "?",
                    Fix.replaceValue(entry.get().valueLocation(), entry.get().text(), nearest.get(0)).map(Fix::unsafe));
        }
    }
}
