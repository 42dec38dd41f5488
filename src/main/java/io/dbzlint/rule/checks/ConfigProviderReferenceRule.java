package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.model.ValueKind;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;

/**
 * A config provider reference that Kafka Connect cannot resolve, such as ${file:/path} without a
 * key: Connect leaves it as it is, so the connector receives the reference text as the value.
 */
public final class ConfigProviderReferenceRule implements ConnectorRule {

    @Override
    public String id() {
        return "config-provider-reference";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        for (ConfigEntry entry : connector.config().values()) {
            if (entry.kind() == ValueKind.STRING && References.isUnclosedProviderReference(entry.text())) {
                // a secret key's value is not shown, whatever it holds
                sink.report(connector, entry.key(), entry.valueLocation(), entry.key() + ": the reference "
                        + (entry.isSecret() ? "" : Printable.cut(entry.text().trim(), Printable.MAX_VALUE) + " ")
                        + "is not closed; Kafka Connect"
                        + " leaves it unresolved and the connector gets the text itself: end it with }");
                continue;
            }
            if (!entry.hasReference()) {
                continue;
            }
            for (References.Reference reference : entry.references()) {
                References.malformed(reference).ifPresent(problem -> sink.report(connector, entry.key(),
                        entry.valueLocation(), entry.key() + ": the reference "
                                + Printable.cut(reference.text(), Printable.MAX_VALUE) + " " + problem
                                + "; Kafka Connect leaves it unresolved and the connector gets the text itself"));
            }
        }
    }
}
