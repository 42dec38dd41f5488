package io.dbzlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed catalog is exactly what Debezium 3.6.1's own definitions produce today. */
class CatalogDriftTest {

    @Test
    void should_commit_the_catalog_debezium_generates() throws IOException {
        String generated = CatalogGenerator.generate();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(CatalogGenerator.FILE, generated, StandardCharsets.UTF_8);
        }

        assertThat(CatalogGenerator.FILE).exists();
        assertThat(Files.readString(CatalogGenerator.FILE, StandardCharsets.UTF_8))
                .as("%s differs from Debezium %s; regenerate with mvn test -Dtest=CatalogDriftTest"
                        + " -Dgolden.update=true and read the diff", CatalogGenerator.FILE, CatalogGenerator.DEBEZIUM_VERSION)
                .isEqualTo(generated);
    }
}
