package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Optional;
import java.util.regex.Pattern;

/** Kafka topic names allow only [a-zA-Z0-9._-]; Debezium refuses a prefix with anything else. */
public final class TopicPrefixFormatRule implements ConnectorRule {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9._-]+");

    @Override
    public String id() {
        return "topic-prefix-format";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (!connector.isDebezium()) {
            return;
        }
        Optional<ConfigEntry> entry = connector.firstEntry(context.logicalNameKeys());
        if (entry.isEmpty() || entry.get().text().isEmpty() || entry.get().hasReference() || VALID.matcher(entry.get().text()).matches()) {
            return;
        }
        String value = entry.get().text();
        String fixed = value.trim().replaceAll("[^a-zA-Z0-9._-]", "_");
        sink.report(connector, entry.get().key(), entry.get().valueLocation(), entry.get().key() + " "
                + Printable.quote(value) + " may hold only letters, digits, '.', '_' and '-', as Kafka topic names do;"
                + " e.g. " + Printable.cut(fixed, Printable.MAX_VALUE));
    }
}
