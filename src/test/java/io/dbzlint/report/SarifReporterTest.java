package io.dbzlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.dbzlint.Cli;
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

        assertThat(rules.size()).isEqualTo(io.dbzlint.rule.RuleRegistry.all().size());
        assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString()).isEqualTo("slot-name-unique");
        assertThat(rules.get(0).get("help").get("markdown").asString()).contains("**Why it matters.**");
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
        Finding finding = new Finding("server-id-range", Severity.ERROR, new io.dbzlint.model.Location("a.json", 3, 5),
                "c", "database.server.id", "m", List.of());
        Finding moved = new Finding("server-id-range", Severity.ERROR, new io.dbzlint.model.Location("a.json", 9, 1),
                "c", "database.server.id", "other text", List.of());
        Finding otherKey = new Finding("server-id-range", Severity.ERROR, new io.dbzlint.model.Location("a.json", 3, 5),
                "c", "database.port", "m", List.of());

        assertThat(SarifReporter.fingerprint(moved)).isEqualTo(SarifReporter.fingerprint(finding));
        assertThat(SarifReporter.fingerprint(otherKey)).isNotEqualTo(SarifReporter.fingerprint(finding));
    }

    @Test
    void should_write_uris_relative_to_the_working_directory_and_others_as_file_uris() {
        java.nio.file.Path cwd = java.nio.file.Path.of("/repo");

        assertThat(SarifReporter.uri("connectors/my orders.json", cwd)).isEqualTo("connectors/my%20orders.json");
        assertThat(SarifReporter.uri("/repo/connectors/a.json", cwd)).isEqualTo("connectors/a.json");
        assertThat(SarifReporter.uri("/elsewhere/a.json", cwd)).isEqualTo("file:///elsewhere/a.json");
    }
}
