package io.dbzlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed multi-release catalog is exactly what the releases' own jars say. Run with
 * -Dgolden.update=true to regenerate it after changing the release list, then read the diff.
 */
class ReleaseCatalogDriftTest {

    @Test
    void should_commit_exactly_what_each_release_defines() throws Exception {
        String generated = ReleaseCatalogGenerator.generate();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(ReleaseCatalogGenerator.FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(ReleaseCatalogGenerator.FILE).as("run with -Dgolden.update=true to create it").exists();
        assertThat(Files.readString(ReleaseCatalogGenerator.FILE)).isEqualTo(generated);
    }
}
