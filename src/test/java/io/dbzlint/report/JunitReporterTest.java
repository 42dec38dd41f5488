package io.dbzlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void should_write_a_suite_per_file_a_failure_per_finding_and_a_pass_per_clean_file() throws Exception {
        Cli run = Cli.run("lint", "--format", "junit", "examples/mistakes/parse-error", "examples/capstone");

        Document xml = parse(run.out());

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element failure = (Element) failures.item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("error");
        assertThat(failure.getAttribute("message")).startsWith("invalid JSON");
        Element passing = (Element) ((Element) suites.item(0)).getElementsByTagName("testcase").item(0);
        assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("examples/capstone/inventory-mysql-outbox.json");
        assertThat(passing.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void should_escape_markup_and_characters_xml_cannot_hold() throws Exception {
        StringWriter out = new StringWriter();
        Finding finding = new Finding("config-schema", Severity.ERROR, Location.at(InputId.named("a&b<c>.json"), 1, 1), "c\"1",
                "k", "value \"<x>\" & 'y' \u0001 end", List.of());
        new JunitReporter().report(new LintResult(List.of(finding), List.of(InputId.named("a&b<c>.json")), 1, 0, List.of(), List.of(), List.of()),
                new PrintWriter(out));

        Document xml = parse(out.toString());

        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("value \"<x>\" & 'y' \uFFFD end");
        assertThat(((Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("name"))
                .isEqualTo("a&b<c>.json");
    }

    @Test
    void should_fail_only_on_errors_and_list_warnings_and_infos_as_skipped_with_their_message() throws Exception {
        InputId file = InputId.named("a.json");
        Finding error = new Finding("server-id-range", Severity.ERROR, Location.at(file, 3, 5), "c",
                "database.server.id", "out of range", List.of());
        Finding warning = new Finding("unknown-property", Severity.WARNING, Location.at(file, 4, 5), "c",
                "snapshot.mdoe", "unknown key", List.of());
        Finding info = new Finding("tasks-max-single", Severity.INFO, Location.at(file, 5, 5), "c", "tasks.max",
                "one task", List.of());
        StringWriter out = new StringWriter();
        new JunitReporter().report(new LintResult(List.of(error, warning, info), List.of(file), 1, 0, List.of(),
                List.of(), List.of()), new PrintWriter(out));

        Document xml = parse(out.toString());

        Element root = xml.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isEqualTo(1);
        Element skippedWarning = (Element) ((Element) cases.item(1)).getElementsByTagName("skipped").item(0);
        assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(skippedWarning.getAttribute("message")).isEqualTo("warning: unknown key");
        assertThat(skippedWarning.getTextContent()).isEqualTo("a.json:4:5: warning unknown-property unknown key");
        assertThat(((Element) cases.item(2)).getElementsByTagName("skipped").item(0).getAttributes()
                .getNamedItem("message").getNodeValue()).isEqualTo("info: one task");
    }

    @Test
    void should_pass_a_lint_with_warnings_only() throws Exception {
        Cli run = Cli.run("lint", "--format", "junit", "examples/mistakes/unknown-property").expectExit(0);

        Document xml = parse(run.out());

        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(xml.getElementsByTagName("skipped").getLength()).isPositive();
    }
}
