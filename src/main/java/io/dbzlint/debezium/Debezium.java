package io.dbzlint.debezium;

import io.dbzlint.model.ConnectorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What dbzlint knows of Debezium: the property catalog of the newest bundled release (keys,
 * types, renames, SMTs) and what each older release line reads. Rules reach it through their
 * {@code RuleContext}, never through a global; each part is read on first use, so a lint for the
 * newest release never loads the release catalog.
 */
public final class Debezium {

    /**
     * The newest release dbzlint bundles, the default target: the release the generated catalog
     * was made from, so a new Debezium release needs only the pom and regenerated data.
     */
    public static final DebeziumVersion LATEST = DebeziumVersion.parse(Catalog.DEBEZIUM_VERSION);

    private static final Debezium BUNDLED = new Debezium();

    private Debezium() {
    }

    /** The knowledge bundled in dbzlint's jar. */
    public static Debezium bundled() {
        return BUNDLED;
    }

    /** The newest release's properties, renames and SMTs. */
    public Catalog catalog() {
        return Catalog.bundled();
    }

    /** Which keys and values each release line reads, for targets older than {@link #LATEST}. */
    public ReleaseCatalog releases() {
        return ReleaseCatalog.bundled();
    }

    private volatile Set<String> firstWords;

    /**
     * True when a key starts with a word that a key of Debezium (any release, any connector type,
     * its engine) or of Kafka Connect starts with: pulsar.topic and myapp.url do not, so in an
     * application's own properties for the embedded engine they are the application's. Loads the
     * release catalog on first use.
     */
    public boolean sharesFirstWord(String key) {
        Set<String> words = firstWords;
        if (words == null) {
            words = new HashSet<>(catalog().firstWords());
            for (String known : releases().allKeys()) {
                words.add(Catalog.firstWord(known));
            }
            firstWords = words;
        }
        return words.contains(Catalog.firstWord(key));
    }

    /**
     * The keys of a connector type that take one of a closed set of values, each with the values a
     * target release accepts (lower case: Debezium compares them ignoring case), old values under a
     * value rename included (those are the deprecation's to report, not a refusal). Read as the
     * invalid-value rule reads them: the newest catalog for the newest release, the release catalog
     * for an older line it describes.
     */
    public Map<String, List<String>> enumerations(ConnectorType type, DebeziumVersion target) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        ReleaseCatalog releases = releases();
        int release = releases.releaseFor(target);
        if (target.compareTo(LATEST) < 0 && releases.describes(type, release)) {
            for (String key : releases.keys(type, release)) {
                releases.definition(type, key, release).filter(definition -> !definition.allowed().isEmpty())
                        .ifPresent(definition -> found.put(key, definition.allowed()));
            }
        } else {
            catalog().properties(type).values().stream().filter(property -> !property.allowed().isEmpty())
                    .forEach(property -> found.put(property.name(), property.allowed()));
        }
        found.replaceAll((key, allowed) -> {
            List<String> values = new ArrayList<>(allowed);
            catalog().renamedValues(key).stream().filter(value -> !values.contains(value)).forEach(values::add);
            return List.copyOf(values);
        });
        return found;
    }

    /** A key's default as a target release defines it, read as {@link #enumerations} reads values. */
    public java.util.Optional<String> defaultValue(ConnectorType type, String key, DebeziumVersion target) {
        ReleaseCatalog releases = releases();
        int release = releases.releaseFor(target);
        if (target.compareTo(LATEST) < 0 && releases.describes(type, release)) {
            return releases.definition(type, key, release).map(ReleaseCatalog.Definition::defaultValue);
        }
        return java.util.Optional.ofNullable(catalog().properties(type).get(key)).map(Catalog.Property::defaultValue);
    }
}
