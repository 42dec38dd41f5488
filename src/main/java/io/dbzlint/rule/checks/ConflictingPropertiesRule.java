package io.dbzlint.rule.checks;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * An old and a new name of one property both set to values known to differ (which wins depends on the
 * version; from the release that removed the old name, the new one, and the old misleads), or an
 * include and an exclude list of one kind both set (Debezium refuses the config).
 */
public final class ConflictingPropertiesRule implements ConnectorRule {

    @Override
    public String id() {
        return "conflicting-properties";
    }

    /**
     * True when the old and the new name hold values known to differ. One value under both names
     * is no conflict: whichever name a release reads, it reads the same. Nor is a value that is a
     * config provider reference or a template (${env:DB_SERVER_NAME}): it is known only where the
     * connector runs. Deprecated-property still says to drop an old name the release no longer reads.
     */
    static boolean knownToDiffer(ConfigEntry current, ConfigEntry old) {
        return !unknownValue(current, old)
                && !(current.hasText() && old.hasText() && current.text().trim().equals(old.text().trim()));
    }

    /** True when the two values are not one text and either is known only where the connector runs. */
    static boolean unknownValue(ConfigEntry current, ConfigEntry old) {
        boolean sameText = current.hasText() && old.hasText() && current.text().trim().equals(old.text().trim());
        return !sameText && (current.hasText() && current.hasReference() || old.hasText() && old.hasReference());
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (!connector.isDebezium()) {
            return;
        }
        Catalog catalog = context.catalog();
        Optional<ReleaseView> view = ReleaseView.of(connector, context);
        for (ConfigEntry entry : connector.config().values()) {
            CatalogLookup.rename(catalog, connector, entry.key()).ifPresent(rename -> {
                String replacement = rename.replacementFor(entry.key());
                if (view.isPresent() && view.get().releases().knows(connector.type(), replacement)
                        && !view.get().releases().reads(connector.type(), replacement, view.get().release())) {
                    return; // the target version does not read the new name yet: unknown-property says so
                }
                boolean dead = rename.removedIn() != null && context.target().isAtLeast(rename.removedIn());
                connector.entry(replacement).filter(current -> knownToDiffer(current, entry)).ifPresent(current ->
                        sink.report(connector, entry.key(), entry.keyLocation(), dead
                                // the release reads only the new name: the old one's other value misleads whoever
                                // reads the config (a sink subscribed to the old prefix, say)
                                ? entry.key() + " is no longer read (since Debezium " + rename.removedIn() + "), and its"
                                        + " replacement " + replacement + " (line " + current.keyLocation().line()
                                        + ") holds a different value, the one used; remove " + entry.key()
                                        + " and check what expects its value"
                                : entry.key() + " and its replacement " + replacement + " (line "
                                        + current.keyLocation().line() + ") are both set to different values; remove "
                                        + entry.key()));
            });
        }
        for (List<String> pair : catalog.exclusiveLists()) {
            ConfigEntry include = connector.config().get(pair.get(0));
            ConfigEntry exclude = connector.config().get(pair.get(1));
            if (include != null && exclude != null && include.hasText() && exclude.hasText()
                    && !include.text().isBlank() && !exclude.text().isBlank()) {
                sink.report(connector, pair.get(1), exclude.keyLocation(), pair.get(0) + " (line "
                        + include.keyLocation().line() + ") and " + pair.get(1)
                        + " are both set; Debezium refuses the config: keep one of them");
            }
        }
    }
}
