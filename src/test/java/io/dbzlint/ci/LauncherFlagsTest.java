package io.dbzlint.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every launcher runs dbzlint's JVM with the flags bench/ measured: the checkout's bin/dbzlint,
 * the distribution's launcher and .deb, the container image, and the bench's floor program (its
 * ratio means something only with the same flags). A flag changed in one of them alone once left
 * the others measuring something else.
 */
class LauncherFlagsTest {

    private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn32m",
            "-XX:-UsePerfData");
    private static final Pattern LAUNCH = Pattern.compile("(?s)-XX:TieredStopAtLevel=1.{0,120}");

    @Test
    void should_start_every_launcher_with_the_measured_flags() throws IOException {
        for (String file : List.of("bin/dbzlint", "dist/build.sh", "dist/image.py", "bench/run.sh")) {
            String text = Files.readString(Path.of(file));
            Matcher launch = LAUNCH.matcher(text);
            int launches = 0;
            while (launch.find()) {
                launches++;
                // a Python list continues over lines: its quotes, commas and line breaks apart
                String flags = launch.group().replaceAll("[\"',\\s]+", " ");
                for (String flag : FLAGS) {
                    assertThat(flags).as(file + ": " + launch.group()).contains(flag);
                }
            }
            assertThat(launches).as(file).isPositive();
        }
    }
}
