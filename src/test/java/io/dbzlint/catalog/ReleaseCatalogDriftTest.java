package io.dbzlint.catalog;

import io.dbzlint.Golden;
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
}
