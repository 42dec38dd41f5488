package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.Catalog;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.DebeziumVersion;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;

/**
 * A 1.x or deprecated key (or value), naming its replacement. An error when the target Debezium
 * version no longer reads it: the connector then runs on the default instead, without a word.
 */
public final class DeprecatedPropertyRule implements ConnectorRule {

    @Override
    public String id() {
        return "deprecated-property";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (!connector.isDebezium()) {
            return;
        }
        Catalog catalog = Catalog.get();
        DebeziumVersion target = context.parameters().debeziumVersion();
        for (ConfigEntry entry : connector.config().values()) {
            String key = entry.key();
            CatalogLookup.rename(connector, key).ifPresent(rename -> {
                String replacement = rename.replacementFor(key);
                if (connector.entry(replacement).isPresent()) {
                    return; // both set: conflicting-properties says which to keep
                }
                boolean gone = target.isAtLeast(rename.removedIn());
                String message = gone
                        ? key + " was renamed to " + replacement + " in Debezium " + rename.removedIn()
                                + "; Debezium " + target + " no longer reads it: rename the key"
                        : key + " is deprecated; use " + replacement + " instead";
                (gone ? sink.asError() : sink).report(connector, key, entry.keyLocation(), message);
            });
            if (connector.type() != ConnectorType.OTHER) {
                catalog.aliasTarget(key).ifPresent(current -> sink.report(connector, key, entry.keyLocation(),
                        key + " is a deprecated name of " + current + "; use " + current + " instead"));
            }
            checkTransform(connector, entry, target, catalog, sink);
            if (entry.isLiteral() && !entry.isSecret()) {
                catalog.valueRename(key, entry.text()).ifPresent(rename -> {
                    boolean gone = target.isAtLeast(rename.removedIn());
                    String message = key + " " + Printable.quote(entry.text().trim()) + " " + (gone
                            ? "was replaced by \"" + rename.to() + "\" in Debezium " + rename.removedIn()
                                    + "; Debezium " + target + " refuses it: use \"" + rename.to() + "\""
                            : "is deprecated; use \"" + rename.to() + "\"");
                    (gone ? sink.asError() : sink).report(connector, key, entry.valueLocation(), message);
                });
            }
        }
    }

    /** A renamed option of a listed Debezium SMT, and an SMT class Debezium no longer has. */
    private static void checkTransform(Connector connector, ConfigEntry entry, DebeziumVersion target, Catalog catalog,
                                       FindingSink sink) {
        CatalogLookup.transformOf(connector, entry.key()).ifPresent(transform -> {
            if (transform.option().equals("type") && entry.isLiteral()) {
                catalog.removedTransform(entry.text().trim()).ifPresent(removed -> sink.asError().report(connector,
                        entry.key(), entry.valueLocation(), Printable.quote(entry.text().trim()) + " no longer exists in"
                                + " Debezium, so Kafka Connect refuses the connector: use " + removed.replacement()));
                return;
            }
            catalog.transformRename(transform.className(), transform.option()).ifPresent(rename -> {
                String replacement = transform.prefix() + rename.to();
                boolean gone = target.isAtLeast(rename.removedIn());
                String message = gone
                        ? entry.key() + " was removed from " + simpleName(rename.transform()) + " in Debezium "
                                + rename.removedIn() + "; Debezium " + target + " ignores it: use " + replacement
                        : entry.key() + " is deprecated; use " + replacement + " instead";
                (gone ? sink.asError() : sink).report(connector, entry.key(), entry.keyLocation(), message);
            });
        });
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
