package io.dbzlint.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.ConnectorType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every rename the catalog offers leads to a key the releases it is offered for really read (from
 * the release catalog, generated from the releases), or one under a prefix they pass on: a fix
 * must never write a key Debezium ignores.
 */
class RenameTargetsTest {

    private final Catalog catalog = Debezium.bundled().catalog();
    private final ReleaseCatalog releases = Debezium.bundled().releases();

    @Test
    void should_rename_every_key_to_one_the_releases_after_the_rename_read() {
        List<String> unread = new ArrayList<>();
        for (Catalog.Rename rename : catalog.exactRenames()) {
            unread.addAll(unreadTargets(rename.from(), rename));
        }
        assertThat(unread).isEmpty();
    }

    @Test
    void should_rename_every_key_under_a_renamed_prefix_to_one_the_releases_after_the_rename_read() {
        List<String> unread = new ArrayList<>();
        for (Catalog.Rename rename : catalog.prefixRenames()) {
            List<String> samples = samples(rename);
            assertThat(samples).as("keys some release read under " + rename.from()).isNotEmpty();
            for (String key : samples) {
                Catalog.Rename applied = catalog.rename(key).orElse(null);
                if (applied == null) {
                    unread.add(key + ": not renamed");
                } else {
                    unread.addAll(unreadTargets(key, applied));
                }
            }
        }
        assertThat(unread).isEmpty();
    }

    @Test
    void should_not_rename_a_key_under_a_renamed_prefix_to_one_no_release_reads() {
        // 1.x read database.history.consumer.*, 2.x reads schema.history.internal.consumer.*
        assertThat(catalog.rename("database.history.kafka.consumer.group.id")).isEmpty();
        assertThat(catalog.rename("database.history.consumer.group.id")).map(rename -> rename.replacementFor(
                "database.history.consumer.group.id")).contains("schema.history.internal.consumer.group.id");
    }

    @Test
    void should_name_the_pass_through_prefixes_as_the_target_release_reads_them() {
        assertThat(catalog.passThroughPrefixes(DebeziumVersion.parse("1.9")))
                .contains("database.history.consumer.", "database.history.producer.", "database.")
                .doesNotContain("schema.history.internal.consumer.");
        assertThat(catalog.passThroughPrefixes(DebeziumVersion.parse("2.0")))
                .contains("schema.history.internal.consumer.", "schema.history.internal.producer.");
    }

    @Test
    void should_rename_every_smt_option_to_one_the_smt_reads() {
        assertThat(catalog.transformRenames()).isNotEmpty().allSatisfy(rename -> assertThat(
                catalog.transform(rename.transform()).orElseThrow()).as(rename.from()).containsKey(rename.to()));
    }

    /**
     * Keys under a renamed prefix that some release read: those of the release catalog, and one
     * under each prefix the old name passed on (database.history.consumer.).
     */
    private List<String> samples(Catalog.Rename rename) {
        Set<String> samples = new LinkedHashSet<>();
        for (ConnectorType type : ConnectorType.values()) {
            for (int release = 0; release < releases.releaseNames().size(); release++) {
                releases.keys(type, release).stream().filter(key -> key.startsWith(rename.from())).forEach(samples::add);
            }
        }
        for (String prefix : catalog.passThroughPrefixes()) {
            if (prefix.startsWith(rename.to())) {
                samples.add(rename.from() + prefix.substring(rename.to().length()) + "retry.backoff.ms");
            }
        }
        return List.copyOf(samples);
    }

    /**
     * The releases, from the one a rename is offered for on, that do not read its new name for a
     * connector type that read the old one (any type, when no release catalog entry has the old one).
     */
    private List<String> unreadTargets(String key, Catalog.Rename rename) {
        String replacement = rename.replacementFor(key);
        if (catalog.passThroughPrefix(replacement).isPresent()) {
            return List.of();
        }
        int first = rename.since() == null ? releases.releaseNames().size() - 1
                : releases.releaseFor(DebeziumVersion.parse(rename.since()));
        List<ConnectorType> types = new ArrayList<>();
        for (ConnectorType type : ConnectorType.values()) {
            if (releases.knows(type, key)) {
                types.add(type);
            }
        }
        List<String> unread = new ArrayList<>();
        if (types.isEmpty()) {
            boolean read = false;
            for (ConnectorType type : ConnectorType.values()) {
                read |= releases.reads(type, replacement, first);
            }
            if (!read) {
                unread.add(key + " -> " + replacement + ": no connector of " + releases.line(first) + " reads it");
            }
            return unread;
        }
        for (ConnectorType type : types) {
            for (int release = first; release < releases.releaseNames().size(); release++) {
                if (releases.describes(type, release) && !releases.reads(type, replacement, release)) {
                    unread.add(key + " -> " + replacement + ": " + type.displayName() + " " + releases.line(release));
                }
            }
        }
        return unread;
    }
}
