package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopting dbzlint in a repository with old findings: record them, then see only new ones. */
class BaselineTest {

    @TempDir
    Path repo;

    private Path inventory;

    @BeforeEach
    void writeRepositoryWithAnOldMistake() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        inventory = repo.resolve("inventory-mysql.json");
        Files.copy(Path.of("examples/mistakes/server-id-range/inventory-mysql.json"), inventory);
    }

    @Test
    void should_record_findings_and_then_report_none_of_them() throws IOException {
        Cli write = Cli.runIn(repo, "lint", "--write-baseline", ".dbzlint-baseline.json", ".").expectExit(0);
        Cli again = Cli.runIn(repo, "lint", "--baseline", ".dbzlint-baseline.json", ".").expectExit(0);

        String baseline = Files.readString(repo.resolve(".dbzlint-baseline.json"));
        assertThat(baseline).contains("\"rule\": \"server-id-range\"", "\"file\": \"inventory-mysql.json\"",
                "\"connector\": \"inventory-mysql\"", "\"key\": \"database.server.id\"").doesNotContain("\"line\"");
        assertThat(write.err()).isEqualTo("dbzlint: wrote 1 finding to .dbzlint-baseline.json\n");
        assertThat(again.out()).isEqualTo("0 errors, 0 warnings in 1 connector (1 file); 1 suppressed\n");
    }

    @Test
    void should_keep_hiding_an_old_finding_when_lines_move() throws IOException {
        Cli.runIn(repo, "lint", "--write-baseline", ".dbzlint-baseline.json", ".").expectExit(0);
        String text = Files.readString(inventory);
        Files.writeString(inventory, text.replace("\"tasks.max\": \"1\",",
                "\"tasks.max\": \"1\",\n    \"snapshot.mode\": \"initial\",\n    \"heartbeat.interval.ms\": \"10000\","));

        Cli run = Cli.runIn(repo, "lint", "--baseline", ".dbzlint-baseline.json", ".").expectExit(0);

        assertThat(run.out()).endsWith("1 suppressed\n");
    }

    @Test
    void should_report_a_new_finding_but_not_the_old_one() throws IOException {
        Cli.runIn(repo, "lint", "--write-baseline", ".dbzlint-baseline.json", ".").expectExit(0);
        Files.writeString(inventory, Files.readString(inventory).replace("\"3306\"", "\"33o6\""));

        Cli run = Cli.runIn(repo, "lint", "--color", "never", "--baseline", ".dbzlint-baseline.json", ".")
                .expectExit(1);

        assertThat(run.out()).contains("error config-schema database.port \"33o6\"")
                .doesNotContain("server-id-range").endsWith("1 error, 0 warnings in 1 connector (1 file); 1 suppressed\n");
    }

    @Test
    void should_show_a_second_copy_of_an_old_mistake() throws IOException {
        Cli.runIn(repo, "lint", "--write-baseline", ".dbzlint-baseline.json", ".").expectExit(0);
        String text = Files.readString(inventory);
        Files.writeString(inventory, "[" + text + "," + text.replace("\"inventory-mysql\"", "\"inventory-mysql\"") + "]");

        Cli run = Cli.runIn(repo, "lint", "--baseline", ".dbzlint-baseline.json", ".").expectExit(1);

        assertThat(run.out().lines().filter(line -> line.contains("error server-id-range"))).hasSize(1);
    }

    @Test
    void should_match_a_baseline_written_from_another_working_directory() throws IOException {
        Path connectors = Files.createDirectories(repo.resolve("connectors"));
        Files.move(inventory, connectors.resolve("inventory-mysql.json"));

        Cli.runIn(repo, "lint", "--write-baseline", ".dbzlint-baseline.json", "connectors").expectExit(0);
        Cli fromSubfolder = Cli.runIn(connectors, "lint", "--baseline", "../.dbzlint-baseline.json", ".")
                .expectExit(0);
        Cli byAbsolutePath = Cli.runIn(repo, "lint", "--format", "sarif", "--baseline", ".dbzlint-baseline.json",
                connectors.resolve("inventory-mysql.json").toString()).expectExit(0);

        assertThat(Files.readString(repo.resolve(".dbzlint-baseline.json")))
                .contains("\"file\": \"connectors/inventory-mysql.json\"");
        assertThat(fromSubfolder.out()).isEqualTo("0 errors, 0 warnings in 1 connector (1 file); 1 suppressed\n");
        assertThat(byAbsolutePath.out()).contains("\"results\": []");
    }

    @Test
    void should_give_a_finding_the_same_sarif_fingerprint_from_any_working_directory() throws IOException {
        Path connectors = Files.createDirectories(repo.resolve("connectors"));
        Files.move(inventory, connectors.resolve("inventory-mysql.json"));

        String fromRoot = Cli.runIn(repo, "lint", "--format", "sarif", "connectors").out();
        String fromSubfolder = Cli.runIn(connectors, "lint", "--format", "sarif", ".").out();

        assertThat(fingerprints(fromSubfolder)).isEqualTo(fingerprints(fromRoot)).hasSize(1);
        assertThat(fromSubfolder).contains("\"uri\": \"connectors/inventory-mysql.json\"");
    }

    private static List<String> fingerprints(String sarif) {
        return Pattern.compile("\"dbzlint/finding/v1\": \"(\\w+)\"").matcher(sarif).results()
                .map(match -> match.group(1)).toList();
    }

    @Test
    void should_exit_2_for_a_broken_baseline() throws IOException {
        Files.writeString(repo.resolve(".dbzlint-baseline.json"), "{\n  \"findings\": []\n}\n");

        Cli broken = Cli.runIn(repo, "lint", "--baseline", ".dbzlint-baseline.json", ".").expectExit(2);

        assertThat(broken.err()).contains(".dbzlint-baseline.json:1:1: / ").contains("dbzlintBaseline");
    }

    /** The CI example's first run, before anyone wrote the baseline: lint as without one, and say how to write it. */
    @Test
    void should_warn_with_the_command_that_writes_a_baseline_that_does_not_exist_yet() throws IOException {
        Cli first = Cli.runIn(repo, "lint", "--color", "never", "--baseline", ".dbzlint-baseline.json", "--fix",
                ".").expectExit(1);

        assertThat(first.err()).isEqualTo("dbzlint: warning: baseline .dbzlint-baseline.json does not exist yet, so"
                + " every finding is reported; create it with: dbzlint lint --color never --write-baseline"
                + " .dbzlint-baseline.json .\n");
        assertThat(first.out()).contains("error server-id-range").endsWith("1 error, 0 warnings in 1 connector (1 file)\n");
        assertThat(repo.resolve(".dbzlint-baseline.json")).doesNotExist();

        // the command it names, as a shell would run it, writes the baseline the next run reads
        Cli.runIn(repo, "lint", "--color", "never", "--write-baseline", ".dbzlint-baseline.json", ".").expectExit(0);
        Cli next = Cli.runIn(repo, "lint", "--baseline", ".dbzlint-baseline.json", ".").expectExit(0);
        assertThat(next.err()).isEmpty();
        assertThat(next.out()).endsWith("1 suppressed\n");
    }

    @Test
    void should_quote_what_a_shell_would_split_in_the_command_it_names() {
        Cli run = Cli.runIn(repo, "lint", "--baseline=my baseline.json", ".").expectExit(1);

        assertThat(run.err()).endsWith("create it with: dbzlint lint '--write-baseline=my baseline.json' .\n");
        assertThat(LintCommand.shellWord("it's")).isEqualTo("'it'\\''s'");
    }

    /** The Baselines section of docs/configuration.md shows the warning of the CI example's first run as it is printed. */
    @Test
    void should_show_the_missing_baseline_warning_the_docs_document() throws IOException {
        Path connectors = Files.createDirectories(repo.resolve("connectors"));
        Files.move(inventory, connectors.resolve("inventory-mysql.json"));

        Cli run = Cli.runIn(repo, "lint", "--baseline", ".dbzlint-baseline.json", "connectors").expectExit(1);

        assertThat(Files.readString(Path.of("docs/configuration.md"))).contains(run.err().strip());
    }
}
