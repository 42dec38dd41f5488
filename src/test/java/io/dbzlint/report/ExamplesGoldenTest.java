package io.dbzlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.Golden;
import io.dbzlint.result.Severity;
import io.dbzlint.ruleset.RuleSetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examples are the promises of the README and docs/usage.md: the capstone set lints clean, each mistakes/RULE folder
 * shows that rule. The output of every folder in every format is compared with golden files; run
 * with -Dgolden.update=true to rewrite them after an intended change, then read the diff.
 */
class ExamplesGoldenTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** Folders that lint clean: the capstone, a MariaDB connector, and configs full of references filled in at deploy time. */
    static final List<String> CLEAN = List.of("examples/capstone", "examples/capstone-debezium-server",
            "examples/capstone-strimzi", "examples/mariadb", "examples/references");

    static Stream<String> folders() throws IOException {
        try (Stream<Path> mistakes = Files.list(EXAMPLES.resolve("mistakes"))) {
            return Stream.concat(CLEAN.stream(),
                    mistakes.map(p -> p.toString().replace('\\', '/')).sorted().toList().stream());
        }
    }

    /**
     * The capstone lints clean. A mistakes/RULE folder reports RULE, and no other rule reports an
     * error there; it exits 1 when it has errors (an error rule's, or a warning rule's raised to an
     * error, as deprecated-property does for keys the target version no longer reads), else 0.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void should_exit_as_the_folder_promises(String folder) {
        Cli run = Cli.run("lint", "--format", "json", folder);
        JsonNode findings = JsonMapper.builder().build().readTree(run.out()).get("findings");
        assertThat(run.err()).isEmpty();
        if (CLEAN.contains(folder)) {
            run.expectExit(0);
            assertThat(findings).isEmpty();
            return;
        }
        // mistakes/RULE, or mistakes/RULE--VARIANT for the same rule in other formats
        String rule = Path.of(folder).getFileName().toString().split("--")[0];
        boolean errors = false;
        for (JsonNode finding : findings) {
            errors |= finding.get("severity").asString().equals("error");
        }
        Severity severity = RuleSetLoader.bundled().info(rule).severity().orElseThrow();

        run.expectExit(errors ? 1 : 0);
        assertThat(errors || severity != Severity.ERROR).as("an error rule's folder fails").isTrue();
        assertThat(findings).as("findings of %s", rule)
                .anySatisfy(f -> assertThat(f.get("rule").asString()).isEqualTo(rule));
        assertThat(findings).as("errors of other rules")
                .allSatisfy(f -> assertThat(f.get("rule").asString().equals(rule)
                        || !f.get("severity").asString().equals("error")).isTrue());
    }

    /** Every folder in every format; the golden file's extension is the format's. */
    static Stream<Arguments> foldersAndFormats() throws IOException {
        return folders().flatMap(folder -> Stream.of(Format.values())
                .map(format -> Arguments.of(folder, format)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("foldersAndFormats")
    void should_match_golden_output(String folder, Format format) throws IOException {
        String extension = switch (format) {
            case TEXT -> "txt";
            case JSON -> "json";
            case SARIF -> "sarif";
            case GITHUB -> "github.txt";
            case JUNIT -> "junit.xml";
        };
        Cli run = Cli.run("lint", "--color", "never", "--format", format.toString(), folder);
        compare(run.out(), golden(folder, extension));
    }

    private static Path golden(String folder, String extension) {
        return GOLDEN.resolve(folder.replace("examples/", "").replace('/', '.') + "." + extension);
    }

    private static void compare(String actual, Path golden) throws IOException {
        Golden.assertMatches(golden, actual, "ExamplesGoldenTest");
    }
}
