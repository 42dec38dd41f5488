package io.dbzlint.load;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Location;
import io.dbzlint.model.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connectors that ksqlDB creates on its Kafka Connect cluster:
 * {@code CREATE SOURCE|SINK CONNECTOR [IF NOT EXISTS] name WITH ('key' = 'value', ...);}, in a
 * {@code .sql} or {@code .ksql} file, on a page, or in a script that feeds them to the ksqlDB CLI.
 * ksqlDB hands the properties to Kafka Connect as the connector's config, every value as a string.
 * A statement that is not read to its closing parenthesis is not a connector: a fragment of prose,
 * or a template the text builds.
 */
final class KsqlConnectors {

    private static final Pattern CREATE = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:SOURCE|SINK)\\s+CONNECTOR\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(`[^`\\n]{1,200}`|\"[^\"\\n]{1,200}\"|[A-Za-z_][A-Za-z0-9_]{0,200})\\s+WITH\\s*\\(");

    private KsqlConnectors() {
    }

    /** Whether a text may hold a statement: the cheap question before the pattern. */
    static boolean mayHold(String text) {
        return text.contains("connector.class") && containsIgnoreCase(text, "CREATE");
    }

    /** The connectors the text's CREATE CONNECTOR statements create. */
    static LoadedFile read(InputId input, String text) {
        List<Connector> connectors = new ArrayList<>();
        if (!mayHold(text)) {
            return new LoadedFile(input, connectors, List.of());
        }
        char[] chars = text.toCharArray();
        EmbeddedJson.LineIndex lines = new EmbeddedJson.LineIndex(chars);
        Matcher create = CREATE.matcher(text);
        int from = 0;
        while (from < chars.length && create.find(from)) {
            Statement statement = new Statement(input, chars, lines, create.end());
            Map<String, ConfigEntry> config = statement.properties();
            from = Math.max(create.end(), statement.at);
            if (config == null || !config.containsKey(Keys.CONNECTOR_CLASS)) {
                continue;
            }
            String written = create.group(1);
            // ksqlDB takes an unquoted identifier in upper case, a quoted one as it is written
            String name = written.charAt(0) == '`' || written.charAt(0) == '"'
                    ? written.substring(1, written.length() - 1) : written.toUpperCase(Locale.ROOT);
            int nameStart = create.start(1);
            Location nameLocation = span(input, lines, nameStart, nameStart + written.length());
            Location start = span(input, lines, create.end() - 1, create.end());
            ConfigEntry connectorClass = config.get(Keys.CONNECTOR_CLASS);
            connectors.add(new Connector(name, nameLocation, start,
                    ConnectorType.fromConnectorClass(connectorClass.text()), config));
        }
        return new LoadedFile(input, connectors, List.of());
    }

    private static boolean containsIgnoreCase(String text, String word) {
        int length = word.length();
        for (int i = 0; i + length <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static Location span(InputId input, EmbeddedJson.LineIndex lines, int start, int end) {
        return new Location(input, lines.line(start), lines.column(start), lines.line(end), lines.column(end));
    }

    /** The property list of one statement, read from just after its opening parenthesis. */
    private static final class Statement {
        private final InputId input;
        private final char[] chars;
        private final EmbeddedJson.LineIndex lines;
        /** Where reading stopped. */
        int at;

        Statement(InputId input, char[] chars, EmbeddedJson.LineIndex lines, int at) {
            this.input = input;
            this.chars = chars;
            this.lines = lines;
            this.at = at;
        }

        /** The properties in order, a repeated key keeping its last value; null when the list does not close. */
        Map<String, ConfigEntry> properties() {
            Map<String, ConfigEntry> config = new LinkedHashMap<>();
            skipBlank();
            if (at < chars.length && chars[at] == ')') {
                at++;
                return config;
            }
            while (at < chars.length) {
                skipBlank();
                int keyStart = at;
                String key = quoted();
                if (key == null) {
                    return null;
                }
                Location keyLocation = span(input, lines, keyStart, at);
                skipBlank();
                if (at >= chars.length || chars[at] != '=') {
                    return null;
                }
                at++;
                skipBlank();
                int valueStart = at;
                String value;
                ValueKind kind = ValueKind.STRING;
                if (at < chars.length && chars[at] == '\'') {
                    value = quoted();
                } else {
                    value = bare();
                    kind = value == null ? ValueKind.STRING : bareKind(value);
                }
                if (value == null) {
                    return null;
                }
                ConfigEntry entry = new ConfigEntry(key, value, kind, keyLocation, span(input, lines, valueStart, at));
                config.remove(key); // file order of the value that wins
                config.put(key, entry);
                skipBlank();
                if (at < chars.length && chars[at] == ',') {
                    at++;
                    continue;
                }
                if (at < chars.length && chars[at] == ')') {
                    at++;
                    return config;
                }
                return null;
            }
            return null;
        }

        /** A string in single quotes ('' is one quote), or a key in double quotes; null for anything else. */
        private String quoted() {
            if (at >= chars.length || chars[at] != '\'' && chars[at] != '"') {
                return null;
            }
            char quote = chars[at++];
            StringBuilder text = new StringBuilder();
            while (at < chars.length) {
                char c = chars[at++];
                if (c == quote) {
                    if (at < chars.length && chars[at] == quote) {
                        text.append(quote);
                        at++;
                        continue;
                    }
                    return text.toString();
                }
                if (c == '\n' && quote == '"') {
                    return null;
                }
                text.append(c);
            }
            return null;
        }

        /** An unquoted value: a number or a boolean; null for anything else. */
        private String bare() {
            int start = at;
            while (at < chars.length && (Character.isLetterOrDigit(chars[at]) || chars[at] == '.' || chars[at] == '-'
                    || chars[at] == '_')) {
                at++;
            }
            return at == start ? null : new String(chars, start, at - start);
        }

        private static ValueKind bareKind(String value) {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return ValueKind.BOOLEAN;
            }
            return value.matches("-?\\d+(\\.\\d+)?") ? ValueKind.NUMBER : ValueKind.STRING;
        }

        /** Whitespace and SQL's -- line comments. */
        private void skipBlank() {
            while (at < chars.length) {
                if (Character.isWhitespace(chars[at])) {
                    at++;
                } else if (chars[at] == '-' && at + 1 < chars.length && chars[at + 1] == '-') {
                    while (at < chars.length && chars[at] != '\n') {
                        at++;
                    }
                } else {
                    return;
                }
            }
        }
    }

    /**
     * The reader of .sql and .ksql files: their CREATE CONNECTOR statements, nothing else. Most
     * such files are a database's scripts and dumps, in whatever encoding the database wrote: bytes
     * that are not UTF-8 are no problem of a connector config, and only what is one is read.
     */
    static final class Reader implements FormatReader {
        @Override
        public LoadedFile read(InputId input, byte[] bytes) {
            return KsqlConnectors.read(input, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
