package io.dbzlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Golden;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The committed driver catalog is exactly what the drivers on the test classpath list today. */
class DriverCatalogDriftTest {

    @Test
    void should_commit_the_catalog_the_drivers_generate() throws IOException {
        Golden.assertMatches(DriverCatalogGenerator.FILE, DriverCatalogGenerator.generate(), "DriverCatalogDriftTest");
    }

    @Test
    void should_list_the_options_teams_pass_through() {
        assertThat(DriverCatalogGenerator.mysql()).contains("useSSL", "allowPublicKeyRetrieval", "serverTimezone",
                "connectTimeout");
        assertThat(DriverCatalogGenerator.mariadb()).contains("sslMode", "connectTimeout", "trustStore", "databaseterm");
        assertThat(DriverCatalogGenerator.postgresql()).contains("sslmode", "connectTimeout", "ApplicationName");
    }
}
