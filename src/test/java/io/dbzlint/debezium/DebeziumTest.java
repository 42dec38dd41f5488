package io.dbzlint.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbzlint.ruleset.RuleSetLoader;
import org.junit.jupiter.api.Test;

/** The default target and the known release lines follow the bundled catalog: nothing to edit for a new release. */
class DebeziumTest {

    @Test
    void should_take_the_newest_release_from_the_generated_catalog() {
        String release = Catalog.DEBEZIUM_VERSION;
        assertThat(release).as("generated from the Debezium in the pom").matches("\\d+\\.\\d+\\..*");
        assertThat(Debezium.LATEST.toString()).isEqualTo(release.substring(0, release.indexOf('.', 2)));
    }

    @Test
    void should_target_the_newest_release_when_no_layer_names_one() {
        assertThat(RuleSetLoader.bundled().parameters().debeziumVersion()).isEqualTo(Debezium.LATEST);
    }

    @Test
    void should_know_every_major_up_to_the_newest_and_none_after_it() {
        int newest = Debezium.LATEST.major();

        assertThat(DebeziumVersion.parse(newest + ".0")).isEqualTo(new DebeziumVersion(newest, 0));
        assertThat(DebeziumVersion.parse("1.9")).isEqualTo(new DebeziumVersion(1, 9));
        assertThatThrownBy(() -> DebeziumVersion.parse((newest + 1) + ".0"))
                .hasMessageContaining("is not a release dbzlint knows (1.x to " + newest + ".x");
    }

    @Test
    void should_read_a_release_without_a_catalog_as_one_of_its_own_major_line() {
        ReleaseCatalog releases = Debezium.bundled().releases();

        assertThat(releases.line(releases.releaseFor(DebeziumVersion.parse("2.0"))))
                .as("2.0 renamed what 1.9 reads").isEqualTo(new DebeziumVersion(2, 1));
        assertThat(releases.line(releases.releaseFor(DebeziumVersion.parse("2.5")))).isEqualTo(new DebeziumVersion(2, 4));
        assertThat(releases.line(releases.releaseFor(DebeziumVersion.parse("3.1")))).isEqualTo(new DebeziumVersion(3, 0));
        assertThat(releases.line(releases.releaseFor(DebeziumVersion.parse("1.4")))).isEqualTo(new DebeziumVersion(1, 9));
    }
}
