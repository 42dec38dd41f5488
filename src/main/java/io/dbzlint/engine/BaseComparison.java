package io.dbzlint.engine;

import io.dbzlint.load.ConfigLoader;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.checks.ChangedFromBaseRule;
import io.dbzlint.source.Input;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a change does to connectors that are already deployed: each connector of the new files
 * that has the same name in the base's files is compared with it, for the changes that are only
 * dangerous relative to what runs (a new logical name, slot, server id or history topic, a new
 * snapshot mode, tables added while the history keeps only captured tables' DDL).
 */
public final class BaseComparison {

    public static final String RULE = ChangedFromBaseRule.ID;

    private final String base;
    private final Severity severity;

    /** @param base the git ref the new files are compared with, as the user named it */
    public BaseComparison(String base, Severity severity) {
        this.base = base;
        this.severity = severity;
    }

    public List<Finding> compare(List<Input> head, List<Input> baseSources) {
        Map<String, Connector> before = byUniqueName(connectors(baseSources));
        Map<String, Connector> after = byUniqueName(connectors(head));
        List<Finding> findings = new ArrayList<>();
        after.forEach((name, connector) -> {
            Connector old = before.get(name);
            if (old != null) {
                compare(old, connector, findings);
            }
        });
        return findings;
    }

    private void compare(Connector old, Connector now, List<Finding> findings) {
        changed(old, now, Keys.LOGICAL_NAME, findings, "every topic of the connector gets a new name, so consumers"
                + " lose the stream and the connector snapshots again; keep the old name, or deploy the new one as a"
                + " new connector and move consumers over");
        if (now.type().isMySqlFamily()) {
            changed(old, now, List.of(Keys.SERVER_ID), findings, "the connector joins the database as another"
                    + " replica; keep the old id unless the old one is retired");
        }
        if (now.type() == ConnectorType.POSTGRESQL) {
            changed(old, now, List.of(Keys.SLOT_NAME), findings, "a new slot starts at the current WAL position,"
                    + " so changes made meanwhile are lost unless the connector snapshots again, and the old slot"
                    + " keeps holding WAL until it is dropped; keep the slot name");
        }
        if (now.keepsSchemaHistory()) {
            changed(old, now, Keys.HISTORY_TOPICS, findings, "the new topic is empty, so the connector cannot"
                    + " recover its schema history on restart; keep the topic, or copy it before switching");
        }
        changed(old, now, List.of("snapshot.mode"), findings, "a running connector has stored offsets, so the new"
                + " mode mostly applies only after offsets are reset; check that is what you want");
        addedTables(old, now, findings);
    }

    /** The first of the keys that is set, on each side; a finding when both are literal and differ. */
    private void changed(Connector old, Connector now, List<String> keys, List<Finding> findings, String why) {
        Optional<ConfigEntry> before = old.firstEntry(keys);
        Optional<ConfigEntry> after = now.firstEntry(keys);
        if (before.isEmpty() || after.isEmpty() || !before.get().isLiteral() || !after.get().isLiteral()) {
            return; // set on one side only, or a reference: nothing known to compare
        }
        String was = before.get().text().trim();
        String is = after.get().text().trim();
        if (!was.equals(is)) {
            String key = after.get().key();
            findings.add(Linter.finding(RULE, severity, after.get().valueLocation(), now.name(), key,
                    key + " changed from " + Printable.quote(was) + " to " + Printable.quote(is) + " since " + base
                            + ": " + why, List.of(before.get().valueLocation())));
        }
    }

    /** Tables added to the include list while the history keeps only the captured tables' DDL. */
    private void addedTables(Connector old, Connector now, List<Finding> findings) {
        boolean onlyCaptured = now.literal("schema.history.internal.store.only.captured.tables.ddl")
                .or(() -> now.literal("database.history.store.only.captured.tables.ddl"))
                .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
        if (!now.keepsSchemaHistory() || !onlyCaptured) {
            return;
        }
        List<String> keys = List.of("table.include.list", "table.whitelist");
        Optional<ConfigEntry> before = old.firstEntry(keys).filter(ConfigEntry::isLiteral);
        Optional<ConfigEntry> after = now.firstEntry(keys).filter(ConfigEntry::isLiteral);
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        Set<String> added = entries(after.get().text());
        added.removeAll(entries(before.get().text()));
        if (!added.isEmpty()) {
            Location at = after.get().valueLocation();
            findings.add(Linter.finding(RULE, severity, at, now.name(), after.get().key(), "tables "
                    + Printable.cut(String.join(", ", added), Printable.MAX_VALUE) + " added to " + after.get().key()
                    + " since " + base + " while schema.history.internal.store.only.captured.tables.ddl is true: the"
                    + " history has no DDL of them, so the connector fails with \"schema isn't known to this"
                    + " connector\"; snapshot the new tables with a blocking or incremental snapshot signal, or turn"
                    + " the setting off first", List.of(before.get().valueLocation())));
        }
    }

    /** Connectors by name; a name used twice on one side is ambiguous (connector-name-unique says so) and left out. */
    private static Map<String, Connector> byUniqueName(List<Connector> connectors) {
        Map<String, Connector> byName = new LinkedHashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (Connector connector : connectors) {
            if (connector.name() != null && byName.putIfAbsent(connector.name(), connector) != null) {
                repeated.add(connector.name());
            }
        }
        byName.keySet().removeAll(repeated);
        return byName;
    }

    private static Set<String> entries(String list) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    private static List<Connector> connectors(List<Input> sources) {
        ConfigLoader loader = new ConfigLoader();
        List<Connector> connectors = new ArrayList<>();
        for (Input source : sources) {
            try {
                connectors.addAll(loader.load(source.id(), source.read()).connectors());
            } catch (IOException | RuntimeException e) {
                // unreadable on one side: lint reports the new side's problems; the base is history
            }
        }
        return connectors;
    }
}
