package io.dbzlint.catalog;

import io.dbzlint.Golden;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The committed catalog is exactly what Debezium 3.6.1's own definitions produce today. */
class CatalogDriftTest {

    @Test
    void should_commit_the_catalog_debezium_generates() throws IOException {
        Golden.assertMatches(CatalogGenerator.FILE, CatalogGenerator.generate(), "CatalogDriftTest");
    }
}
