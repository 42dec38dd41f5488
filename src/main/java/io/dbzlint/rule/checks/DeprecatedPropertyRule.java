package io.dbzlint.rule.checks;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.debezium.ReleaseCatalog;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Fix;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Optional;

/**
 * A 1.x or deprecated key (or value), naming its replacement. An error when the target Debezium
 * version no longer reads it: the connector then runs on the default instead, without a word.
 */
public final class DeprecatedPropertyRule implements ConnectorRule {

    @Override
    public String id() {
        return "deprecated-property";
    }

    /** Fixable: a renamed key or value is written under its new name. */
    @Override
    public boolean fixable() {
        return true;
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (!connector.isDebezium()) {
            return;
        }
        Catalog catalog = context.catalog();
        DebeziumVersion target = context.parameters().debeziumVersion();
        Optional<ReleaseView> view = ReleaseView.of(connector, context);
        for (ConfigEntry entry : connector.config().values()) {
            String key = entry.key();
            CatalogLookup.rename(catalog, connector, key).ifPresent(rename -> {
                String replacement = rename.replacementFor(key);
                if (view.isPresent() && view.get().releases().knows(connector.type(), replacement)
                        && !view.get().releases().reads(connector.type(), replacement, view.get().release())) {
                    return; // the target version has no replacement yet: the old name is its current one
                }
                boolean gone = target.isAtLeast(rename.removedIn());
                Optional<ConfigEntry> current = connector.entry(replacement);
                if (current.isPresent()) {
                    // values known to differ: conflicting-properties says which to keep; one value
                    // under both names is left alone; a value known only where the connector runs
                    // (a provider reference, a template) may differ, and the old name is dead
                    if (gone && ConflictingPropertiesRule.unknownValue(current.get(), entry)) {
                        context.releaseBound(sink).report(connector, key, entry.keyLocation(), key + " was renamed to "
                                + replacement + " in Debezium " + rename.removedIn() + " and Debezium " + target
                                + " no longer reads it; " + replacement + " (line " + current.get().keyLocation().line()
                                + ") is set: remove " + key);
                    }
                    return;
                }
                if (!gone && rename.since() != null && !target.isAtLeast(rename.since())) {
                    return; // before its replacement existed (1.2's database.whitelist): the current name
                }
                String message = gone
                        ? key + " was renamed to " + replacement + " in Debezium " + rename.removedIn()
                                + "; Debezium " + target + " no longer reads it: rename the key"
                        : key + " is deprecated; use " + replacement + " instead";
                (gone ? context.releaseBound(sink) : sink).report(connector, key, entry.keyLocation(), message,
                        Fix.renameKey(entry.keyLocation(), key, replacement));
            });
            if (connector.type() != ConnectorType.OTHER) {
                catalog.aliasTarget(key).ifPresent(current -> sink.report(connector, key, entry.keyLocation(),
                        key + " is a deprecated name of " + current + "; use " + current + " instead",
                        connector.entry(current).isPresent() ? Optional.empty()
                                : Fix.renameKey(entry.keyLocation(), key, current)));
            }
            checkTransform(connector, entry, target, catalog, sink, context);
            if (entry.isLiteral() && !entry.isSecret()) {
                catalog.valueRename(key, entry.text()).ifPresent(rename ->
                        checkValueRename(connector, entry, rename, context, sink));
            }
        }
    }

    /**
     * A value Debezium replaced, judged by what the target release accepts (from each release's own
     * definitions): refused there, an error naming the last release that took it; accepted, a
     * warning, and only when the replacement exists in the target, since before that the old value
     * is the only one there is.
     */
    private static void checkValueRename(Connector connector, ConfigEntry entry, Catalog.ValueRename rename,
                                         RuleContext context, FindingSink sink) {
        DebeziumVersion target = context.target();
        ReleaseCatalog releases = context.debezium().releases();
        int release = releases.releaseFor(target);
        String value = entry.text().trim().toLowerCase(java.util.Locale.ROOT);
        String key = entry.key();
        Optional<ReleaseCatalog.Definition> definition = releases.definition(connector.type(), key, release);
        if (definition.isEmpty() || definition.get().allowed().isEmpty()) {
            return; // a connector or key the release catalog does not describe: invalid-value speaks for it
        }
        boolean accepted = definition.get().allowed().contains(value);
        boolean replacementThere = definition.get().allowed().contains(rename.to());
        String shown = key + " " + Printable.quote(entry.text().trim());
        if (!accepted) {
            String last = releases.lastAccepting(connector.type(), key, value, release)
                    .map(v -> " (the last release that accepts it is " + v + ")").orElse("");
            context.releaseBound(sink).report(connector, key, entry.valueLocation(), shown + " is refused by Debezium " + target
                    + last + (replacementThere ? ": use \"" + rename.to() + "\"" : ""),
                    replacementThere ? Fix.replaceValue(entry.valueLocation(), entry.text(), rename.to())
                            : Optional.empty());
        } else if (replacementThere) {
            String since = releases.firstAccepting(connector.type(), key, rename.to())
                    .map(v -> " (there since Debezium " + v + ")").orElse("");
            sink.report(connector, key, entry.valueLocation(), shown + " is deprecated; use \"" + rename.to() + "\""
                    + since, Fix.replaceValue(entry.valueLocation(), entry.text(), rename.to()));
        }
    }

    /** A renamed option of a listed Debezium SMT, and an SMT class Debezium no longer has. */
    private static void checkTransform(Connector connector, ConfigEntry entry, DebeziumVersion target, Catalog catalog,
                                       FindingSink sink, RuleContext context) {
        CatalogLookup.transformOf(connector, entry.key()).ifPresent(transform -> {
            if (transform.option().equals("type") && entry.isLiteral()) {
                catalog.removedTransform(entry.text().trim())
                        .filter(removed -> removed.removedIn() == null || target.isAtLeast(removed.removedIn()))
                        .ifPresent(removed -> context.releaseBound(sink).report(connector, entry.key(),
                                entry.valueLocation(), Printable.quote(entry.text().trim()) + " no longer exists in"
                                        + " Debezium " + target + " (removed in " + removed.removedIn() + "), so Kafka"
                                        + " Connect refuses the connector: use " + removed.replacement()));
                return;
            }
            catalog.transformRename(transform.className(), transform.option()).ifPresent(rename -> {
                if (rename.since() != null && !target.isAtLeast(rename.since())) {
                    return; // the target release has no replacement yet: the old option is the only one
                }
                String replacement = transform.prefix() + rename.to();
                boolean gone = target.isAtLeast(rename.removedIn());
                String message = gone
                        ? entry.key() + " was removed from " + simpleName(rename.transform()) + " in Debezium "
                                + rename.removedIn() + "; Debezium " + target + " ignores it: use " + replacement
                        : entry.key() + " is deprecated; use " + replacement + " instead";
                // no fix: the replacement takes other values (drop.tombstones=false is
                // delete.tombstone.handling.mode=tombstone), and a rename would write one Debezium refuses
                (gone ? context.releaseBound(sink) : sink).report(connector, entry.key(), entry.keyLocation(), message);
            });
        });
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
