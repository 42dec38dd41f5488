package io.dbzlint.report;

import io.dbzlint.model.InputId;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML, as Jenkins and GitLab read it: one test suite per linted file, one failing test case
 * per finding, and one passing test case for a file without findings.
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
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"dbzlint\" tests=\"").append(tests)
                .append("\" failures=\"").append(result.findings().size()).append("\" errors=\"0\">\n");
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            String name = escape(file.getKey());
            List<Finding> findings = file.getValue();
            xml.append("  <testsuite name=\"").append(name).append("\" tests=\"").append(Math.max(1, findings.size()))
                    .append("\" failures=\"").append(findings.size()).append("\" errors=\"0\" skipped=\"0\">\n");
            if (findings.isEmpty()) {
                xml.append("    <testcase classname=\"").append(name).append("\" name=\"dbzlint\" file=\"")
                        .append(name).append("\"/>\n");
            }
            for (Finding finding : findings) {
                String caseName = finding.ruleId() + " at " + finding.location().line() + ":"
                        + finding.location().column() + (finding.connector() == null ? "" : " (" + finding.connector() + ")");
                xml.append("    <testcase classname=\"").append(name).append("\" name=\"").append(escape(caseName))
                        .append("\" file=\"").append(name).append("\">\n");
                xml.append("      <failure type=\"").append(finding.severity().label()).append("\" message=\"")
                        .append(escape(finding.message())).append("\">")
                        .append(escape(finding.location() + ": " + finding.severity().label() + " "
                                + finding.ruleId() + " " + finding.message()))
                        .append("</failure>\n");
                xml.append("    </testcase>\n");
            }
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        out.print(xml);
        out.flush();
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
