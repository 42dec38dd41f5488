package io.dbzlint.load;

import io.dbzlint.json.Limits;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.model.ValueKind;
import io.dbzlint.result.Fix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connectors in Java properties files: a Kafka Connect standalone connector file ({@code name=},
 * {@code connector.class=} ...), or Debezium Server's application.properties, whose
 * {@code debezium.source.*} keys are one connector and {@code debezium.transforms.*} its SMTs.
 * Worker files (bootstrap.servers, plugin.path, no connector.class) hold none.
 */
final class PropertiesConnectors {

    static final String SERVER_SOURCE = "debezium.source.";
    private static final String SERVER_TRANSFORMS = "debezium.transforms";
    private static final String SERVER_PREDICATES = "debezium.predicates";

    private PropertiesConnectors() {
    }

    static LoadedFile load(InputId path, String text) {
        try {
            return fromProperties(path, PropertiesReader.read(path, text));
        } catch (PropertiesReader.TooManyKeys e) {
            return new LoadedFile(path, List.of(), List.of(LoadProblem.parseError(Location.startOf(path),
                    "more than " + Limits.MAX_KEYS + " keys, more than any connector config holds: not read")));
        }
    }

    /** Properties read from a .properties file, or flattened from Debezium Server's application.yaml. */
    static LoadedFile fromProperties(InputId path, List<PropertiesReader.Property> properties) {
        List<LoadProblem> problems = new ArrayList<>();
        boolean server = properties.stream().anyMatch(p -> p.key().startsWith(SERVER_SOURCE));
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        Map<String, Location> firstSeen = new LinkedHashMap<>();
        Map<String, ConfigEntry> serverSecrets = new LinkedHashMap<>();
        Location start = null;
        for (PropertiesReader.Property property : properties) {
            String key = server ? serverKey(property.key()) : property.key();
            if (key == null) {
                // another part of Debezium Server's configuration: the sink, logging; its secrets are checked too
                serverSecret(property).ifPresent(secret -> serverSecrets.put(secret.key(), secret));
                continue;
            }
            if (start == null) {
                start = property.keyLocation();
            }
            Location previous = firstSeen.putIfAbsent(key, property.keyLocation());
            if (previous != null) {
                ConfigEntry earlier = entries.get(key);
                if (!Keys.isNote(key)) { // a note written twice loses nothing
                    problems.add(LoadProblem.duplicateKey(property.keyLocation(), key, previous,
                            earlier != null && java.util.Objects.equals(earlier.text(), property.value()),
                            "the properties file keeps only this last value"));
                }
                entries.remove(key); // file order of the value that wins
                firstSeen.put(key, property.keyLocation());
            }
            ConfigEntry entry = new ConfigEntry(key, property.value(), ValueKind.STRING, property.keyLocation(),
                    property.valueLocation());
            entries.put(key, entry);
            if (!property.droppedBackslashes().isEmpty()) {
                problems.add(droppedBackslashes(property, entry));
            }
        }
        if (start == null || !server && !entries.containsKey(Keys.CONNECTOR_CLASS)) {
            return new LoadedFile(path, List.of(), List.of()); // a worker file, or no connector at all
        }
        ConfigEntry nameEntry = entries.get(Keys.NAME);
        String name = nameEntry != null && nameEntry.hasText() && !nameEntry.text().isBlank() ? nameEntry.text()
                : server ? folderName(path) : fileStem(path);
        Location nameLocation = nameEntry != null ? nameEntry.valueLocation() : start;
        ConfigEntry connectorClass = entries.get(Keys.CONNECTOR_CLASS);
        ConnectorType type = ConnectorType.fromConnectorClass(connectorClass == null ? null : connectorClass.text());
        // offset.storage in a connector's own file: an application that embeds Debezium's engine
        String runtime = server ? Connector.DEBEZIUM_SERVER
                : entries.containsKey("offset.storage") ? Connector.DEBEZIUM_ENGINE : null;
        Map<String, ConfigEntry> envelope = new LinkedHashMap<>();
        if (runtime != null) {
            envelope.put(Connector.RUNTIME, new ConfigEntry(Connector.RUNTIME, runtime, ValueKind.STRING, start, start));
        }
        envelope.putAll(serverSecrets);
        return new LoadedFile(path, List.of(new Connector(name, nameLocation, start, type, entries, envelope)),
                problems);
    }

    /**
     * A value whose backslashes the properties syntax drops: one problem at the first, naming the
     * others, with the fix that doubles them all when the value is on one line. A secret's
     * characters are never shown.
     */
    private static LoadProblem droppedBackslashes(PropertiesReader.Property property, ConfigEntry entry) {
        List<PropertiesReader.DroppedBackslash> dropped = property.droppedBackslashes();
        PropertiesReader.DroppedBackslash first = dropped.get(0);
        String what = entry.isSecret() ? "the value loses it"
                : Printable.quote("\\" + first.before()) + " reads as " + Printable.quote(String.valueOf(first.before()));
        String more = dropped.size() == 1 ? "" : " (and " + (dropped.size() - 1) + " more in this value)";
        Location value = property.valueLocation();
        Fix fix = null;
        // a fix shows its text in the reports: none for a secret
        if (!entry.isSecret() && value.line() == value.endLine()
                && value.endColumn() - value.column() == property.raw().length()) {
            StringBuilder doubled = new StringBuilder(property.raw());
            for (int i = dropped.size() - 1; i >= 0; i--) {
                doubled.insert(dropped.get(i).location().column() - value.column(), '\\');
            }
            fix = new Fix("double the backslashes the properties syntax drops", value, property.raw(),
                    doubled.toString(), null);
        }
        return new LoadProblem(LoadProblem.PROPERTIES_BACKSLASH, first.location(), property.key(),
                "the properties syntax drops this backslash: " + what + more
                        + "; write \\\\ where Debezium should see a backslash",
                dropped.subList(1, dropped.size()).stream().map(PropertiesReader.DroppedBackslash::location).toList(),
                fix);
    }

    /** A property of Debezium Server's own configuration that holds a secret, as an entry under its full name. */
    static java.util.Optional<ConfigEntry> serverSecret(PropertiesReader.Property property) {
        if (!property.key().startsWith(Connector.SERVER_PROPERTY)) {
            return java.util.Optional.empty();
        }
        ConfigEntry entry = new ConfigEntry(property.key(), property.value(), ValueKind.STRING, property.keyLocation(),
                property.valueLocation());
        return entry.isSecret() ? java.util.Optional.of(entry) : java.util.Optional.empty();
    }

    /** The Debezium Server property a connector key of its config is read from: the inverse of {@link #serverKey}. */
    static String serverProperty(String key) {
        return key.equals("transforms") || key.startsWith("transforms.") || key.equals("predicates")
                || key.startsWith("predicates.") ? "debezium." + key : SERVER_SOURCE + key;
    }

    /** The connector key a Debezium Server key stands for, or null for the server's other keys. */
    static String serverKey(String key) {
        if (key.startsWith(SERVER_SOURCE)) {
            return key.substring(SERVER_SOURCE.length());
        }
        if (key.equals(SERVER_TRANSFORMS) || key.startsWith(SERVER_TRANSFORMS + ".")
                || key.equals(SERVER_PREDICATES) || key.startsWith(SERVER_PREDICATES + ".")) {
            return key.substring("debezium.".length());
        }
        return null;
    }

    /** Debezium Server names its one connector after its folder when debezium.source.name is unset. */
    private static String folderName(InputId path) {
        String[] parts = path.displayPath().split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".") && !parts[i].equals("conf")
                    && !parts[i].equals("config") && !parts[i].equals("resources")) {
                return parts[i];
            }
        }
        return fileStem(path);
    }

    static String fileStem(InputId path) {
        String display = path.displayPath();
        String fileName = display.substring(display.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * The reader registered for this format: UTF-8, and where the bytes are not UTF-8, ISO-8859-1,
     * as {@code Properties.load(InputStream)} reads every properties file (Kafka Connect's
     * standalone connector files, Debezium Server's application.properties).
     */
    static final class Reader implements FormatReader {
        @Override
        public LoadedFile read(InputId input, byte[] bytes) {
            if (Utf8Text.looksUtf16(bytes)) {
                try {
                    Utf8Text.decode(bytes);
                } catch (Utf8Text.Invalid e) {
                    return new LoadedFile(input, List.of(), List.of(e.problem(input)));
                }
            }
            String text;
            try {
                text = Utf8Text.decode(bytes);
            } catch (Utf8Text.Invalid e) {
                text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            return load(input, text);
        }
    }
}
