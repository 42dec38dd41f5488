package io.dbzlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Golden;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.ReleaseCatalog;
import org.junit.jupiter.api.Test;

/**
 * The committed multi-release catalog is exactly what the releases' own jars say. Run with
 * -Dgolden.update=true to regenerate it after changing the release list, then read the diff.
 */
class ReleaseCatalogDriftTest {

    @Test
    void should_commit_exactly_what_each_release_defines() throws Exception {
        Golden.assertMatches(ReleaseCatalogGenerator.FILE, ReleaseCatalogGenerator.generate(),
                "ReleaseCatalogDriftTest");
    }

    @Test
    void should_end_with_the_release_of_the_current_catalog_which_lints_without_loading_it() {
        assertThat(Debezium.bundled().releases().latest()).isEqualTo(Debezium.LATEST);
    }
}
