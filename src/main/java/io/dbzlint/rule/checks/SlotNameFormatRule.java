package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Locale;
import java.util.regex.Pattern;

/** PostgreSQL replication slot names: lowercase letters, digits and underscores, at most 63 of them. */
public final class SlotNameFormatRule implements ConnectorRule {

    private static final Pattern VALID = Pattern.compile("[a-z0-9_]+");
    private static final int MAX_LENGTH = 63;

    @Override
    public String id() {
        return "slot-name-format";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.type() != ConnectorType.POSTGRESQL) {
            return;
        }
        connector.entry(Keys.SLOT_NAME).filter(ConfigEntry::isLiteral).ifPresent(entry -> {
            String slot = entry.text();
            String fixed = slot.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            if (fixed.isEmpty()) {
                fixed = "debezium_" + connector.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            }
            if (!VALID.matcher(slot).matches()) {
                sink.report(connector, Keys.SLOT_NAME, entry.valueLocation(), "slot.name " + Printable.quote(slot)
                        + " may hold only lowercase letters, digits and underscores, or PostgreSQL refuses to"
                        + " create the slot; e.g. " + Printable.cut(fixed.substring(0, Math.min(fixed.length(), MAX_LENGTH)),
                                Printable.MAX_VALUE));
            } else if (slot.length() > MAX_LENGTH) {
                sink.report(connector, Keys.SLOT_NAME, entry.valueLocation(), "slot.name is " + slot.length()
                        + " characters long; PostgreSQL allows at most " + MAX_LENGTH + ": shorten it");
            }
        });
    }
}
