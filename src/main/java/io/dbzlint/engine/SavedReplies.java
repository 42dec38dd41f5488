package io.dbzlint.engine;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.result.Finding;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka Connect's replies kept in a repository (a page's transcript of {@code GET /connectors/NAME},
 * a script's saved output) that echo a body the project holds: what is wrong in the reply is
 * reported on the body, so the reply adds nothing. A reply that is the only copy of its config keeps
 * its findings: it is all a reader has of that connector.
 */
final class SavedReplies {

    private SavedReplies() {
    }

    /**
     * The identity of a connector's config, as Kafka Connect holds it: its name and its keys with
     * their values, in any order; the {@code name} key Connect adds to a config it echoes is left out.
     * A hash, so that no value (a password among them) is kept beyond the file's lint.
     */
    static long fingerprint(Connector connector) {
        List<ConfigEntry> entries = new ArrayList<>(connector.config().values());
        entries.removeIf(entry -> entry.key().equals("name"));
        entries.sort(java.util.Comparator.comparing(ConfigEntry::key));
        long hash = mix(FNV_OFFSET, connector.name());
        for (ConfigEntry entry : entries) {
            hash = mix(mix(hash, entry.key()), String.valueOf(entry.text()));
        }
        return hash;
    }

    /** Drops the findings of replies whose config a body of the project holds as it is. */
    static void dropEchoes(List<Finding> findings, Map<Finding, Long> echoes, Set<Long> bodies) {
        if (echoes.isEmpty() || bodies.isEmpty()) {
            return;
        }
        Set<Finding> dropped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        echoes.forEach((finding, fingerprint) -> {
            if (bodies.contains(fingerprint)) {
                dropped.add(finding);
            }
        });
        if (!dropped.isEmpty()) {
            findings.removeIf(dropped::contains);
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over a string's characters and a separator, so that "ab","c" and "a","bc" differ. */
    private static long mix(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return (hash ^ 0xffff) * FNV_PRIME;
    }
}
