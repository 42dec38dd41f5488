package io.dbzlint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.engine.LintSession;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Fix;
import io.dbzlint.result.LintResult;
import io.dbzlint.rule.checks.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per fixture folder {@code fixtures/<rule-id>/<case>/}: the JSON files in it are linted
 * together, and the positions of that rule's findings must equal {@code expected.txt}
 * ({@code file:line:col}, one a line; {@code #} starts a comment). A line may pin the message too:
 * {@code file:line:col ~ words the message contains}, and its fix after {@code =>}: its safety and
 * description ({@code => unsafe: rename to snapshot.mode}), or {@code => none}. A case may hold
 * debezium-version.txt with the target version. A new case needs files, not code.
 */
class RuleFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> paths = Files.walk(FIXTURES, 2)) {
            return paths.filter(p -> FIXTURES.relativize(p).getNameCount() == 2).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_report_exactly_the_expected_positions(Path caseDir) throws Exception {
        String ruleId = caseDir.getParent().getFileName().toString();
        assertThat(RuleRegistry.ids()).as("fixture folder names a rule").contains(ruleId);

        // a case may name the Debezium version its configs are for, in debezium-version.txt
        Path versionFile = caseDir.resolve("debezium-version.txt");
        String version = Files.exists(versionFile) ? Files.readString(versionFile).strip() : null;
        LintSession session = LintSession.open(new LintSession.Options(Path.of("").toAbsolutePath(), null, true, null,
                version, null, null, false, null));
        LintResult result = session.lint(session.find(session.sources(List.of(caseDir.toString()),
                InputStream.nullInputStream(), null)).inputs());

        List<Finding> findings = result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        List<String> actual = findings.stream()
                .map(f -> caseDir.relativize(Path.of(f.location().file())) + ":" + f.location().line() + ":"
                        + f.location().column())
                .toList();
        List<String> expectedLines = Files.readAllLines(caseDir.resolve("expected.txt")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        List<String> expected = expectedLines.stream()
                .map(line -> line.split(" => ", 2)[0].split(" ~ ", 2)[0].strip()).toList();
        assertThat(actual)
                .as("findings of %s in %s; all findings:%n%s", ruleId, caseDir, describe(result.findings()))
                .containsExactlyElementsOf(expected);
        for (int i = 0; i < expectedLines.size(); i++) {
            String[] withFix = expectedLines.get(i).split(" => ", 2);
            String[] parts = withFix[0].split(" ~ ", 2);
            if (parts.length == 2) {
                assertThat(findings.get(i).message()).as("message at %s", parts[0]).contains(parts[1].strip());
            }
            if (withFix.length == 2) {
                Fix fix = findings.get(i).fix();
                assertThat(fix == null ? "none" : fix.safety().label() + ": " + fix.description())
                        .as("fix at %s", parts[0]).isEqualTo(withFix[1].strip());
            }
        }
        assertEveryLoneDidYouMeanIsAFix(result);
    }

    /**
     * A did-you-mean that names one key or value is offered as a fix (unsafe, or safe when it is
     * certain), so an editor shows it as a quick fix; one naming several (a tie) is for a human.
     */
    private static void assertEveryLoneDidYouMeanIsAFix(LintResult result) throws IOException {
        for (Finding finding : result.findings()) {
            Matcher offered = DID_YOU_MEAN.matcher(finding.message());
            if (!offered.find()) {
                continue;
            }
            String suggestion = offered.group(1);
            if (suggestion.contains(" or ")) {
                assertThat(finding.fix()).as("a tie: %s", finding.message()).isNull();
            } else if (finding.fix() == null) {
                // no rename into a key that is set too (a duplicate key), nor of a key written with escapes
                String text = Files.readString(Path.of(finding.location().file()));
                assertThat(escaped(text, finding) || text.contains(suggestion))
                        .as("no fix for %s, yet its suggestion is not set", finding.message()).isTrue();
            } else {
                assertThat(finding.fix().replacement()).as("the fix of: %s", finding.message()).isEqualTo(suggestion);
            }
        }
    }

    /** Whether an unknown key is written otherwise than as itself (with escapes), within its quotes if any. */
    private static boolean escaped(String text, Finding finding) {
        String line = text.split("\\R", -1)[finding.location().line() - 1];
        String written = line.substring(finding.location().column() - 1,
                finding.location().line() == finding.location().endLine() ? finding.location().endColumn() - 1
                        : line.length());
        return finding.ruleId().equals("unknown-property") && !written.replaceAll("^[\"']|[\"']$", "")
                .equals(finding.key());
    }

    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean (.+)\\?");

    private static String describe(List<Finding> findings) {
        return String.join("\n", findings.stream().map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }
}
