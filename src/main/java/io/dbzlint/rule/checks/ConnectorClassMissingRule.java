package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;

public final class ConnectorClassMissingRule implements ConnectorRule {

    @Override
    public String id() {
        return "connector-class-missing";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        boolean missing = connector.value(Keys.CONNECTOR_CLASS).map(String::isBlank).orElse(true);
        if (missing) {
            sink.report(connector, Keys.CONNECTOR_CLASS, connector.location(), "connector " + Printable.quote(connector.name())
                    + " has no connector.class; set it to io.debezium.connector.mysql.MySqlConnector"
                    + " or io.debezium.connector.postgresql.PostgresConnector");
        }
    }
}
