package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;

/** Schema history keys on a PostgreSQL connector, which has no schema history: usually a copy-paste from MySQL. */
public final class HistoryOnPostgresRule implements ConnectorRule {

    @Override
    public String id() {
        return "history-on-postgres";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() != ConnectorType.POSTGRESQL) {
            return;
        }
        for (ConfigEntry entry : connector.config().values()) {
            String key = entry.key();
            if (key.startsWith("schema.history.internal") || key.startsWith("database.history")) {
                sink.report(connector, key, entry.keyLocation(), key + " has no effect: the PostgreSQL"
                        + " connector keeps no schema history (it reads the schema from the database); remove it");
            }
        }
    }
}
