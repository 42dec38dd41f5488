package io.dbzlint.report;

import io.dbzlint.model.InputId;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML, as Jenkins and GitLab read it: one test suite per linted file, one test case per
 * finding, and one passing test case for a file without findings. Only an error is a failure: a
 * warning or an info is a skipped test case carrying its message, so the report fails where the
 * exit code does (by default) while CI still lists and counts what it did not fail on; a passing
 * case's output is hidden behind a click in Jenkins and GitLab alike.
 */
public final class JunitReporter implements Reporter {

    @Override
    public void report(LintResult result, PrintWriter out) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        result.inputs().stream().map(InputId::displayPath).sorted().forEach(path -> byFile.put(path, new ArrayList<>()));
        for (Finding finding : result.findings()) {
            byFile.computeIfAbsent(finding.location().file(), f -> new ArrayList<>()).add(finding);
        }
        int tests = byFile.values().stream().mapToInt(f -> Math.max(1, f.size())).sum();
        long failures = result.count(Severity.ERROR);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"dbzlint\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
                .append(result.findings().size() - failures).append("\">\n");
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            String name = escape(file.getKey());
            List<Finding> findings = file.getValue();
            long fileFailures = findings.stream().filter(JunitReporter::fails).count();
            xml.append("  <testsuite name=\"").append(name).append("\" tests=\"").append(Math.max(1, findings.size()))
                    .append("\" failures=\"").append(fileFailures).append("\" errors=\"0\" skipped=\"")
                    .append(findings.size() - fileFailures).append("\">\n");
            if (findings.isEmpty()) {
                xml.append("    <testcase classname=\"").append(name).append("\" name=\"dbzlint\" file=\"")
                        .append(name).append("\"/>\n");
            }
            for (Finding finding : findings) {
                String caseName = finding.ruleId() + " at " + finding.location().line() + ":"
                        + finding.location().column() + (finding.connector() == null ? "" : " (" + finding.connector() + ")");
                String text = escape(finding.location() + ": " + finding.severity().label() + " "
                        + finding.ruleId() + " " + finding.message());
                xml.append("    <testcase classname=\"").append(name).append("\" name=\"").append(escape(caseName))
                        .append("\" file=\"").append(name).append("\">\n");
                if (fails(finding)) {
                    xml.append("      <failure type=\"").append(finding.severity().label()).append("\" message=\"")
                            .append(escape(finding.message())).append("\">").append(text).append("</failure>\n");
                } else {
                    xml.append("      <skipped message=\"").append(escape(finding.severity().label() + ": "
                            + finding.message())).append("\">").append(text).append("</skipped>\n");
                }
                xml.append("    </testcase>\n");
            }
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        out.print(xml);
        out.flush();
    }

    private static boolean fails(Finding finding) {
        return finding.severity() == Severity.ERROR;
    }

    /** XML text and attribute escaping; characters XML 1.0 cannot hold become U+FFFD. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                case '\t' -> escaped.append("&#9;");
                default -> escaped.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return escaped.toString();
    }
}
