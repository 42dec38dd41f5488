package io.dbzlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

    private static String report(Finding... findings) {
        StringWriter out = new StringWriter();
        new GithubReporter().report(new LintResult(List.of(findings), List.of(InputId.named("x")), 1, 0, List.of(), List.of(), List.of()),
                new PrintWriter(out));
        return out.toString();
    }

    @Test
    void should_write_one_workflow_command_per_finding_by_severity() {
        String out = report(
                new Finding("server-id-range", Severity.ERROR, Location.at(InputId.named("a.json"), 3, 7), "c", "k", "bad id", List.of()),
                new Finding("server-name-pattern", Severity.WARNING, Location.at(InputId.named("a.json"), 4, 1), "c", "k", "name", List.of()),
                new Finding("server-name-pattern", Severity.INFO, Location.at(InputId.named("b.json"), 1, 1), "c", "k", "note", List.of()));

        assertThat(out).isEqualTo("""
                ::error file=a.json,line=3,col=7,title=server-id-range::bad id
                ::warning file=a.json,line=4,col=1,title=server-name-pattern::name
                ::notice file=b.json,line=1,col=1,title=server-name-pattern::note
                """);
    }

    @Test
    void should_escape_what_github_requires_in_messages_and_properties() {
        String out = report(new Finding("config-schema", Severity.ERROR, Location.at(InputId.named("dir,x/a:b.json"), 1, 1),
                "c", "k", "100% wrong\r\nsecond line: a, b", List.of()));

        assertThat(out).isEqualTo("::error file=dir%2Cx/a%3Ab.json,line=1,col=1,title=config-schema"
                + "::100%25 wrong%0D%0Asecond line: a, b\n");
    }
}
