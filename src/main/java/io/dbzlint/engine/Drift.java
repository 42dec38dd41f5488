package io.dbzlint.engine;

import io.dbzlint.connect.DeployedConnector;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.model.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The repository against what a cluster runs, per connector name: only in the repository, only
 * on the cluster, or on both with the keys whose values differ. Values are as printable: a secret
 * (a value under a secret key, a credential inside a URL or JAAS text) is never shown, only that it
 * differs; a config provider reference is shown as written, as Kafka Connect returns it unresolved.
 */
public final class Drift {

    /** Keys Kafka Connect sets itself, which no repository config needs to hold. */
    private static final Set<String> SET_BY_CONNECT = Set.of("name");
    public static final String SECRET = "****";

    /** One key whose values differ: each as printable, or null where it is not set. */
    public record Change(String key, String repository, String cluster, boolean secret, Location location) {
    }

    /**
     * One connector compared.
     *
     * @param repository where the repository writes it, or null when only the cluster runs it
     * @param deployed what the cluster runs, or null when only the repository has it
     */
    public record Entry(String cluster, String name, Location repository, DeployedConnector deployed,
                        List<Change> changes) {

        public boolean drifted() {
            return repository == null || deployed == null || !changes.isEmpty();
        }
    }

    private Drift() {
    }

    /** Every connector of the repository and of the cluster, by name, in the repository's order first. */
    public static List<Entry> compare(String cluster, List<Connector> repository, List<DeployedConnector> deployed) {
        Map<String, Connector> byName = new LinkedHashMap<>();
        for (Connector connector : repository) {
            if (!References.hasTemplate(connector.name())) {
                byName.putIfAbsent(connector.name(), connector); // a copy elsewhere in the repository: the first
            }
        }
        Map<String, DeployedConnector> running = new LinkedHashMap<>();
        deployed.forEach(connector -> running.put(connector.name(), connector));
        List<Entry> entries = new ArrayList<>();
        for (Connector connector : byName.values()) {
            DeployedConnector live = running.get(connector.name());
            entries.add(new Entry(cluster, connector.name(), connector.nameLocation(), live,
                    live == null ? List.of() : changes(connector, live)));
        }
        for (DeployedConnector live : deployed) {
            if (!byName.containsKey(live.name())) {
                entries.add(new Entry(cluster, live.name(), null, live, List.of()));
            }
        }
        return entries;
    }

    private static List<Change> changes(Connector connector, DeployedConnector live) {
        Set<String> keys = new LinkedHashSet<>(connector.config().keySet());
        keys.addAll(live.config().keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            if (SET_BY_CONNECT.contains(key)) {
                continue;
            }
            ConfigEntry entry = connector.config().get(key);
            String mine = entry == null || !entry.hasText() ? null : entry.text().trim();
            String theirs = live.config().get(key);
            theirs = theirs == null ? null : theirs.trim();
            if (mine == null ? theirs == null : mine.equals(theirs)) {
                continue;
            }
            boolean secret = isSecret(key, mine) || isSecret(key, theirs);
            changes.add(new Change(key, shown(key, mine), shown(key, theirs), secret,
                    entry != null ? entry.valueLocation() : connector.nameLocation()));
        }
        return changes;
    }

    private static boolean isSecret(String key, String value) {
        return value != null && !References.contains(value)
                && (Secrets.isSecretKey(key) || Secrets.embedded(key, value).isPresent());
    }

    /** A value as it may be printed: a reference as written, a secret masked, the rest escaped. */
    static String shown(String key, String value) {
        if (value == null) {
            return null;
        }
        if (References.contains(value) && !Secrets.embedded(key, value).isPresent()) {
            return Printable.cut(Printable.escape(value), Printable.MAX_VALUE * 2);
        }
        if (Secrets.isSecretKey(key)) {
            return SECRET;
        }
        String shown = Secrets.embedded(key, value).map(Secrets.Embedded::secret)
                .filter(secret -> !secret.isEmpty()).map(secret -> value.replace(secret, SECRET)).orElse(value);
        return Printable.cut(Printable.escape(shown), Printable.MAX_VALUE * 2);
    }
}
