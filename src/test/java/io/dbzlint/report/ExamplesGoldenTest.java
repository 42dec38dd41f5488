package io.dbzlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examples are the README's promises: the capstone set lints clean, each mistakes/RULE folder
 * fails with exactly that rule, each warnings/RULE folder warns with it. Text and JSON output of
 * every folder are compared with golden files; run with -Dgolden.update=true to rewrite them after
 * an intended change, then read the diff.
 */
class ExamplesGoldenTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> folders() throws IOException {
        Stream<String> capstone = Stream.of("examples/capstone");
        try (Stream<Path> mistakes = Files.list(EXAMPLES.resolve("mistakes"));
             Stream<Path> warnings = Files.list(EXAMPLES.resolve("warnings"))) {
            return Stream.concat(capstone, Stream.concat(mistakes, warnings).map(p -> p.toString().replace('\\', '/'))
                    .sorted().toList().stream());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void should_exit_as_the_folder_promises(String folder) {
        Path path = Path.of(folder);
        String kind = path.getParent().getFileName().toString();
        String rule = path.getFileName().toString();
        Cli run = Cli.run("lint", "--format", "json", folder);
        JsonNode findings = JsonMapper.builder().build().readTree(run.out()).get("findings");

        switch (kind) {
            case "examples" -> {
                run.expectExit(0);
                assertThat(findings).isEmpty();
            }
            case "mistakes" -> {
                run.expectExit(1);
                assertThat(findings).isNotEmpty()
                        .allSatisfy(f -> assertThat(f.get("rule").asString()).isEqualTo(rule))
                        .allSatisfy(f -> assertThat(f.get("severity").asString()).isEqualTo("error"));
            }
            case "warnings" -> {
                run.expectExit(0);
                assertThat(findings).isNotEmpty()
                        .allSatisfy(f -> assertThat(f.get("rule").asString()).isEqualTo(rule))
                        .allSatisfy(f -> assertThat(f.get("severity").asString()).isEqualTo("warning"));
            }
            default -> throw new AssertionError("unexpected examples folder " + folder);
        }
        assertThat(run.err()).isEmpty();
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
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (run with -Dgolden.update=true to create it)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
