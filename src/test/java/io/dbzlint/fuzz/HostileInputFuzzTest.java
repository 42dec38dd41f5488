package io.dbzlint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.engine.LintSession;
import io.dbzlint.source.Input;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.report.Format;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.ruleset.RuleSetLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine.Help.Ansi;

/**
 * Random bytes, random JSON and mutations of the example configs, through the loader, every rule
 * and every output format: nothing throws, every finding lies inside its file, no output holds a
 * raw control character, and no secret planted in a config appears in any output.
 */
class HostileInputFuzzTest {

    private static final LintSession SESSION = LintSession.bundled(Path.of("").toAbsolutePath());
    private static final String SECRET = "Zq7SecretValue";
    private static final List<String> EXAMPLES = examples();

    private static final List<String> KEYS = List.of("name", "config", "connector.class", "database.hostname",
            "database.port", "database.user", "database.password", "database.server.id", "topic.prefix",
            "database.server.name", "slot.name", "plugin.name", "snapshot.mode", "table.include.list",
            "table.exclude.list", "tasks.max", "transforms", "transforms.outbox.type",
            "transforms.outbox.route.topic.replacement", "schema.history.internal.kafka.topic",
            "producer.override.sasl.jaas.config", "connection.url", "publication.name", "database.dbname");
    private static final List<String> CLASSES = List.of("io.debezium.connector.mysql.MySqlConnector",
            "io.debezium.connector.postgresql.PostgresConnector", "MySqlConnector", "PostgresConnector",
            "io.debezium.transforms.outbox.EventRouter", "org.example.Other");

    @Property(tries = 300)
    void should_survive_random_bytes(@ForAll byte[] bytes) {
        check(bytes, null);
    }

    @Property(tries = 300)
    void should_survive_random_json(@ForAll("json") String json) {
        check(json.getBytes(StandardCharsets.UTF_8), null);
    }

    @Property(tries = 400)
    void should_survive_mutated_examples_and_never_print_a_planted_secret(@ForAll("mutatedExamples") String json) {
        check(json.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    /** The examples in every other format (Strimzi YAML, properties, shell, Markdown), mutated, read as such. */
    @Property(tries = 400)
    void should_survive_mutated_examples_of_every_format(@ForAll("otherFormats") FormatSample sample) {
        check(sample.text().getBytes(StandardCharsets.UTF_8), null, sample.format());
    }

    record FormatSample(InputFormat format, String text) {
    }

    @Provide
    Arbitrary<FormatSample> otherFormats() {
        Arbitrary<FormatSample> base = Arbitraries.of(OTHER_FORMATS);
        return Combinators.combine(base, mutation().list().ofMaxSize(4)).as((sample, mutations) -> {
            String text = sample.text();
            for (Mutation mutation : mutations) {
                text = mutation.apply(text);
            }
            return new FormatSample(sample.format(), text);
        });
    }

    private static final List<FormatSample> OTHER_FORMATS = otherFormatExamples();

    private static List<FormatSample> otherFormatExamples() {
        List<FormatSample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("examples"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                InputFormat.forFileName(file.getFileName().toString()).filter(f -> f != InputFormat.JSON)
                        .ifPresent(format -> {
                            try {
                                samples.add(new FormatSample(format, Files.readString(file)));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        samples.add(new FormatSample(InputFormat.YAML, "apiVersion: debezium.io/v1alpha1\nkind: DebeziumServer\n"
                + "metadata:\n  name: s\nspec:\n  source:\n    class: PostgresConnector\n    config:\n      tasks.max:\n"
                + "      database:\n        hostname: pg\n"));
        return samples;
    }

    private static void check(byte[] bytes, String secret) {
        check(bytes, secret, InputFormat.JSON);
    }

    private static void check(byte[] bytes, String secret, InputFormat format) {
        LintResult result;
        try {
            result = SESSION.lint(List.of(Input.ofBytes(new InputId("fuzz", "fuzz", format), bytes)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(result.internalErrors()).as("internal errors").isEmpty();
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        for (Finding finding : result.findings()) {
            assertInside(finding.location(), lines, finding);
            finding.related().forEach(related -> assertInside(related, lines, finding));
        }
        for (Format output : Format.values()) {
            StringWriter out = new StringWriter();
            output.reporter(new Format.Context(RuleSetLoader.bundled(), "fuzz", Ansi.OFF))
                    .report(result, new PrintWriter(out));
            String printed = out.toString();
            assertThat(printed.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'
                    || c == 0x7f || c == 0x202e || c == 0x2028))
                    .as("raw control characters in %s output", output).isEmpty();
            if (secret != null) {
                assertThat(printed).as("%s output", output).doesNotContain(secret);
            }
        }
    }

    private static void assertInside(Location location, List<String> lines, Finding finding) {
        int lineCount = Math.max(1, lines.size() + 1);
        assertThat(location.line()).as("line of %s", finding).isBetween(1, lineCount);
        assertThat(location.endLine()).as("end line of %s", finding).isBetween(location.line(), lineCount);
        int length = location.line() <= lines.size() ? lines.get(location.line() - 1).length() : 0;
        assertThat(location.column()).as("column of %s", finding).isBetween(1, length + 2);
        if (location.endLine() == location.line()) {
            assertThat(location.endColumn()).as("end column of %s", finding).isBetween(location.column(), length + 2);
        }
    }

    @Provide
    Arbitrary<String> json() {
        return object(3);
    }

    private Arbitrary<String> object(int depth) {
        Arbitrary<String> entry = Combinators.combine(key(), depth == 0 ? scalar() : Arbitraries.oneOf(scalar(), object(depth - 1)))
                .as((k, v) -> quote(k) + ": " + v);
        Arbitrary<String> object = entry.list().ofMaxSize(12).map(entries -> "{" + String.join(", ", entries) + "}");
        return depth == 3 ? Arbitraries.oneOf(object, object.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"))
                : object;
    }

    private Arbitrary<String> key() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(KEYS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
    }

    private Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.of(CLASSES).map(HostileInputFuzzTest::quote),
                Arbitraries.strings().ofMaxLength(40).map(HostileInputFuzzTest::quote),
                Arbitraries.strings().withChars("\u001b\u202e\n\u0000ab.*+(\\").ofMaxLength(30).map(HostileInputFuzzTest::quote),
                Arbitraries.of("1e999999999", "-1e2147483648", "99999999999999999999", "0", "184054", "1.5",
                        "true", "false", "null", "[]", "[1, \"a\"]", "{}"),
                Arbitraries.longs().map(String::valueOf));
    }

    @Provide
    Arbitrary<String> mutatedExamples() {
        Arbitrary<String> planted = Arbitraries.of(EXAMPLES).map(HostileInputFuzzTest::plantSecrets);
        return Combinators.combine(planted, mutation().list().ofMaxSize(4))
                .as((text, mutations) -> {
                    String result = text;
                    for (Mutation mutation : mutations) {
                        result = mutation.apply(result);
                    }
                    return result;
                });
    }

    /** Puts the secret where dbzlint must recognise it: a password key, a JAAS config, a URL. */
    private static String plantSecrets(String example) {
        int config = example.indexOf("\"connector.class\"");
        if (config < 0) {
            return example;
        }
        String planted = "\"database.password\": \"" + SECRET + "\", "
                + "\"producer.override.sasl.jaas.config\": \"x required username=\\\"u\\\" password=\\\"" + SECRET
                + "\\\";\", \"connection.url\": \"jdbc:mysql://app:" + SECRET + "@db:3306/x\", ";
        return example.substring(0, config) + planted + example.substring(config);
    }

    private record Mutation(int kind, double at, double length, String text) {
        String apply(String input) {
            if (input.isEmpty()) {
                return text;
            }
            int start = (int) (at * input.length());
            int end = Math.min(input.length(), start + (int) (length * 40));
            return switch (kind) {
                case 0 -> input.substring(0, start) + input.substring(end);            // delete
                case 1 -> input.substring(0, start) + text + input.substring(start);   // insert
                case 2 -> input.substring(0, end) + input.substring(start, end) + input.substring(end); // duplicate
                default -> input.substring(0, start) + text + input.substring(end);    // replace
            };
        }
    }

    private Arbitrary<Mutation> mutation() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8),
                Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "1e999999999", "\u001b[31m", "\u202e",
                        "\"database.server.id\": 184054,", "// comment\n", "/* x */", "null"));
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), text).as(Mutation::new);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static List<String> examples() {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("examples"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                texts.add(Files.readString(file));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }
}
