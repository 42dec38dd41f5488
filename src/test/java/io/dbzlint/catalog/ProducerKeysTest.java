package io.dbzlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.model.ConnectorType;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The producer keys producer-key-at-top-level reports are Kafka's own producer settings, and none
 * is a key a Debezium connector reads itself (that would turn a real setting into a false warning).
 */
class ProducerKeysTest {

    @Test
    void should_list_only_kafka_producer_settings_that_no_debezium_connector_reads() {
        JsonNode listed = io.dbzlint.json.Bundled.json("/rules/catalog/kafka-connect.json").path("producerKeys");
        assertThat(listed.size()).isGreaterThan(5);
        Catalog catalog = Debezium.bundled().catalog();
        for (JsonNode node : listed) {
            String key = node.asString();
            assertThat(ProducerConfig.configNames()).as("a Kafka producer setting").contains(key);
            for (ConnectorType type : List.of(ConnectorType.MYSQL, ConnectorType.MARIADB, ConnectorType.POSTGRESQL)) {
                assertThat(catalog.properties(type)).as("%s is read by the %s connector", key, type).doesNotContainKey(key);
            }
            assertThat(catalog.isFrameworkKey(key)).as("%s is a Kafka Connect connector key", key).isFalse();
            assertThat(catalog.isProducerKey(key)).isTrue();
        }
    }
}
