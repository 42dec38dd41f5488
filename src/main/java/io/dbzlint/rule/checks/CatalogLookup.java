package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.Catalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which Debezium property a config key is: the connector's own, the schema history's, or an SMT's. */
final class CatalogLookup {

    private CatalogLookup() {
    }

    /** The property a key names, if the catalog knows it. */
    static Optional<Catalog.Property> property(Connector connector, String key) {
        Catalog catalog = Catalog.get();
        Catalog.Property property = catalog.properties(connector.type()).get(key);
        if (property == null && connector.type() == ConnectorType.MYSQL) {
            property = catalog.schemaHistory().get(key);
        }
        if (property == null && key.startsWith("transforms.")) {
            for (Map.Entry<String, String> transform : transforms(connector).entrySet()) {
                String prefix = "transforms." + transform.getKey() + ".";
                if (key.startsWith(prefix)) {
                    property = catalog.transform(transform.getValue())
                            .map(properties -> properties.get(key.substring(prefix.length())))
                            .orElse(null);
                }
            }
        }
        return Optional.ofNullable(property);
    }

    /** The transforms the connector lists in {@code transforms}, by name, with their classes. */
    static Map<String, String> transforms(Connector connector) {
        Map<String, String> transforms = new LinkedHashMap<>();
        connector.value(Keys.TRANSFORMS).ifPresent(list -> {
            for (String raw : list.split(",")) {
                String name = raw.trim();
                if (!name.isEmpty()) {
                    transforms.put(name, connector.value("transforms." + name + ".type").map(String::trim).orElse(""));
                }
            }
        });
        return transforms;
    }
}
