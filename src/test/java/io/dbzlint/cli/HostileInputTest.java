package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dbzlint.Cli;
import io.dbzlint.TestFiles;
import io.dbzlint.engine.LintSession;
import io.dbzlint.source.Input;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.result.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CI lints pull requests from anyone: every byte is untrusted. Each case here once crashed, hung,
 * leaked or forged output. Time limits only catch hangs (a run takes well under a second); speed
 * itself is measured in bench/.
 */
class HostileInputTest {

    private static final Duration HANG = Duration.ofSeconds(20);
    private static final String[] FORMATS = {"text", "json", "sarif", "github", "junit"};

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private static String mysql(String extra) {
        return """
                {"name": "inventory-mysql", "config": {
                  "connector.class": "io.debezium.connector.mysql.MySqlConnector",
                  "database.hostname": "mysql", "database.user": "debezium", "database.server.id": "184054",
                  "topic.prefix": "mysql_prod",
                  "schema.history.internal.kafka.bootstrap.servers": "kafka:9092",
                  "schema.history.internal.kafka.topic": "schemahistory.mysql_prod"%s}}
                """.formatted(extra);
    }

    private Cli lint(String... args) {
        return assertTimeoutPreemptively(HANG, () -> Cli.runIn(dir, Stream.concat(
                Stream.of("lint", "--color", "never"), Stream.of(args)).toArray(String[]::new)));
    }

    private static void assertNoStackTrace(Cli run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e2147483648", "1e-2147483649", "1e100000000", "-1e999999999",
        "99999999999999999999999999999999999999999"})
    void should_read_numbers_of_any_magnitude_in_constant_time(String number) throws IOException {
        write("a.json", mysql(", \"batch.size\": %s, \"tasks.max\": %s".formatted(number, number)));
        write("other.json", "{\"name\": \"x\", \"connector.class\": \"org.example.Sink\", \"batch.size\": " + number + "}");

        Cli run = lint(".");

        assertNoStackTrace(run);
        run.expectExit(1);
        assertThat(run.out()).contains("tasks.max").contains("(2 files)");
    }

    @Test
    void should_report_a_huge_tasks_max() throws IOException {
        write("a.json", mysql(", \"tasks.max\": 1e100000"));

        assertThat(lint(".").expectExit(1).out()).contains("error config-schema tasks.max 1e100000 must be a positive integer");
    }

    @Test
    void should_say_a_long_integer_is_out_of_range_not_that_it_is_no_integer() throws IOException {
        write("a.json", mysql(", \"snapshot.fetch.size\": 99999999999999999999")
                .replace("\"184054\"", "99999999999999999999"));

        String out = lint(".").expectExit(1).out();

        assertThat(out).contains("database.server.id \"99999999999999999999\" is too large")
                .contains("snapshot.fetch.size \"99999999999999999999\" is outside the int range");
    }

    @Test
    void should_skip_a_fifo_given_directly_or_found_in_a_folder_and_lint_the_rest() throws Exception {
        write("good.json", mysql(""));
        Path fifo = dir.resolve("pipe.json");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeThat(false).as("mkfifo is not available here").isTrue();
            return;
        }
        assumeThat(mkfifo.waitFor()).isZero();

        Cli folder = lint(".");
        Cli direct = lint("pipe.json", "good.json");

        for (Cli run : List.of(folder, direct)) {
            run.expectExit(2);
            assertThat(run.err()).contains("pipe.json: not a regular file");
            assertThat(run.out()).contains("in 1 connector (1 file)");
        }
    }

    @Test
    void should_compile_a_huge_regular_expression_list_quickly_and_quote_only_its_start() throws IOException {
        String item = "a+".repeat(125_000);
        write("a.json", mysql(", \"table.include.list\": \"inventory.orders,%s\"".formatted(item)));
        write("b.json", mysql(", \"table.exclude.list\": \"%s\"".formatted("x".repeat(250_000)))
                .replace("inventory-mysql", "b").replace("184054", "184055").replace("mysql_prod", "mysql_dev"));

        Cli run = lint(".");

        assertNoStackTrace(run);
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(1000));
    }

    @Test
    void should_not_hang_on_list_entries_that_backtrack_exponentially() throws IOException {
        String name = "a".repeat(40);
        // each list's expressions are matched against names from the others: (.*a){20}b against
        // forty a's takes java.util.regex hours
        write("a.json", mysql((", \"database.include.list\": \"(.*a){20}b\", \"table.include.list\": \"%s.orders\","
                + " \"column.exclude.list\": \"(.*a){20}b\", \"signal.data.collection\": \"%s.signals\"")
                .formatted(name, name)));

        Cli run = lint(".");

        assertNoStackTrace(run);
        assertThat(run.out()).contains("in 1 connector (1 file)").doesNotContain("filter-list-pattern");
    }

    @Test
    void should_not_hang_on_a_rules_file_pattern_that_backtracks_exponentially() throws IOException {
        // a pull request may bring its own rules file: its environment pattern is matched against
        // every logical name
        write("rules.json", "{\"parameters\": {\"environmentPattern\": \"(.*a){20}b\"}}");
        write("a.json", mysql("").replace("mysql_prod", "mysql_" + "a".repeat(40)));

        Cli run = lint("--rules", "rules.json", "a.json");

        assertNoStackTrace(run);
        assertThat(run.out()).contains("in 1 connector (1 file)").doesNotContain("server-name-pattern");
    }

    @Test
    void should_never_print_a_file_name_raw() throws IOException {
        String escape = "esc\u001b[31mred\u202e.json";
        String newline = "two\nlines.json";
        try {
            write(escape, "{\"name\": \"a\", \"connector.class\": \"MySqlConnector\"}");
            write(newline, "{\"name\": \"a\", \"connector.class\": \"MySqlConnector\"}");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            assumeThat(false).as("this file system refuses such names").isTrue();
        }

        for (String format : FORMATS) {
            Cli run = lint("--format", format, ".");
            String all = run.out() + run.err();
            assertThat(all).as(format).doesNotContain("\u001b", "\u202e", "two\nlines");
            if (format.equals("text")) {
                assertThat(run.out()).contains("esc\\u001b[31mred\\u202e.json", "two\\u000alines.json");
                assertThat(run.out().lines().filter(line -> line.contains(": error "))).allSatisfy(
                        line -> assertThat(line).matches("^(esc|two)\\S+:\\d+:\\d+: error .*"));
            }
        }
    }

    @Test
    void should_escape_control_and_bidi_characters_of_connector_names_and_keys_in_every_format() throws IOException {
        write("a.json", "{\"name\": \"evil\\u001b]0;title\\u0007\\u202e\", \"connector.class\": \"MySqlConnector\","
                + " \"snapshot.mdoe\\u001b[2J\": \"x\"}");
        write("b.json", "{\"name\": \"evil\\u001b]0;title\\u0007\\u202e\", \"connector.class\": \"MySqlConnector\"}");

        for (String format : FORMATS) {
            String all = lint("--format", format, ".").out();
            assertThat(all).as(format).doesNotContain("\u001b", "\u0007", "\u202e");
        }
    }

    @Test
    void should_lint_a_file_reached_through_links_once() throws IOException {
        Path real = write("connectors/inventory.json", mysql(""));
        Files.createSymbolicLink(dir.resolve("connectors/alias.json"), real);
        Files.createSymbolicLink(dir.resolve("linked-folder"), dir.resolve("connectors"));
        Files.createSymbolicLink(dir.resolve("connectors/loop"), dir);

        Cli run = lint(".");

        run.expectExit(0);
        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 1 connector (1 file)\n");
    }

    @Test
    void should_follow_no_link_out_of_the_repository_but_say_so() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("a.json"), mysql(""));
        Files.writeString(elsewhere.resolve("secret.properties"), "connector.class=x\ndatabase.password=runner-secret\n");
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve("own.json"), mysql(""));
        Files.createSymbolicLink(repo.resolve("shared"), elsewhere);
        Files.createSymbolicLink(repo.resolve("token.properties"), elsewhere.resolve("secret.properties"));
        Files.writeString(elsewhere.resolve("register"), "#!/bin/sh\ncurl -d '" + mysql(", \"database.password\": \"runner-secret\"") + "'\n");
        Files.createSymbolicLink(repo.resolve("register"), elsewhere.resolve("register"));
        Files.createSymbolicLink(repo.resolve(".dbzlint.yaml"), elsewhere.resolve("secret.properties"));

        Cli run = assertTimeoutPreemptively(HANG, () -> Cli.runIn(repo, "lint", "."));
        run.expectExit(2);
        assertThat(run.err()).contains(".dbzlint.yaml: the config file is a link").doesNotContain("runner-secret");

        Cli noConfig = assertTimeoutPreemptively(HANG, () -> Cli.runIn(repo, "lint", "--no-config", "."));
        noConfig.expectExit(2);
        assertThat(noConfig.out()).contains("in 1 connector (1 file)").doesNotContain("runner-secret");
        assertThat(noConfig.err()).contains("shared: a link out of the project; not followed",
                "token.properties: a link out of the project; not followed");
    }

    @Test
    void should_never_print_any_character_of_an_invalid_token() throws IOException {
        write("a.json", "{\"name\": \"x\", \"database.password\": 9BrokenLeak17}");

        for (String format : FORMATS) {
            Cli run = lint("--format", format, ".");
            assertThat(run.out()).as(format).contains("parse-error")
                    .doesNotContain("'B'", "(code 66)", "BrokenLeak", "9Broken");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"producer.override.sasl.jaas.config\": \"org.apache.kafka.common.security.plain.PlainLoginModule required username=\\\"u\\\" password=\\\"S3cr3tPw\\\";\"",
        "\"connection.url\": \"jdbc:postgresql://app:S3cr3tPw@db:5432/inventory\"",
        "\"database.hostname\": \"app:S3cr3tPw@db.internal\"",
        "\"connection.url\": \"jdbc:postgresql://db:5432/inventory?user=app&password=S3cr3tPw\"",
        "\"producer.override.sasl.jaas.config\": \"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId=\\\"c\\\" clientSecret=\\\"S3cr3tPw\\\";\"",
        "\"connection.url\": \"redis://:S3cr3tPw@cache:6379\"",
        "\"connection.url\": \"Driver={ODBC Driver 18};Server=db;UID=app;PWD=S3cr3tPw;\"",
        "\"connection.url\": \"jdbc:oracle:thin:app/S3cr3tPw@db:1521/orcl\"",
        "\"value.converter.schema.registry.headers\": \"Authorization: Bearer S3cr3tPw.eyJhbGciOi\"",
        "\"database.password\": [\"S3cr3tPw\"]",
        "\"database.password\": {\"value\": \"S3cr3tPw\"}"})
    void should_flag_a_secret_inside_a_value_and_never_print_it(String entry) throws IOException {
        write("a.json", mysql(", " + entry));

        for (String format : FORMATS) {
            Cli run = lint("--format", format, ".");
            assertThat(run.out()).as(format).contains("plaintext-secret").doesNotContain("S3cr3tPw");
        }
    }

    @Test
    void should_not_mask_a_key_name_that_spells_the_password() throws IOException {
        write("a.json", mysql(", \"database.password\": \"password\""));

        Cli run = lint(".");

        assertThat(run.out()).contains("warning plaintext-secret database.password holds a literal secret")
                .doesNotContain("database.****");
    }

    @Test
    void should_mask_the_secrets_on_the_lines_a_diff_shows_and_carry_none_in_a_fix() throws IOException {
        write("c.properties", """
                name=inventory
                connector.class=io.debezium.connector.mysql.MySqlConnector
                database.password=S3cr3tPw
                database.history.producer.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule \
                  required username="u" password="J4asS3cr3t";
                value.converter.basic.auth.user.info=user:B4s1cS3cr3t
                database.server.name=mysql_prod
                """);

        Cli diff = lint("--debezium-version", "3.6", "--diff", ".");
        assertThat(diff.out()).contains("+topic.prefix=mysql_prod", "+schema.history.internal.producer.sasl.jaas.config")
                .doesNotContain("S3cr3tPw", "J4asS3cr3t", "B4s1cS3cr3t");
        for (String format : FORMATS) {
            Cli run = lint("--debezium-version", "3.6", "--format", format, ".");
            assertThat(run.out()).as(format).doesNotContain("S3cr3tPw", "J4asS3cr3t", "B4s1cS3cr3t");
        }
    }

    @Test
    void should_read_an_asciidoc_page_with_thousands_of_callouts_and_long_trailing_spaces_in_linear_time()
            throws IOException {
        write("page.adoc", "[source,json]\n----\n" + mysql("").replace("\"topic.prefix\": \"mysql_prod\",",
                "\"topic.prefix\": \"mysql_prod\"," + " <1>".repeat(2_000)) + "----\n" + " ".repeat(100_000) + "\n"
                + "text" + " ".repeat(100_000) + "<2>\n");

        Cli run = lint("page.adoc");

        assertNoStackTrace(run);
        assertThat(run.exitCode()).as(run.err()).isNotEqualTo(3);
        assertThat(run.out()).contains("in 1 connector (1 file)");
    }

    @Test
    void should_fail_a_run_whose_project_config_leaves_nothing_to_lint() throws IOException {
        write("c.json", mysql(""));
        write(".dbzlint.yaml", "exclude: [\"**\"]\n");

        Cli run = lint(".");

        run.expectExit(2);
        assertThat(run.err()).contains(".dbzlint.yaml: its include and exclude leave none of the 1 file found to lint");
    }

    @Test
    void should_fix_neither_a_read_only_file_nor_one_through_a_link_out_of_the_project() throws IOException {
        String legacy = mysql("").replace("topic.prefix", "database.server.name");
        Files.createDirectories(dir.resolve(".git"));
        Path readOnly = write("read-only.json", legacy);
        Path outside = Files.createTempFile("dbzlint-outside", ".json");
        try {
            Files.writeString(outside, legacy);
            Files.createSymbolicLink(dir.resolve("linked.json"), outside);
            Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));

            Cli run = lint("--fix", "--debezium-version", "3.6", "read-only.json", "linked.json");

            assertThat(run.err()).contains("cannot write read-only.json: read-only: not fixed",
                    "cannot write linked.json: a link out of the project: not fixed");
            assertThat(Files.readString(readOnly)).isEqualTo(legacy);
            assertThat(Files.readString(outside)).isEqualTo(legacy);
            assertThat(Files.isSymbolicLink(dir.resolve("linked.json"))).isTrue();
        } catch (UnsupportedOperationException e) {
            assumeThat(false).as("no POSIX permissions or links here").isTrue();
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void should_refuse_a_yaml_alias_bomb_in_a_debezium_server_config_quickly() throws IOException {
        StringBuilder bomb = new StringBuilder("a0: &a0 {k0: x, k1: x}\n");
        for (int i = 1; i < 24; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" {k0: *a").append(i - 1)
                    .append(", k1: *a").append(i - 1).append("}\n");
        }
        bomb.append("debezium:\n  source:\n    connector.class: io.debezium.connector.mysql.MySqlConnector\n"
                + "    database: *a23\n");
        write("bomb/application.yaml", bomb.toString());
        write("long/application.yaml", "s: &s \"" + "x".repeat(100_000) + "\"\n"
                + "debezium:\n  source:\n    connector.class: io.debezium.connector.mysql.MySqlConnector\n"
                + "    table.include.list: [" + "*s, ".repeat(20_000) + "*s]\n");
        write("ok.json", mysql(""));

        Cli run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> lint("."));

        assertNoStackTrace(run);
        assertThat(run.exitCode()).as(run.err()).isNotEqualTo(3);
        assertThat(run.out()).contains("bomb/application.yaml:1:1: error parse-error larger than any connector config",
                "long/application.yaml:1:1: error parse-error larger than any connector config",
                "in 1 connector (3 files)");
    }

    @Test
    void should_refuse_as_many_properties_or_yaml_keys_as_json_refuses() throws IOException {
        StringBuilder properties = new StringBuilder("connector.class=io.debezium.connector.mysql.MySqlConnector\n");
        StringBuilder yaml = new StringBuilder("debezium:\n  source:\n"
                + "    connector.class: io.debezium.connector.mysql.MySqlConnector\n");
        for (int i = 0; i < 150_000; i++) {
            properties.append("k").append(i).append("=v\n");
            yaml.append("    k").append(i).append(": v\n");
        }
        write("many.properties", properties.toString());
        write("server/application.yaml", yaml.toString());

        Cli run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> lint("."));

        assertNoStackTrace(run);
        assertThat(run.out()).contains("many.properties:1:1: error parse-error more than 100000 keys",
                "server/application.yaml:1:1: error parse-error larger than any connector config");
    }

    @Test
    void should_name_a_few_of_a_big_groups_members_so_output_grows_linearly() throws IOException {
        int count = 300;
        for (int i = 0; i < count; i++) {
            write("c" + i + ".json", mysql(", \"table.include.list\": \"inventory.t" + i + "\"")
                    .replace("inventory-mysql", "inventory-" + i));
        }

        Cli text = lint(".");
        Cli json = lint("-f", "json", ".");

        assertThat(text.out()).contains("and " + (count - 1 - 5) + " more connectors");
        JsonNode findings = JsonMapper.builder().build().readTree(json.out()).get("findings");
        assertThat(findings.size()).isGreaterThanOrEqualTo(count);
        for (JsonNode finding : findings) {
            assertThat(finding.path("related").size()).isLessThanOrEqualTo(20);
        }
        assertThat(json.out().length()).as("about linear in the findings").isLessThan(count * 40_000);
    }

    @Test
    void should_report_utf16_text_without_a_byte_order_mark_instead_of_skipping_it() throws IOException {
        String properties = "name=inventory\nconnector.class=io.debezium.connector.mysql.MySqlConnector\n";
        String yaml = "debezium:\n  source:\n    connector.class: io.debezium.connector.mysql.MySqlConnector\n";
        Files.write(write("le.properties", ""), properties.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        Files.write(write("be/application.yaml", ""), yaml.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        Files.write(write("README.md", ""), ("# Notes\n\n" + properties).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        Files.write(write("docs/other.md", ""), "# Some other page\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        Cli run = lint(".");
        assertThat(run.out()).doesNotContain("other.md");

        assertThat(run.out()).contains("le.properties:1:1: error parse-error UTF-16 text",
                "be/application.yaml:1:1: error parse-error UTF-16 text", "README.md:1:1: error parse-error UTF-16 text");
    }

    @Test
    void should_never_write_a_project_config_parameters_text_raw_into_a_config() throws IOException {
        String outbox = """
                {"name": "orders-outbox", "config": {
                  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
                  "database.hostname": "pg", "database.dbname": "orders", "topic.prefix": "postgres_prod",
                  "transforms": "outbox",
                  "transforms.outbox.type": "io.debezium.transforms.outbox.EventRouter",
                  "transforms.outbox.route.topic.replacement": "orders.${routedByValue}"
                }}
                """;
        Path config = write("orders.json", outbox);
        write(".dbzlint.yaml", "parameters:\n  outboxTopicPattern: 'outbox.event.{database_type}.${routedByValue}\", \"injected.key\": \"y'\n");

        Cli run = lint("--fix", ".");

        assertThat(run.out()).as(run.err()).contains("topic-naming");
        assertThat(Files.readString(config)).isEqualTo(outbox).doesNotContain("injected.key");
    }

    @Test
    void should_not_call_the_kind_or_place_of_a_credential_a_secret() throws IOException {
        write("a.json", mysql(", \"value.converter.basic.auth.credentials.source\": \"USER_INFO\","
                + " \"gcp.credentials.path\": \"/var/secrets/key.json\","
                + " \"value.converter.basic.auth.user.info\": \"${file:/opt/secrets.properties:user.info}\""));

        assertThat(lint(".").out()).doesNotContain("plaintext-secret");
    }

    @Test
    void should_place_a_nesting_limit_where_it_is_hit_in_dbzlints_own_words() throws IOException {
        write("a.json", "{\"name\": \"x\", \"config\": " + "{\"a\": ".repeat(200) + "1" + "}".repeat(201) + "}");

        Cli run = lint(".");

        assertNoStackTrace(run);
        assertThat(run.out()).contains("a.json:1:").doesNotContain("a.json:1:1:")
                .contains("nested more than 64 levels deep").doesNotContain("StreamReadConstraints", "getMax");
    }

    @Test
    void should_report_a_rest_body_whose_config_is_not_an_object_as_such() throws IOException {
        write("a.json", "{\"name\": \"x\", \"config\": [\"connector.class\"]}");

        assertThat(lint(".").out()).contains("a.json:1:25: error parse-error config is an array;");
    }

    @Test
    void should_report_a_file_over_the_size_limit_without_reading_it() throws IOException {
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            byte[] chunk = (" ".repeat(1023) + "\n").getBytes();
            for (int i = 0; i < 50 * 1024; i++) {
                out.write(chunk);
            }
        }
        write("good.json", mysql(""));

        Cli run = lint(".");

        assertThat(run.out()).contains("big.json:1:1: error parse-error file is 50 MiB, larger than the 8 MiB")
                .contains("in 1 connector (2 files)");
    }

    @Test
    void should_leave_a_database_dump_over_the_size_limit_alone() throws IOException {
        Path dump = dir.resolve("dump.sql");
        try (var out = Files.newOutputStream(dump)) {
            byte[] chunk = ("INSERT INTO t VALUES (1, 'connector.class');" + " ".repeat(979) + "\n").getBytes();
            for (int i = 0; i < 10 * 1024; i++) {
                out.write(chunk);
            }
        }
        write("good.json", mysql(""));

        Cli run = lint(".");

        assertThat(run.out()).doesNotContain("dump.sql").contains("in 1 connector (1 file)");
    }

    @Test
    void should_refuse_a_binary_rules_file_in_plain_words() throws IOException {
        Files.write(dir.resolve("rules.json"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00});
        write("a.json", mysql(""));

        Cli run = lint("--rules", "rules.json", ".").expectExit(2);

        assertThat(run.err()).isEqualTo("dbzlint: rules.json: the rules file is not valid UTF-8 text; save it as UTF-8\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.x", "9.0", "3.6.x", "0.1", "latest"})
    void should_refuse_a_debezium_version_that_does_not_exist(String version) throws IOException {
        write("a.json", mysql(""));

        Cli run = lint("--debezium-version", version, ".").expectExit(2);

        assertThat(run.err()).startsWith("dbzlint: --debezium-version: ");
    }

    @Test
    void should_refuse_a_negative_max_warnings() throws IOException {
        write("a.json", mysql(""));

        assertThat(lint("--max-warnings", "-5", ".").expectExit(2).err()).contains("--max-warnings must be 0 or more");
    }

    @Test
    void should_name_the_input_of_an_internal_error_give_it_its_own_exit_code_and_lint_the_rest() throws Exception {
        LintSession session = LintSession.bundled(dir);
        Input broken = failing(new IllegalStateException("a bug"));
        Input exhausted = failing(new OutOfMemoryError("Java heap space"));
        Input good = Input.ofBytes(new InputId("good.json", "good.json", InputFormat.JSON), mysql("").getBytes());

        LintResult result = session.lint(List.of(broken, exhausted, good));

        assertThat(result.internalErrors()).extracting(failure -> failure.message()).containsExactly(
                "broken.json: internal error while linting this file: IllegalStateException: a bug",
                "broken.json: internal error while linting this file: OutOfMemoryError: Java heap space");
        assertThat(result.connectors()).isEqualTo(1);
        assertThat(ExitCode.INTERNAL.code()).isNotIn(ExitCode.OK.code(), ExitCode.FINDINGS.code(), ExitCode.USAGE.code());
    }

    private static Input failing(Throwable failure) {
        return new Input() {
            @Override
            public InputId id() {
                return new InputId("broken.json", "broken.json", InputFormat.JSON);
            }

            @Override
            public byte[] read() {
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                throw (Error) failure;
            }
        };
    }

    @Test
    void should_list_the_internal_error_exit_code_and_debug_in_help() {
        Cli help = Cli.run("lint", "--help");

        assertThat(help.out()).contains("--debug").contains("  3   internal error");
    }
}
