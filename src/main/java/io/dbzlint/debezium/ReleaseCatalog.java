package io.dbzlint.debezium;

import io.dbzlint.json.Bundled;
import io.dbzlint.json.JsonNodes;
import io.dbzlint.model.ConnectorType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What each Debezium release line reads, from rules/catalog/debezium-releases.json (generated from
 * each release's own jars): for a target version, which keys a connector reads and which values
 * it accepts. A version between two generated releases is read as the nearest older one. Read on
 * first use only: a lint for the current version ({@link Debezium#LATEST}) never loads it.
 */
public final class ReleaseCatalog {

    private static final String RESOURCE = "/rules/catalog/debezium-releases.json";

    /** A key as one release defines it. */
    public record Definition(String type, String defaultValue, List<String> allowed) {
    }

    private record History(int[] in, List<Integer> from, List<Definition> definitions) {

        boolean readBy(int release) {
            for (int r : in) {
                if (r == release) {
                    return true;
                }
            }
            return false;
        }

        /** Read by some releases and not others, or with allowed values that change: a key that dates a config. */
        boolean varies(int releases) {
            if (in.length != releases) {
                return true;
            }
            for (Definition definition : definitions) {
                if (!definition.allowed().equals(definitions.get(0).allowed())) {
                    return true;
                }
            }
            return false;
        }

        Definition at(int release) {
            Definition found = definitions.get(0);
            for (int i = 0; i < from.size(); i++) {
                if (from.get(i) <= release) {
                    found = definitions.get(i);
                }
            }
            return found;
        }
    }

    private final List<DebeziumVersion> releases = new ArrayList<>();
    private final List<String> releaseNames = new ArrayList<>();
    private final Map<ConnectorType, Map<String, History>> connectors = new EnumMap<>(ConnectorType.class);

    private ReleaseCatalog() {
        JsonNode root = Bundled.json(RESOURCE);
        for (JsonNode release : root.path("releases")) {
            releaseNames.add(release.asString());
            releases.add(DebeziumVersion.parse(release.asString()));
        }
        for (Map.Entry<String, JsonNode> connector : root.path("connectors").properties()) {
            Map<String, History> keys = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> key : connector.getValue().properties()) {
                JsonNode node = key.getValue();
                int[] in = new int[node.path("in").size()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = node.path("in").get(i).asInt();
                }
                List<Integer> from = new ArrayList<>();
                List<Definition> definitions = new ArrayList<>();
                for (JsonNode def : node.path("defs")) {
                    from.add(def.path("from").asInt());
                    definitions.add(new Definition(def.path("type").asString(), JsonNodes.textOrNull(def.get("default")),
                            JsonNodes.strings(def.path("allowed"))));
                }
                keys.put(key.getKey(), new History(in, from, definitions));
            }
            connectors.put(ConnectorType.fromId(connector.getKey()), keys);
        }
    }

    private static final class Holder {
        static final ReleaseCatalog CATALOG = new ReleaseCatalog();
    }

    static ReleaseCatalog bundled() {
        return Holder.CATALOG;
    }

    /** The newest release line the catalog describes. */
    public DebeziumVersion latest() {
        return releases.get(releases.size() - 1);
    }

    /**
     * The release a target version is read as: the newest generated one not after it in its major
     * line, else the oldest of its major line (a major release renames keys: 2.0 reads as 2.1, never
     * as 1.9), else the nearest.
     */
    public int releaseFor(DebeziumVersion target) {
        int older = -1;
        int sameMajorNewer = -1;
        for (int i = 0; i < releases.size(); i++) {
            DebeziumVersion release = releases.get(i);
            if (release.compareTo(target) <= 0) {
                older = i;
            } else if (sameMajorNewer < 0 && release.major() == target.major()) {
                sameMajorNewer = i;
            }
        }
        if (older >= 0 && releases.get(older).major() == target.major() || sameMajorNewer < 0) {
            return Math.max(older, 0);
        }
        return sameMajorNewer;
    }

    /** The newest release line of the catalog before a version, if it has one. */
    public Optional<DebeziumVersion> lineBefore(DebeziumVersion version) {
        DebeziumVersion found = null;
        for (DebeziumVersion line : releases) {
            if (line.compareTo(version) < 0) {
                found = line;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The catalog's next release line after a release, if it has one. */
    public Optional<DebeziumVersion> lineAfter(int release) {
        return release + 1 < releases.size() ? Optional.of(releases.get(release + 1)) : Optional.empty();
    }

    /** A release's line, e.g. 2.7, for messages. */
    public DebeziumVersion line(int release) {
        return releases.get(release);
    }

    /** True when the catalog has this connector type in some release (MariaDB only from 3.2). */
    public boolean describes(ConnectorType type, int release) {
        Map<String, History> keys = connectors.get(type);
        return keys != null && keys.values().stream().anyMatch(history -> history.readBy(release));
    }

    /** True when any release of the catalog reads the key for this connector type. */
    public boolean knows(ConnectorType type, String key) {
        return connectors.getOrDefault(type, Map.of()).containsKey(key);
    }

    public boolean reads(ConnectorType type, String key, int release) {
        History history = connectors.getOrDefault(type, Map.of()).get(key);
        return history != null && history.readBy(release);
    }

    /** The key as a release defines it, if that release reads it. */
    public Optional<Definition> definition(ConnectorType type, String key, int release) {
        History history = connectors.getOrDefault(type, Map.of()).get(key);
        return history == null || !history.readBy(release) ? Optional.empty() : Optional.of(history.at(release));
    }

    /** The first release that reads a key, if any does. */
    public Optional<DebeziumVersion> firstReading(ConnectorType type, String key) {
        History history = connectors.getOrDefault(type, Map.of()).get(key);
        return history == null || history.in().length == 0 ? Optional.empty() : Optional.of(releases.get(history.in()[0]));
    }

    /** The last release before {@code release} whose definition of the key accepts a value, if one does. */
    public Optional<DebeziumVersion> lastAccepting(ConnectorType type, String key, String value, int release) {
        for (int r = release - 1; r >= 0; r--) {
            Optional<Definition> def = definition(type, key, r);
            if (def.isPresent() && def.get().allowed().contains(value)) {
                return Optional.of(releases.get(r));
            }
        }
        return Optional.empty();
    }

    /** The first release accepting a value for a key, if any does. */
    public Optional<DebeziumVersion> firstAccepting(ConnectorType type, String key, String value) {
        for (int r = 0; r < releases.size(); r++) {
            Optional<Definition> def = definition(type, key, r);
            if (def.isPresent() && def.get().allowed().contains(value)) {
                return Optional.of(releases.get(r));
            }
        }
        return Optional.empty();
    }

    /** Every key a release reads for a connector type. */
    public List<String> keys(ConnectorType type, int release) {
        return connectors.getOrDefault(type, Map.of()).entrySet().stream()
                .filter(entry -> entry.getValue().readBy(release)).map(Map.Entry::getKey).toList();
    }

    /** Whether a key tells which release a config was written for: not every release reads it alike. */
    public boolean dates(ConnectorType type, String key) {
        History history = connectors.getOrDefault(type, Map.of()).get(key);
        return history != null && history.varies(releases.size());
    }

    /**
     * The newest release that reads every key of a config the catalog knows and accepts each of its
     * enumerated values: the release the config was written for, as far as its keys tell; empty
     * when no release reads them all (old and new names mixed) or the type is not described.
     *
     * @param values the config's values by key, null for a value that is not literal (a template)
     */
    public Optional<DebeziumVersion> newestReadingAll(ConnectorType type, Map<String, String> values) {
        Map<String, History> keys = connectors.get(type);
        if (keys == null) {
            return Optional.empty();
        }
        for (int r = releases.size() - 1; r >= 0; r--) {
            if (readsAll(keys, values, r)) {
                return Optional.of(releases.get(r));
            }
        }
        return Optional.empty();
    }

    private static boolean readsAll(Map<String, History> keys, Map<String, String> values, int release) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            History history = keys.get(entry.getKey());
            if (history == null) {
                continue; // a key no release reads: unknown-property's, whatever the release
            }
            if (!history.readBy(release)) {
                return false;
            }
            if (entry.getValue() == null) {
                continue; // a template: the key dates the config, its value is not known
            }
            List<String> allowed = history.at(release).allowed();
            String value = entry.getValue().trim().toLowerCase(java.util.Locale.ROOT);
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                return false;
            }
        }
        return true;
    }

    /** Every key some release reads for some connector type. */
    Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        connectors.values().forEach(byKey -> keys.addAll(byKey.keySet()));
        return keys;
    }

    public List<String> releaseNames() {
        return releaseNames;
    }
}
