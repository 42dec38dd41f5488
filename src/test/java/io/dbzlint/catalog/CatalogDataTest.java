package io.dbzlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.debezium.Catalog.Property;
import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.json.JsonNodes;
import io.dbzlint.json.JsonTree;
import io.dbzlint.model.ConnectorType;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The catalog a lint reads is compiled at build time (src/build/BundledData.java) from the
 * committed JSON; read here from the JSON itself, every property must come out the same, in order.
 */
class CatalogDataTest {

    private static final JsonNode JSON = read();

    private static JsonNode read() {
        try {
            return JsonTree.read(CatalogGenerator.FILE.toString(), Files.readString(CatalogGenerator.FILE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_hold_each_connectors_properties_as_the_json_has_them() {
        assertThat(Catalog.DEBEZIUM_VERSION).isEqualTo(JSON.path("debeziumVersion").asString())
                .isEqualTo(CatalogGenerator.DEBEZIUM_VERSION);
        for (ConnectorType type : List.of(ConnectorType.MYSQL, ConnectorType.MARIADB, ConnectorType.POSTGRESQL)) {
            Map<String, Property> expected = properties(JSON.path("connectors").path(type.id()));
            assertThat(expected).as(type.id()).hasSizeGreaterThan(100);
            assertThat(List.copyOf(Debezium.bundled().catalog().properties(type).values())).as(type.id())
                    .containsExactlyElementsOf(expected.values());
        }
    }

    @Test
    void should_hold_every_schema_history_and_transform_property_as_the_json_has_them() {
        Map<String, Property> history = new LinkedHashMap<>();
        JSON.path("schemaHistory").properties().forEach(implementation -> history.putAll(properties(implementation.getValue())));
        assertThat(List.copyOf(Debezium.bundled().catalog().schemaHistory().values())).containsExactlyElementsOf(history.values());

        assertThat(JSON.path("transforms").propertyNames()).isNotEmpty();
        for (String transform : JSON.path("transforms").propertyNames()) {
            assertThat(Debezium.bundled().catalog().transform(transform)).as(transform).hasValueSatisfying(properties ->
                    assertThat(List.copyOf(properties.values()))
                            .containsExactlyElementsOf(properties(JSON.path("transforms").path(transform)).values()));
        }
    }

    /** How the catalog read its JSON before it was compiled: pattern keys (with "(") left out. */
    private static Map<String, Property> properties(JsonNode array) {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (JsonNode node : array) {
            String name = node.path("name").asString();
            if (!name.contains("(")) {
                properties.put(name, new Property(name, node.path("type").asString(),
                        JsonNodes.textOrNull(node.get("default")), node.path("required").asBoolean(),
                        JsonNodes.strings(node.path("allowed")), JsonNodes.strings(node.path("aliases")),
                        node.path("regexList").asBoolean(false), node.path("description").asString("")));
            }
        }
        return properties;
    }
}
