package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Locale;
import java.util.Optional;

/**
 * plugin.name should be pgoutput, which every PostgreSQL 10+ has built in. Debezium's default,
 * decoderbufs, needs a server extension that managed databases (RDS, Cloud SQL ...) do not offer.
 * The key is this rule's alone: a plugin the target Debezium refuses (wal2json on 2.x+) is one
 * finding here, an error as invalid-value would give it, not a second one there.
 */
public final class PluginNameRule implements ConnectorRule {

    private static final String KEY = Keys.PLUGIN_NAME;

    @Override
    public String id() {
        return "plugin-name";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() != ConnectorType.POSTGRESQL || connector.deployment().runsOlderThan(0, 10)) {
            return; // before 0.10 (LogicalDecoder at v0.9.5.Final) there is no pgoutput to advise
        }
        if (connector.deployment().postgresShips("decoderbufs") && connector.entry(KEY)
                .map(entry -> entry.hasText() && entry.text().trim().equalsIgnoreCase("decoderbufs")).orElse(true)) {
            return; // Debezium's PostgreSQL image ships decoderbufs: the default works on this stack
        }
        connector.entry(KEY).ifPresentOrElse(entry -> {
            if (entry.hasReference()) {
                return; // filled in at deploy time
            }
            String value = entry.hasText() ? entry.text().trim().toLowerCase(Locale.ROOT) : "";
            if (value.equals("pgoutput")) {
                return;
            }
            String shown = entry.hasText() ? Printable.quote(entry.text()) : "(" + entry.kind().article() + ")";
            Optional<String> refused = entry.isLiteral() ? InvalidValueRule.refusal(connector, entry, context)
                    : Optional.empty();
            if (refused.isPresent()) {
                InvalidValueRule.sinkFor(connector, entry, context, sink.asError()).report(connector, KEY,
                        entry.valueLocation(), "plugin.name " + shown + " " + refused.get() + "; pgoutput, built"
                                + " into PostgreSQL 10 and later, needs no server extension");
            } else if (!connector.deployment().postgresShips(value)) { // the stack's own build installs it
                sink.report(connector, KEY, entry.valueLocation(), "plugin.name " + shown
                        + " needs a decoding plugin installed on the server; set it to pgoutput, built into"
                        + " PostgreSQL 10 and later");
            }
        }, () -> sink.report(connector, KEY, connector.location(), "plugin.name is unset, so Debezium uses"
                + " decoderbufs, which needs a server extension; set plugin.name to pgoutput"));
    }
}
