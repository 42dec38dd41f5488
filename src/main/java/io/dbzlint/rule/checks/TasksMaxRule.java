package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Optional;

/**
 * tasks.max above 1 on a MySQL, MariaDB or PostgreSQL connector: each reads one ordered stream (a
 * binlog, a replication slot), so Debezium starts one task whatever tasks.max says.
 */
public final class TasksMaxRule implements ConnectorRule {

    @Override
    public String id() {
        return "tasks-max-single";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() == ConnectorType.OTHER) {
            return;
        }
        Optional<ConfigEntry> tasks = connector.entry("tasks.max").filter(ConfigEntry::isLiteral);
        if (tasks.isEmpty()) {
            return;
        }
        try {
            int max = Integer.parseInt(tasks.get().text().trim());
            if (max > 1) {
                sink.report(connector, "tasks.max", tasks.get().valueLocation(), "tasks.max "
                        + Printable.quote(tasks.get().text().trim()) + " has no effect: the "
                        + connector.type().displayName() + " connector reads one ordered stream and runs one task;"
                        + " set it to 1");
            }
        } catch (NumberFormatException e) {
            // not a number: config-schema reports it
        }
    }
}
