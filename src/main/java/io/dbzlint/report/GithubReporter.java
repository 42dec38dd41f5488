package io.dbzlint.report;

import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.io.PrintWriter;

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line, in
 * the pull request's diff. See "Workflow commands for GitHub Actions" for the escaping rules.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void report(LintResult result, PrintWriter out) {
        for (Finding finding : result.findings()) {
            String command = switch (finding.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            SafePrintWriter.command(out, "::" + command
                    + " file=" + property(finding.location().file())
                    + ",line=" + finding.location().line()
                    + ",col=" + finding.location().column()
                    + ",title=" + property(finding.ruleId())
                    + "::" + data(finding.message()));
        }
        out.flush();
    }

    /** The message part: %, CR and LF are escaped. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as data, and also : and , which separate properties. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
