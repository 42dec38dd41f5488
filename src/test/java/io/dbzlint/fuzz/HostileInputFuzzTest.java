package io.dbzlint.fuzz;

import static io.dbzlint.Generators.anyLong;
import static io.dbzlint.Generators.between;
import static io.dbzlint.Generators.bytes;
import static io.dbzlint.Generators.forAll;
import static io.dbzlint.Generators.fraction;
import static io.dbzlint.Generators.list;
import static io.dbzlint.Generators.oneOf;
import static io.dbzlint.Generators.string;
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
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    /** 1000 tries, as they are cheap: 300 let a UTF-8 error's line count that missed \r line ends pass. */
    @Test
    void should_survive_random_bytes() {
        forAll(1000, random -> bytes(random, 255), bytes -> check(bytes, null));
    }

    @Test
    void should_survive_random_json() {
        forAll(300, HostileInputFuzzTest::json, json -> check(json.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void should_survive_mutated_examples_and_never_print_a_planted_secret() {
        forAll(400, random -> mutated(random, plantSecrets(oneOf(random, EXAMPLES))),
                json -> check(json.getBytes(StandardCharsets.UTF_8), SECRET));
    }

    /** The examples in every other format (Strimzi YAML, properties, shell, Markdown), mutated, read as such. */
    @Test
    void should_survive_mutated_examples_of_every_format() {
        forAll(400, HostileInputFuzzTest::otherFormat,
                sample -> check(sample.text().getBytes(StandardCharsets.UTF_8), null, sample.format()));
    }

    /**
     * Generated forms whose readers once blew up: YAML aliases (an alias bomb ran the heap out),
     * shell conditionals around posted bodies, AsciiDoc callouts (a regular expression overflowed
     * the stack), curl bodies cut short before many braces (the embedded-JSON scan was quadratic);
     * and the request files read for their bodies (Postman collections, whose bodies are escaped
     * strings mapped back to the file, and HTTP files). Each case must finish fast, whatever its shape.
     */
    @Test
    void should_survive_generated_yaml_aliases_shell_branches_asciidoc_callouts_and_unclosed_json_after_curl() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(90), () ->
                forAll(300, random -> oneOf(random, List.<java.util.function.Function<Random, FormatSample>>of(
                                HostileInputFuzzTest::yamlWithAliases, HostileInputFuzzTest::shellWithBranches,
                                HostileInputFuzzTest::asciidocWithCallouts, HostileInputFuzzTest::unclosedJsonAfterCurl,
                                HostileInputFuzzTest::postmanCollection, HostileInputFuzzTest::httpRequests))
                                .apply(random),
                        sample -> check(sample.text().getBytes(StandardCharsets.UTF_8), null, sample.format())));
    }

    private static FormatSample yamlWithAliases(Random random) {
        StringBuilder yaml = new StringBuilder("a0: &a0 {k0: x, k1: \"" + "y".repeat(between(random, 0, 2000)) + "\"}\n");
        int anchors = between(random, 1, 30);
        for (int i = 1; i < anchors; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" ")
                    .append(random.nextBoolean() ? "{k0: *a" + random.nextInt(i) + ", k1: *a" + random.nextInt(i) + "}"
                            : "[*a" + random.nextInt(i) + ", *a" + random.nextInt(i) + "]")
                    .append("\n");
        }
        yaml.append("debezium:\n  source:\n    connector.class: io.debezium.connector.mysql.MySqlConnector\n")
                .append("    database: *a").append(random.nextInt(anchors)).append("\n")
                .append("    table.include.list: [*a").append(random.nextInt(anchors)).append(", *a0]\n");
        return new FormatSample(InputFormat.YAML, mutated(random, yaml.toString()));
    }

    private static final List<String> SHELL_PIECES = List.of("if [ \"$1\" = a ]; then\n", "elif true; then\n",
            "else\n", "fi\n", "case \"$1\" in\n", "  a) ", ";;\n", "esac\n", "exit 1\n", "cat <<'EOF'\n",
            "EOF\n", "'unterminated\n", "\"q\\\"x\"\n", "# if fi\n", "$(echo fi)\n", "f() {\n", "}\n",
            "curl -d @body.json \"$U\"\n", "for x in a; do\n", "done\n", "(\n", ")\n");

    private static FormatSample shellWithBranches(Random random) {
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        String body = oneOf(random, EXAMPLES);
        for (int i = between(random, 0, 40); i > 0; i--) {
            script.append(oneOf(random, SHELL_PIECES));
            if (random.nextInt(8) == 0) {
                script.append("curl -X POST -H 'Content-Type: application/json' http://connect:8083/connectors -d '")
                        .append(body.replace("'", "")).append("'\n");
            }
        }
        return new FormatSample(InputFormat.SHELL, mutated(random, script.toString()));
    }

    /**
     * A script of curl commands whose bodies are cut short, with many braces after them: the
     * embedded-JSON scan once re-parsed to the end of the file for each brace.
     */
    private static FormatSample unclosedJsonAfterCurl(Random random) {
        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        for (int i = between(random, 1, 12); i > 0; i--) {
            String body = oneOf(random, EXAMPLES).replace("'", "");
            script.append("curl -s -X POST -H 'Content-Type: application/json' $CONNECT/connectors -d '")
                    .append(random.nextBoolean() ? body.substring(0, between(random, 1, body.length())) : body)
                    .append(random.nextBoolean() ? "'\n" : "\n")
                    .append("{ \"k\": [".repeat(between(random, 0, 200)))
                    .append("echo done # }\n".repeat(between(random, 0, 2000)));
        }
        return new FormatSample(InputFormat.SHELL, mutated(random, script.toString()));
    }

    private static final List<String> METHODS = List.of("POST", "PUT", "GET", "PATCH", "DELETE", "post", "");
    private static final List<String> PATHS = List.of("/connectors", "/connectors/c/config", "/connectors/c/pause",
            "/connector-plugins/P/config/validate", "/connectors/c/config?x=1", "", "/connectors/{{name}}/config");

    /** A collection of requests in nested folders, each body an example escaped into a JSON string (unicode escapes, CR LF). */
    private static FormatSample postmanCollection(Random random) {
        StringBuilder collection = new StringBuilder("{\"info\": {\"name\": \"c\", \"schema\": "
                + "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"}, \"item\": [");
        for (int i = between(random, 0, 8); i > 0; i--) {
            int folders = between(random, 0, 3);
            collection.append("{\"name\": \"f\", \"item\": [".repeat(folders))
                    .append("{\"name\": \"r\", \"request\": {\"method\": \"").append(oneOf(random, METHODS))
                    .append("\", \"url\": ").append(random.nextBoolean()
                            ? "\"{{connect}}" + oneOf(random, PATHS) + "\""
                            : "{\"raw\": \"http://c:8083" + oneOf(random, PATHS) + "\"}")
                    .append(", \"body\": {\"mode\": \"raw\", \"raw\": \"").append(escaped(random, oneOf(random, EXAMPLES)))
                    .append("\", \"options\": {\"raw\": {\"language\": \"").append(random.nextBoolean() ? "json" : "text")
                    .append("\"}}}}}").append("]}".repeat(folders)).append(i > 1 ? ", " : "");
        }
        collection.append("]}");
        return new FormatSample(InputFormat.JSON, mutated(random, collection.toString()));
    }

    private static String escaped(Random random, String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append(random.nextBoolean() ? "\\r\\n" : "\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c < ' ' || random.nextInt(50) == 0 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** An HTTP request file: requests between ### lines, bodies inline or from a file, some without a request line. */
    private static FormatSample httpRequests(Random random) {
        StringBuilder file = new StringBuilder();
        for (int i = between(random, 0, 10); i > 0; i--) {
            file.append(random.nextBoolean() ? "### request\n" : "");
            if (random.nextInt(4) > 0) {
                file.append(oneOf(random, METHODS)).append(" http://{{host}}:8083").append(oneOf(random, PATHS))
                        .append(random.nextBoolean() ? " HTTP/1.1" : "").append("\nContent-Type: application/json\n\n");
            }
            file.append(random.nextInt(5) == 0 ? "< ./body.json\n" : oneOf(random, EXAMPLES) + "\n");
        }
        return new FormatSample(InputFormat.HTTP, mutated(random, file.toString()));
    }

    private static FormatSample asciidocWithCallouts(Random random) {
        StringBuilder page = new StringBuilder("= A page\n\n[source,json]\n----\n");
        for (String line : oneOf(random, EXAMPLES).split("\n")) {
            page.append(line).append(" <1>".repeat(random.nextInt(4) == 0 ? between(random, 1, 3000) : 0))
                    .append(" ".repeat(random.nextInt(10) == 0 ? between(random, 1, 20_000) : 0)).append("\n");
        }
        page.append("----\n<1> a callout\n");
        return new FormatSample(InputFormat.ASCIIDOC, mutated(random, page.toString()));
    }

    record FormatSample(InputFormat format, String text) {
    }

    private static FormatSample otherFormat(Random random) {
        FormatSample sample = oneOf(random, OTHER_FORMATS);
        return new FormatSample(sample.format(), mutated(random, sample.text()));
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

    /** An object, or an array of up to four, nested three deep. */
    private static String json(Random random) {
        return random.nextBoolean() ? object(random, 3)
                : "[" + String.join(",", list(random, 4, r -> object(r, 3))) + "]";
    }

    /**
     * Up to 12 entries, but half the objects, at every level, are empty or hold one: so the
     * documents range from a few characters to tens of thousands.
     */
    private static String object(Random random, int depth) {
        List<String> entries = list(random, random.nextBoolean() ? 1 : 12, r -> quote(key(r)) + ": "
                + (depth == 0 || r.nextBoolean() ? scalar(r) : object(r, depth - 1)));
        return "{" + String.join(", ", entries) + "}";
    }

    /** A key dbzlint knows six times in seven, else any text. */
    private static String key(Random random) {
        return random.nextInt(7) < 6 ? oneOf(random, KEYS) : string(random, 20);
    }

    private static String scalar(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> quote(oneOf(random, CLASSES));
            case 1 -> quote(string(random, 40));
            case 2 -> quote(string(random, "\u001b\u202e\n\u0000ab.*+(\\", 0, 30));
            case 3 -> oneOf(random, "1e999999999", "-1e2147483648", "99999999999999999999", "0", "184054", "1.5",
                    "true", "false", "null", "[]", "[1, \"a\"]", "{}");
            default -> String.valueOf(anyLong(random));
        };
    }

    /** The text with up to four mutations applied. */
    private static String mutated(Random random, String text) {
        for (Mutation mutation : list(random, 4, HostileInputFuzzTest::mutation)) {
            text = mutation.apply(text);
        }
        return text;
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

    private static Mutation mutation(Random random) {
        String text = random.nextBoolean() ? string(random, 8)
                : oneOf(random, "{", "}", "[", "]", ",", ":", "\"", "\\", "1e999999999", "\u001b[31m", "\u202e",
                        "\"database.server.id\": 184054,", "// comment\n", "/* x */", "null");
        return new Mutation(between(random, 0, 3), fraction(random), fraction(random), text);
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
