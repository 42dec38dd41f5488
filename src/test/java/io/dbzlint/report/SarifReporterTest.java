package io.dbzlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dbzlint.Cli;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.checks.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SarifReporterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static Schema sarifSchema;

    /** The official OASIS SARIF 2.1.0 schema, kept as a test resource. */
    @BeforeAll
    static void loadOfficialSchema() throws IOException {
        try (InputStream in = SarifReporterTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(MAPPER.readTree(in));
        }
    }

    static Stream<String> folders() throws IOException {
        return ExamplesGoldenTest.folders();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void should_validate_against_the_official_sarif_schema(String folder) {
        JsonNode sarif = MAPPER.readTree(Cli.run("lint", "--format", "sarif", folder).out());

        List<Error> errors = sarifSchema.validate(sarif);

        assertThat(errors).isEmpty();
    }

    @Test
    void should_catch_an_invalid_document_so_the_schema_test_can_fail() {
        JsonNode broken = MAPPER.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}");

        assertThat(sarifSchema.validate(broken)).isNotEmpty();
    }

    @Test
    void should_describe_every_rule_and_point_results_at_them() {
        JsonNode run = MAPPER.readTree(Cli.run("lint", "--format", "sarif", "examples/mistakes/slot-name-unique").out())
                .get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode result = run.get("results").get(0);

        assertThat(rules.size()).isEqualTo(RuleRegistry.all().size());
        assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString()).isEqualTo("slot-name-unique");
        assertThat(rules.get(0).get("help").get("markdown").asString()).contains("**Why it matters.**");
        assertThat(run.get("tool").get("driver").get("informationUri").asString()).isEqualTo(RuleDocs.HOME);
        JsonNode slotNameUnique = rules.get(result.get("ruleIndex").asInt());
        assertThat(slotNameUnique.get("helpUri").asString())
                .isEqualTo(RuleDocs.HOME + "/blob/main/docs/rules.md#slot-name-unique");
        assertThat(slotNameUnique.get("name").asString()).isEqualTo("SlotNameUnique");
        for (JsonNode rule : rules) {
            assertThat(rule.get("name").asString()).as("name of %s", rule.get("id").asString())
                    .isNotEqualToIgnoringCase(rule.get("id").asString());
            assertThat(rule.get("helpUri").asString()).startsWith(RuleDocs.HOME + "/");
        }
        assertThat(result.get("level").asString()).isEqualTo("error");
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asString())
                .isEqualTo("examples/mistakes/slot-name-unique/orders-postgres-audit.json");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(3);
        assertThat(result.get("relatedLocations").get(0).get("physicalLocation").get("artifactLocation")
                .get("uri").asString()).isEqualTo("examples/mistakes/slot-name-unique/orders-postgres.json");
        assertThat(result.get("partialFingerprints").get("dbzlint/finding/v1").asString()).hasSize(32);
    }

    @Test
    void should_keep_fingerprints_when_lines_move_and_change_them_when_the_key_changes() {
        InputId file = new InputId("a.json", "a.json", InputFormat.JSON);
        Finding finding = new Finding("server-id-range", Severity.ERROR, Location.at(file, 3, 5),
                "c", "database.server.id", "m", List.of());
        Finding moved = new Finding("server-id-range", Severity.ERROR, Location.at(file, 9, 1),
                "c", "database.server.id", "other text", List.of());
        Finding otherKey = new Finding("server-id-range", Severity.ERROR, Location.at(file, 3, 5),
                "c", "database.port", "m", List.of());
        Finding sameFileNamedFromElsewhere = new Finding("server-id-range", Severity.ERROR,
                Location.at(new InputId("../a.json", "a.json", InputFormat.JSON), 3, 5), "c", "database.server.id",
                "m", List.of());

        assertThat(SarifReporter.fingerprint(moved)).isEqualTo(SarifReporter.fingerprint(finding));
        assertThat(SarifReporter.fingerprint(otherKey)).isNotEqualTo(SarifReporter.fingerprint(finding));
        assertThat(SarifReporter.fingerprint(sameFileNamedFromElsewhere)).isEqualTo(SarifReporter.fingerprint(finding));
    }

    @Test
    void should_write_uris_relative_to_the_project_root_and_others_as_file_uris() {
        assertThat(SarifReporter.uri(new InputId("my orders.json", "connectors/my orders.json", InputFormat.JSON)))
                .isEqualTo("connectors/my%20orders.json");
        assertThat(SarifReporter.uri(new InputId("/repo/connectors/a.json", "connectors/a.json", InputFormat.JSON)))
                .isEqualTo("connectors/a.json");
        assertThat(SarifReporter.uri(new InputId("/elsewhere/a.json", null, InputFormat.JSON)))
                .isEqualTo("file:///elsewhere/a.json");
    }

    @Test
    void should_give_every_region_its_end() {
        JsonNode run = MAPPER.readTree(Cli.run("lint", "--format", "sarif", "examples/mistakes/server-id-unique").out())
                .get("runs").get(0);
        JsonNode region = run.get("results").get(0).get("locations").get(0).get("physicalLocation").get("region");

        // "database.server.id": "184054": the value with its quotes
        assertThat(region.get("startLine").asInt()).isEqualTo(region.get("endLine").asInt());
        assertThat(region.get("endColumn").asInt() - region.get("startColumn").asInt()).isEqualTo("\"184054\"".length());
    }
}
