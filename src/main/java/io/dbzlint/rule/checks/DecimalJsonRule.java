package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Optional;

/**
 * decimal.handling.mode=precise, set on purpose, with the connector's value converter Kafka's
 * JsonConverter: Connect's Decimal type then reaches consumers as a base64 string of the unscaled
 * bytes, unless the converter's decimal.format is NUMERIC.
 */
public final class DecimalJsonRule implements ConnectorRule {

    private static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    @Override
    public String id() {
        return "decimal-precise-json";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        Optional<ConfigEntry> mode = connector.entry("decimal.handling.mode").filter(ConfigEntry::isLiteral)
                .filter(entry -> entry.text().trim().equalsIgnoreCase("precise"));
        boolean json = connector.literal("value.converter").map(String::trim)
                .filter(converter -> converter.equals(JSON_CONVERTER) || converter.equals("JsonConverter")).isPresent();
        boolean numeric = connector.value("value.converter.decimal.format")
                .filter(format -> !format.trim().equalsIgnoreCase("BASE64")).isPresent();
        if (mode.isPresent() && json && !numeric) {
            sink.report(connector, "decimal.handling.mode", mode.get().valueLocation(), "decimal.handling.mode=precise"
                    + " with JsonConverter: decimal columns reach consumers as base64 strings of their unscaled bytes;"
                    + " set value.converter.decimal.format=NUMERIC, or decimal.handling.mode to string or double");
        }
    }
}
