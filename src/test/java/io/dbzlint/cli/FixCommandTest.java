package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code lint --fix} and {@code --diff}: the fixes change only the characters the JSON report
 * says they change, leave nothing fixable behind, and keep line endings and permissions.
 */
class FixCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/fix-examples.diff");

    @TempDir
    Path dir;

    @Test
    void should_fix_every_fixable_example_and_change_only_those_characters() throws IOException {
        Path examples = copyOf(Path.of("examples"), dir.resolve("examples"));
        JsonNode before = JSON.readTree(Cli.runIn(dir, "lint", "-f", "json", "examples").out()).get("findings");
        Map<String, List<JsonNode>> fixesByFile = new HashMap<>();
        for (JsonNode finding : before) {
            if (finding.has("fix")) {
                fixesByFile.computeIfAbsent(finding.get("fix").get("file").asString(), f -> new ArrayList<>())
                        .add(finding.get("fix"));
            }
        }
        assertThat(fixesByFile).as("the mistakes folders have fixable findings").isNotEmpty();

        Cli fixed = Cli.runIn(dir, "lint", "--fix", "--unsafe-fixes", "--color", "never", "examples");
        assertThat(fixed.err()).startsWith("dbzlint: fixed ");

        try (Stream<Path> files = Files.walk(examples)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                String original = Files.readString(Path.of("").resolve(name));
                String now = Files.readString(file);
                List<JsonNode> fixes = fixesByFile.getOrDefault(name, List.of());
                assertThat(now).as(name).isEqualTo(applied(original, fixes));
            }
        }
        JsonNode after = JSON.readTree(Cli.runIn(dir, "lint", "-f", "json", "examples").out()).get("findings");
        assertThat(after).as("nothing fixable is left").noneMatch(finding -> finding.has("fix"));
        // a fix may change what a config reads (a value joined over lines), and with it whether another
        // config is its copy: cross-connector findings are left out of the count
        assertThat(perFile(after)).isEqualTo(perFile(before) - fixesByFile.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void should_print_the_diff_of_the_examples_and_change_no_file() throws IOException {
        copyOf(Path.of("examples"), dir.resolve("examples"));
        Cli run = Cli.runIn(dir, "lint", "--diff", "--unsafe-fixes", "examples").expectExit(1);
        assertThat(run.err()).matches("dbzlint: would fix \\d+ problems in \\d+ files\\R");
        Golden.assertMatches(GOLDEN, run.out(), "FixCommandTest");
        assertThat(Cli.runIn(dir, "lint", "--diff", "--unsafe-fixes", "examples").out()).as("nothing was written")
                .isEqualTo(run.out());
        String safe = Cli.runIn(dir, "lint", "--diff", "examples").out();
        assertThat(safe).as("without --unsafe-fixes, no did-you-mean").contains("+    \"table.include.list\"")
                .doesNotContain("+    \"snapshot.mode\": \"initial\"")
                .doesNotContain("+    \"transforms.outbox.table.field.event.key\"")
                .isNotEqualTo(run.out());
    }

    @Test
    void should_keep_line_endings_and_permissions() throws IOException {
        Path file = dir.resolve("c.json");
        String crlf = "{\r\n  \"name\": \"orders\",\r\n  \"config\": {\r\n"
                + "    \"connector.class\": \"io.debezium.connector.mysql.MySqlConnector\",\r\n"
                + "    \"database.hostname\": \"mysql\",\r\n    \"database.server.id\": \"184001\",\r\n"
                + "    \"table.whitelist\": \"inventory.orders\",\r\n    \"topic.prefix\": \"mysql_prod\"\r\n  }\r\n}";
        Files.writeString(file, crlf);
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, mode);

        Cli.runIn(dir, "lint", "--fix", "c.json");

        assertThat(Files.readString(file)).isEqualTo(crlf.replace("table.whitelist", "table.include.list"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(mode);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void should_fix_the_file_a_link_names_and_keep_the_link() throws IOException {
        Path real = dir.resolve("real.properties");
        Files.writeString(real, "connector.class=io.debezium.connector.postgresql.PostgresConnector\n"
                + "topic.prefix=postgres_prod\nsnapshot.mdoe=initial\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.properties"), real.getFileName());

        Cli.runIn(dir, "lint", "--fix", "--unsafe-fixes", "link.properties");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).endsWith("\nsnapshot.mode=initial\n");
    }

    @Test
    void should_fix_yaml_and_properties_keys_where_they_are_written() throws IOException {
        Path yaml = dir.resolve("connector.yaml");
        Files.writeString(yaml, """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaConnector
                metadata:
                  name: orders
                  labels:
                    strimzi.io/cluster: connect
                spec:
                  class: io.debezium.connector.postgresql.PostgresConnector
                  config:
                    database.hostname: pg   # the primary
                    'table.whitelist': public.orders
                    topic.prefix: postgres_prod
                """);
        Path properties = dir.resolve("orders.properties");
        Files.writeString(properties, "name=orders\nconnector.class=io.debezium.connector.postgresql.PostgresConnector\n"
                + "topic.prefix=postgres_prod\nsnapshot.mdoe = initial\n");

        Cli.runIn(dir, "lint", "--fix", "--unsafe-fixes", ".");

        assertThat(Files.readString(yaml)).contains("    'table.include.list': public.orders\n")
                .contains("database.hostname: pg   # the primary\n");
        assertThat(Files.readString(properties)).endsWith("\nsnapshot.mode = initial\n");
    }

    @Test
    void should_leave_escaped_keys_and_never_make_a_duplicate_key() throws IOException {
        Path file = dir.resolve("c.json");
        String text = """
                {"name": "orders", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "topic.prefix": "postgres_prod",
                  "table.white\\u006cist": "public.orders",
                  "snapshot.mdoe": "initial",
                  "snapshot.mod": "initial"
                }}
                """;
        Files.writeString(file, text);

        Cli.runIn(dir, "lint", "--fix", "--unsafe-fixes", "c.json");

        String fixed = Files.readString(file);
        assertThat(fixed).as("an escaped key is left for a human").contains("\"table.white\\u006cist\"");
        assertThat(fixed.split("\"snapshot.mode\"", -1)).as("one typo renamed, not both").hasSize(2);
        Cli relint = Cli.runIn(dir, "lint", "-f", "json", "c.json");
        assertThat(relint.out()).doesNotContain("duplicate-key");
    }

    @Test
    void should_fix_a_misspelt_smt_option_only_with_unsafe_fixes() throws IOException {
        Path file = dir.resolve("c.json");
        String text = """
                {"name": "orders", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "topic.prefix": "postgres_prod",
                  "transforms": "outbox",
                  "transforms.outbox.type": "io.debezium.transforms.outbox.EventRouter",
                  "transforms.outbox.route.by.fild": "aggregatetype",
                  "transforms.outbox.table.field.event.kye": "aggregateid"
                }}
                """;
        Files.writeString(file, text);

        Cli.runIn(dir, "lint", "--fix", "c.json");
        assertThat(Files.readString(file)).as("a did-you-mean is unsafe: --fix alone leaves it").isEqualTo(text);

        Cli.runIn(dir, "lint", "--fix", "--unsafe-fixes", "c.json");
        assertThat(Files.readString(file)).contains("\"transforms.outbox.route.by.field\"")
                .as("kye is one transposition from key").contains("\"transforms.outbox.table.field.event.key\"");
    }

    @Test
    void should_apply_safe_fixes_with_fix_and_did_you_means_only_with_unsafe_fixes() throws IOException {
        Path file = dir.resolve("c.json");
        String text = """
                {"name": "orders", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostnme": "postgres",
                  "topic.prefix": "postgres_prod",
                  "table.whitelist": "public.orders",
                  "snapshot.mode": "inital"
                }}
                """;
        Files.writeString(file, text);

        Cli before = Cli.runIn(dir, "lint", "--color", "never", "c.json");
        assertThat(before.out()).contains("did you mean database.hostname?").contains("did you mean initial?")
                .contains("; 1 fixable with --fix (2 more with --unsafe-fixes; --diff to see how)\n");

        Cli safe = Cli.runIn(dir, "lint", "--fix", "--color", "never", "c.json");
        assertThat(safe.err()).startsWith("dbzlint: fixed 1 problem in 1 file\n");
        assertThat(Files.readString(file)).isEqualTo(text.replace("table.whitelist", "table.include.list"));
        assertThat(safe.out()).endsWith("; 2 fixable with --fix --unsafe-fixes (--diff to see how)\n");

        Cli unsafe = Cli.runIn(dir, "lint", "--fix", "--unsafe-fixes", "--color", "never", "c.json");
        assertThat(unsafe.err()).startsWith("dbzlint: fixed 2 problems in 1 file\n");
        assertThat(Files.readString(file)).isEqualTo(text.replace("table.whitelist", "table.include.list")
                .replace("hostnme", "hostname").replace("\"inital\"", "\"initial\""));
        assertThat(unsafe.out()).doesNotContain("fixable");
    }

    @Test
    void should_say_which_fixes_are_safe_in_json_and_sarif() throws IOException {
        Path file = dir.resolve("c.json");
        Files.writeString(file, """
                {"name": "orders", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "topic.prefix": "postgres_prod",
                  "table.whitelist": "public.orders",
                  "snapshot.mode": "inital"
                }}
                """);

        JsonNode findings = JSON.readTree(Cli.runIn(dir, "lint", "-f", "json", "c.json").out()).get("findings");
        Map<String, String> safetyByKey = new HashMap<>();
        findings.forEach(f -> {
            if (f.has("fix")) {
                safetyByKey.put(f.get("key").asString(), f.get("fix").get("safety").asString());
            }
        });
        assertThat(safetyByKey).containsEntry("table.whitelist", "safe").containsEntry("snapshot.mode", "unsafe");

        JsonNode results = JSON.readTree(Cli.runIn(dir, "lint", "-f", "sarif", "c.json").out())
                .get("runs").get(0).get("results");
        List<String> sarif = new ArrayList<>();
        results.forEach(r -> {
            if (r.has("fixes")) {
                sarif.add(r.get("fixes").get(0).get("properties").get("safety").asString());
            }
        });
        assertThat(sarif).containsExactlyInAnyOrder("safe", "unsafe");
    }

    @Test
    void should_offer_no_fix_when_two_keys_are_as_near_and_name_both() throws IOException {
        Path file = dir.resolve("c.json");
        String text = """
                {"name": "orders", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "topic.prefix": "postgres_prod",
                  "table.ixclude.list": "public.audit"
                }}
                """;
        Files.writeString(file, text);

        Cli run = Cli.runIn(dir, "lint", "--fix", "--unsafe-fixes", "--color", "never", "c.json");

        assertThat(Files.readString(file)).as("include or exclude: opposite meanings, a human chooses").isEqualTo(text);
        assertThat(run.out()).contains("did you mean table.exclude.list or table.include.list?")
                .doesNotContain("fixable");
    }

    @Test
    void should_refuse_unsafe_fixes_without_fix_or_diff() {
        Cli run = Cli.runIn(dir, "lint", "--unsafe-fixes", ".").expectExit(2);

        assertThat(run.err()).contains("--unsafe-fixes says which fixes --fix or --diff apply");
    }

    @Test
    void should_refuse_fix_with_a_dry_run_or_a_baseline_to_write() {
        Cli.runIn(dir, "lint", "--fix", "--diff", ".").expectExit(2);
        Cli.runIn(dir, "lint", "--fix", "--write-baseline", "b.json", ".").expectExit(2);
    }

    /** The original with each fix's range replaced, from the last to the first. */
    private static String applied(String original, List<JsonNode> fixes) {
        List<Integer> lineStarts = new ArrayList<>(List.of(0));
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        List<JsonNode> ordered = new ArrayList<>(fixes);
        ordered.sort(Comparator.<JsonNode>comparingInt(f -> f.get("line").asInt())
                .thenComparingInt(f -> f.get("column").asInt()).reversed());
        String text = original;
        for (JsonNode fix : ordered) {
            int start = lineStarts.get(fix.get("line").asInt() - 1) + fix.get("column").asInt() - 1;
            int end = lineStarts.get(fix.get("endLine").asInt() - 1) + fix.get("endColumn").asInt() - 1;
            text = text.substring(0, start) + fix.get("replacement").asString() + text.substring(end);
        }
        return text;
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    private static final String LEGACY = "examples/mistakes/deprecated-property/inventory-mysql-1x.json";

    @Test
    void should_print_the_patch_of_standard_input_with_diff() throws IOException {
        Cli run = Cli.piped(dir, Files.readString(Path.of(LEGACY)), "lint", "--debezium-version", "3.6", "--diff", "-").expectExit(1);

        assertThat(run.out()).startsWith("--- a/<stdin>\n+++ b/<stdin>\n")
                .contains("-    \"database.server.name\"").contains("+    \"topic.prefix\"");
        assertThat(run.err()).isEqualTo("dbzlint: would fix 4 problems in 1 file\n");
    }

    @Test
    void should_write_standard_input_fixed_to_standard_output_and_the_report_to_standard_error() throws IOException {
        String before = Files.readString(Path.of(LEGACY));

        Cli run = Cli.piped(dir, before, "lint", "--debezium-version", "3.6", "--fix", "--color", "never", "-").expectExit(0);

        assertThat(run.out()).isNotEqualTo(before).contains("\"topic.prefix\"")
                .doesNotContain("database.server.name").doesNotContain("database.history.kafka.topic");
        assertThat(Cli.piped(dir, run.out(), "lint", "--debezium-version", "3.6", "-").out()).as("what is left after fixing")
                .doesNotContain("deprecated-property");
        assertThat(run.err()).startsWith("dbzlint: fixed 4 problems in 1 file\n")
                .doesNotContain("deprecated-property").doesNotContain("fixable with --fix");
    }

    @Test
    void should_give_standard_input_back_unchanged_with_fix_when_nothing_applies() throws IOException {
        String clean = Files.readString(Path.of("examples/capstone/inventory-mysql-outbox.json"));

        Cli run = Cli.piped(dir, clean, "lint", "--fix", "-").expectExit(0);

        assertThat(run.out()).isEqualTo(clean);
        assertThat(run.err()).contains("0 errors");
    }

    @Test
    void should_give_nothing_back_for_standard_input_too_large_to_read_with_fix() {
        String huge = "{\"a\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";

        Cli run = Cli.piped(dir, huge, "lint", "--fix", "--color", "never", "-");

        assertThat(run.out()).as("no half or empty text passed on as if fixed").isEmpty();
        assertThat(run.err()).contains("<stdin>:1:1: error parse-error").contains("larger than the 8 MiB");
    }

    private static long perFile(JsonNode findings) {
        long count = 0;
        for (JsonNode finding : findings) {
            if (!finding.get("rule").asString().endsWith("-unique")) {
                count++;
            }
        }
        return count;
    }
}
