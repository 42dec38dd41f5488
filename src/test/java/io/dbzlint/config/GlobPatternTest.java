package io.dbzlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class GlobPatternTest {

    private static final List<String> GLOBS = List.of("*.json", "**/*.json", "connectors/*.json", "**",
            "**/prod/**", "*", "a?c.json", "[ab]*.yaml", "[!a]*.yaml", "[a-c]x", "{dev,prod}/*.json",
            "docs/**/{a,b}.md", "\\*.json", "**/*-{dev,prod}.{json,yaml}", "*/*", "a*b*c", "**a", "x/**/y");
    private static final List<String> PATHS = List.of("a.json", "connectors/a.json", "connectors/x/a.json",
            "prod/a.json", "dev/a.json", "x/prod/y.json", "abc.json", "axc.json", "a.yaml", "b.yaml", "c.yaml",
            "ax", "dx", "docs/a.md", "docs/x/b.md", "*.json", "svc/orders-dev.yaml", "x/y", "x/q/r/y", "aXbYc",
            "a/b/c", "", "ba", "b/a");

    @Test
    void should_match_as_the_jdks_glob_matcher_does() {
        for (String glob : GLOBS) {
            var jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            GlobPattern ours = GlobPattern.compile(glob);
            for (String path : PATHS) {
                assertThat(ours.matches(path)).as("%s against %s", glob, path).isEqualTo(jdk.matches(Path.of(path)));
            }
        }
    }

    @Test
    void should_match_random_paths_as_the_jdk_does() {
        Random random = new Random(20261205);
        String alphabet = "ab/.";
        for (int run = 0; run < 2_000; run++) {
            String glob = random(random, "ab*?/.", 1 + random.nextInt(8)).replace("***", "**");
            String path = random(random, alphabet, random.nextInt(10));
            if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
                continue; // Path.of normalises these; project paths never hold them
            }
            var jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            assertThat(GlobPattern.compile(glob).matches(path)).as("%s against %s", glob, path)
                    .isEqualTo(jdk.matches(Path.of(path)));
        }
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void should_match_a_pattern_that_backtracks_in_a_regular_expression_at_once() {
        String name = "a".repeat(60) + ".json";
        String glob = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*ab";

        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThat(GlobPattern.compile(glob).matches(name)).isFalse());
    }

    @Test
    void should_refuse_what_the_jdk_refuses_and_too_many_alternatives() {
        assertThatThrownBy(() -> GlobPattern.compile("[ab")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> GlobPattern.compile("{a,b")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> GlobPattern.compile("{a,{b}}")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> GlobPattern.compile("{a,b,c,d}".repeat(5))).isInstanceOf(PatternSyntaxException.class);
    }
}
