package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Map;
import java.util.Optional;

/**
 * A schema-registry converter set on a connector without its registry URL. A converter named in a
 * connector config is configured from that config's own key.converter.* / value.converter.* keys,
 * not from the worker's, so the URL must be there too: without it the task fails to start.
 */
public final class ConverterRegistryRule implements ConnectorRule {

    /** Converter class to the key, under the converter's prefix, that holds its registry URL. */
    private static final Map<String, String> URL_KEYS = Map.of(
            "io.confluent.connect.avro.AvroConverter", "schema.registry.url",
            "io.confluent.connect.protobuf.ProtobufConverter", "schema.registry.url",
            "io.confluent.connect.json.JsonSchemaConverter", "schema.registry.url",
            "io.apicurio.registry.utils.converter.AvroConverter", "apicurio.registry.url",
            "io.apicurio.registry.utils.converter.ExtJsonConverter", "apicurio.registry.url",
            "io.apicurio.registry.utils.converter.ProtobufConverter", "apicurio.registry.url");

    @Override
    public String id() {
        return "converter-registry-url";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.runsOnDebeziumEngine()) {
            return; // Debezium Server names its format differently (debezium.format.*)
        }
        for (String converter : new String[] {"key.converter", "value.converter"}) {
            Optional<ConfigEntry> entry = connector.entry(converter).filter(ConfigEntry::isLiteral);
            if (entry.isEmpty()) {
                continue;
            }
            String urlKey = URL_KEYS.get(entry.get().text().trim());
            if (urlKey == null) {
                continue;
            }
            String key = converter + "." + urlKey;
            if (connector.entry(key).isEmpty()) {
                sink.report(connector, converter, entry.get().valueLocation(), converter + " "
                        + entry.get().text().trim() + " has no " + key + ": a converter set on a connector reads its"
                        + " settings from the connector's own " + converter + ".* keys, not the worker's, so the task"
                        + " fails to start; add " + key);
            }
        }
    }
}
