package io.dbzlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A committed file that must equal what the code generates now (goldens, docs, catalogs). With
 * -Dgolden.update=true the file is rewritten first: for an intended change, whose diff is then read.
 */
public final class Golden {

    public static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    /** @param test the test class to name in the message, e.g. to run it alone with the update */
    public static void assertMatches(Path file, String generated, String test) throws IOException {
        if (UPDATE) {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file).as("%s is missing; create it with mvn test -Dtest=%s -Dgolden.update=true", file, test)
                .exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s differs from what the code generates; if the change is intended, regenerate it with"
                        + " mvn test -Dtest=%s -Dgolden.update=true and read the diff", file, test)
                .isEqualTo(generated);
    }
}
