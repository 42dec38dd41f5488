package io.dbzlint.engine;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.debezium.ReleaseCatalog;
import io.dbzlint.load.ConfigLoader;
import io.dbzlint.load.LoadedFile;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Fix;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.checks.UpgradeRule;
import io.dbzlint.source.Input;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What must change in each connector to keep today's behaviour from one Debezium release to another:
 * keys the new release no longer reads (renamed or removed), values it refuses, and defaults that
 * change under keys left unset. Read from the release catalog, which is generated from the
 * releases themselves; the same findings and output formats as lint, under the rule id upgrade, and
 * the same fixes: a key renamed, a value replaced, where the new release reads the new one.
 */
public final class UpgradeReport {

    public static final String RULE = UpgradeRule.ID;

    private final ReleaseCatalog releases = Debezium.bundled().releases();
    private final Catalog catalog = Debezium.bundled().catalog();
    private final DebeziumVersion from;
    private final DebeziumVersion to;
    private final int fromRelease;
    private final int toRelease;

    public UpgradeReport(DebeziumVersion from, DebeziumVersion to) {
        this.from = from;
        this.to = to;
        this.fromRelease = releases.releaseFor(from);
        this.toRelease = releases.releaseFor(to);
    }

    public LintResult run(List<Input> sources) {
        ConfigLoader loader = new ConfigLoader();
        List<Finding> findings = new ArrayList<>();
        List<InputId> inputs = new ArrayList<>();
        List<String> readErrors = new ArrayList<>();
        int connectors = 0;
        for (Input source : sources) {
            LoadedFile file;
            try {
                file = loader.load(source.id(), source.read());
            } catch (IOException e) {
                readErrors.add(source.id().displayPath() + ": cannot read: " + e.getMessage());
                continue;
            }
            inputs.add(source.id());
            for (Connector connector : file.connectors()) {
                if (releases.describes(connector.type(), fromRelease) && releases.describes(connector.type(), toRelease)) {
                    connectors++;
                    check(connector, findings);
                }
            }
        }
        return new LintResult(findings, inputs, connectors, 0, readErrors, List.of(), List.of());
    }

    private void check(Connector connector, List<Finding> findings) {
        for (ConfigEntry entry : connector.config().values()) {
            String key = entry.key();
            boolean before = releases.reads(connector.type(), key, fromRelease);
            boolean after = releases.reads(connector.type(), key, toRelease);
            if (before && !after) {
                Optional<Catalog.Rename> rename = catalog.rename(key)
                        .filter(r -> releases.reads(connector.type(), r.replacementFor(key), toRelease));
                String replacement = rename.map(r -> r.replacementFor(key)).orElse(null);
                String when = rename.map(Catalog.Rename::removedIn).filter(Objects::nonNull)
                        .or(() -> releases.firstReading(connector.type(), replacement).map(Object::toString))
                        .map(v -> " in Debezium " + v).orElse("");
                String message = replacement != null
                        ? key + " was renamed " + replacement + when + "; Debezium " + to + " no longer reads " + key
                                + ": rename it"
                        : key + " is not read by Debezium " + to + " (the last of the catalog's releases that reads it is "
                                + lastReading(connector, key) + "): remove it, or set what replaced it";
                // the same rename deprecated-property fixes; not when the new key is set too (conflicting-properties)
                Optional<Fix> fix = replacement == null || connector.entry(replacement).isPresent() ? Optional.empty()
                        : Fix.renameKey(entry.keyLocation(), key, replacement);
                findings.add(finding(Severity.ERROR, entry.keyLocation(), connector, key, message, fix));
            } else if (before && entry.isLiteral() && !entry.isSecret()) {
                checkValue(connector, entry, findings);
            }
        }
        for (String key : releases.keys(connector.type(), toRelease)) {
            if (connector.entry(key).isPresent() || !releases.reads(connector.type(), key, fromRelease)) {
                continue;
            }
            String before = releases.definition(connector.type(), key, fromRelease).map(d -> d.defaultValue()).orElse(null);
            String after = releases.definition(connector.type(), key, toRelease).map(d -> d.defaultValue()).orElse(null);
            if (!Objects.equals(before, after) && before != null && after != null && !key.startsWith("internal.")) {
                findings.add(finding(Severity.WARNING, connector.location(), connector, key, key + " is unset, and its"
                        + " default changes from " + Printable.quote(before) + " in Debezium " + from + " to "
                        + Printable.quote(after) + " in Debezium " + to + ": to keep today's behaviour, set it to "
                        + Printable.quote(before), Optional.empty()));
            }
        }
    }

    private void checkValue(Connector connector, ConfigEntry entry, List<Finding> findings) {
        String key = entry.key();
        String value = entry.text().trim().toLowerCase(Locale.ROOT);
        Optional<ReleaseCatalog.Definition> after = releases.definition(connector.type(), key, toRelease);
        Optional<ReleaseCatalog.Definition> before = releases.definition(connector.type(), key, fromRelease);
        if (after.isEmpty() || before.isEmpty() || after.get().allowed().isEmpty()
                || !before.get().allowed().contains(value) || after.get().allowed().contains(value)) {
            return;
        }
        Optional<String> renamed = catalog.valueRename(key, value).map(Catalog.ValueRename::to)
                .filter(r -> after.get().allowed().contains(r));
        String replacement = renamed.map(r -> ": use \"" + r + "\"").orElse(
                ": choose one of " + String.join(", ", after.get().allowed()));
        findings.add(finding(Severity.ERROR, entry.valueLocation(), connector, key, key + " "
                + Printable.quote(entry.text().trim()) + " is refused by Debezium " + to + " (the last of the catalog's"
                + " releases that accepts it is " + releases.lastAccepting(connector.type(), key, value, toRelease)
                        .map(Object::toString).orElse("?") + ")" + replacement,
                renamed.flatMap(r -> Fix.replaceValue(entry.valueLocation(), entry.text(), r))));
    }

    private String lastReading(Connector connector, String key) {
        for (int r = toRelease - 1; r >= 0; r--) {
            if (releases.reads(connector.type(), key, r)) {
                return releases.line(r).toString();
            }
        }
        return "?";
    }

    private static Finding finding(Severity severity, Location location, Connector connector, String key,
                                   String message, Optional<Fix> fix) {
        return Linter.finding(RULE, severity, location, connector.name(), key, message, List.of(), fix.orElse(null));
    }
}
