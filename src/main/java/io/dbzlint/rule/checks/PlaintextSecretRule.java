package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.regex.Pattern;

/**
 * A password (or secret, token, credential) written into the config instead of a Kafka Connect
 * config provider reference such as ${file:/path:key}, ${env:VAR} or ${secrets:ns/name:key}.
 * Connector configs are readable through the Connect REST API and end up in Git. The value is
 * never printed.
 */
public final class PlaintextSecretRule implements ConnectorRule {

    private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+:[^}]*}");

    @Override
    public String id() {
        return "plaintext-secret";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        for (ConfigEntry entry : connector.config().values()) {
            if (entry.isSecret() && entry.hasText() && !entry.text().isEmpty()
                    && !PROVIDER_REFERENCE.matcher(entry.text().trim()).matches()) {
                sink.report(connector, entry.key(), entry.valueLocation(), entry.key()
                        + " holds a literal secret; reference it through a config provider instead, e.g."
                        + " ${file:/opt/kafka/secrets/" + connector.name() + ".properties:" + leaf(entry.key()) + "}");
            }
        }
    }

    private static String leaf(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
