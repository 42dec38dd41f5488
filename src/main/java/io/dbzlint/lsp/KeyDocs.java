package io.dbzlint.lsp;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.EditorSchema;
import io.dbzlint.model.ConnectorType;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Position;

/** The hover of a config key: its catalog description, type, default and allowed values. */
final class KeyDocs {

    private static final String SERVER_PREFIX = "debezium.source.";

    private KeyDocs() {
    }

    static Optional<String> at(String text, Position position) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (position.getLine() >= lines.length) {
            return Optional.empty();
        }
        String line = lines[position.getLine()];
        int at = Math.min(position.getCharacter(), line.length());
        int start = at;
        while (start > 0 && isKeyChar(line.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < line.length() && isKeyChar(line.charAt(end))) {
            end++;
        }
        if (start == end) {
            return Optional.empty();
        }
        String key = line.substring(start, end);
        if (key.startsWith(SERVER_PREFIX)) {
            key = key.substring(SERVER_PREFIX.length());
        }
        Catalog catalog = Debezium.bundled().catalog();
        for (ConnectorType type : typesFor(text)) {
            Catalog.Property property = catalog.properties(type).get(key);
            if (property == null && type.isMySqlFamily()) {
                property = catalog.schemaHistory().get(key);
            }
            if (property != null) {
                return Optional.of(markdown(property, type));
            }
        }
        return Optional.empty();
    }

    /** The document's connector type first, when its class is named in it; then the others. */
    static List<ConnectorType> typesFor(String text) {
        for (ConnectorType type : List.of(ConnectorType.MYSQL, ConnectorType.MARIADB, ConnectorType.POSTGRESQL)) {
            String simpleName = type.connectorClass().substring(type.connectorClass().lastIndexOf('.') + 1);
            if (text.contains(simpleName)) {
                return List.of(type);
            }
        }
        return List.of(ConnectorType.POSTGRESQL, ConnectorType.MYSQL, ConnectorType.MARIADB);
    }

    private static String markdown(Catalog.Property property, ConnectorType type) {
        return markdown(new EditorSchema.Key(property.name(), property.type(), property.defaultValue(),
                property.allowed(), property.description()), type);
    }

    /** A key's documentation, for its hover and its completion item. */
    static String markdown(EditorSchema.Key key, ConnectorType type) {
        StringBuilder text = new StringBuilder();
        text.append("**").append(key.name()).append("** (").append(type.displayName())
                .append(key.type() == null ? "" : ", " + key.type()).append(")\n\n");
        if (key.description() != null) {
            text.append(key.description()).append("\n\n");
        }
        if (key.defaultValue() != null && !key.defaultValue().isEmpty()) {
            text.append("Default: `").append(key.defaultValue()).append("`\n\n");
        }
        if (!key.allowed().isEmpty()) {
            text.append("Allowed: ").append(String.join(", ", key.allowed().stream()
                    .map(value -> "`" + value + "`").toList())).append('\n');
        }
        return text.toString().strip();
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }
}
