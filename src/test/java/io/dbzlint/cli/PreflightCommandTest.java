package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.TestFiles;
import io.dbzlint.preflight.PreflightChecks;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.RuleInfo;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.rule.checks.RuleRegistry;
import io.dbzlint.ruleset.RuleSetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbzlint preflight} without a database: its options refused in one line, what it does when
 * there is nothing to check, and its checks' metadata, which --help, explain and docs/preflight.md show.
 */
class PreflightCommandTest {

    @TempDir
    Path project;

    @Test
    void should_refuse_bad_options_in_one_line() {
        assertThat(Cli.runIn(project, "preflight", "--max-downtime", "soon").expectExit(2).err())
                .contains("--max-downtime: expected a number and s, m, h or d (e.g. 36h, 7d), but was 'soon'");
        assertThat(Cli.runIn(project, "preflight", "--max-retained-wal", "lots").expectExit(2).err())
                .contains("--max-retained-wal: expected a size such as 512MB or 2GB, but was 'lots'");
        assertThat(Cli.runIn(project, "preflight", "--host-map", "postgres=").expectExit(2).err())
                .contains("--host-map: expected NAME=HOST or NAME=HOST:PORT, but postgres maps to ''");
        assertThat(Cli.runIn(project, "preflight", "--timeout", "0").expectExit(2).err())
                .contains("--timeout: at least 1 second");
    }

    @Test
    void should_say_when_nothing_could_be_checked() throws IOException {
        assertThat(Cli.runIn(project, "preflight").expectExit(2).err())
                .endsWith("dbzlint: no database was checked: no PostgreSQL, MySQL or MariaDB connector found\n");

        TestFiles.write(project, "docs.json", """
                {"name": "inventory", "config": {"connector.class": "io.debezium.connector.mysql.MySqlConnector",
                 "database.hostname": "<your-host>", "database.user": "debezium", "topic.prefix": "mysql_prod"}}
                """);
        Cli placeholder = Cli.runIn(project, "preflight").expectExit(2);
        assertThat(placeholder.err().lines()).containsExactly(
                "dbzlint: connector \"inventory\" (docs.json:1): skipped: database.hostname is a placeholder for a"
                        + " reader to fill in",
                "dbzlint: no database was checked");
    }

    @Test
    void should_list_every_check_in_help_and_explain_each() {
        String help = Cli.run("preflight", "--help").expectExit(0).out();

        for (RuleSet.Entry check : PreflightChecks.all()) {
            RuleInfo info = check.info();
            assertThat(help).containsPattern("(?m)^  " + info.id() + " +" + info.severityLabel() + " +\\S");
            assertThat(Cli.run("explain", info.id()).expectExit(0).out().replaceAll("\\s+", " "))
                    .contains(info.summary(), info.fix());
        }
    }

    @Test
    void should_document_exactly_the_generated_check_table_in_the_docs() throws IOException {
        String start = "<!-- preflight:start (generated from rules/preflight.json; PreflightCommandTest checks it) -->\n";
        String end = "<!-- preflight:end -->";
        String table = RuleDocs.markdownTable(PreflightChecks.ruleSet(RuleSetLoader.bundled().parameters()))
                .replaceFirst("^\\| Rule \\|", "| Check |");
        Path readme = Path.of("docs/preflight.md");
        if (Boolean.getBoolean("golden.update")) {
            String text = Files.readString(readme);
            Files.writeString(readme, text.substring(0, text.indexOf(start) + start.length()) + table
                    + text.substring(text.indexOf(end)));
        }
        String text = Files.readString(readme);
        assertThat(text).contains(start, end);
        assertThat(text.substring(text.indexOf(start) + start.length(), text.indexOf(end)))
                .as("docs/preflight.md check table; mvn test -Dgolden.update=true regenerates it").isEqualTo(table);
    }

    @Test
    void should_give_every_check_its_texts_an_id_of_its_own_and_a_use_in_the_code() throws IOException {
        String code;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/dbzlint/preflight"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
            code = all.toString();
        }
        List<String> ids = PreflightChecks.all().stream().map(entry -> entry.info().id()).toList();
        for (RuleSet.Entry check : PreflightChecks.all()) {
            RuleInfo info = check.info();
            assertThat(info.id()).matches("[a-z]+(-[a-z]+)*").isNotIn(RuleRegistry.ids());
            assertThat(List.of(info.summary(), info.rationale(), info.fix())).as(info.id())
                    .allSatisfy(text -> assertThat(text).isNotBlank().endsWith("."));
            assertThat(info.bad()).as(info.id()).isNotBlank().isNotEqualTo(info.good());
            assertThat(code).as("%s is reported somewhere", info.id()).contains("\"" + info.id() + "\"");
        }
        Matcher used = Pattern.compile("report\\.add(?:Lesser|At)?\\(\"([a-z-]+)\"").matcher(code);
        while (used.find()) {
            assertThat(ids).as("a check the code reports").contains(used.group(1));
        }
    }
}
