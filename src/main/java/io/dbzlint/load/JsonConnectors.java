package io.dbzlint.load;

import io.dbzlint.json.JacksonErrors;
import io.dbzlint.json.Limits;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Location;
import io.dbzlint.model.ValueKind;
import io.dbzlint.result.Fix;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON reader: connector configs with the line and column of every key and value.
 *
 * <p>Accepted shapes: the Kafka Connect REST body {@code {"name": ..., "config": {...}}}, a bare
 * config map, or a JSON array of either. A file that is not valid JSON yields one parse problem
 * and no connectors, so that rules never run on half a file. The other readers use it for JSON
 * written inside other text ({@link #readEmbedded}).
 */
final class JsonConnectors implements FormatReader {

    private static final JsonFactory STRICT_JSON = Limits.jsonFactory();
    private static final JsonFactory JSON = Limits.lenientJsonFactory();
    private static final Set<String> CONNECT_ENVELOPE = Set.of("name", "config", "tasks", "type", "initial_state");
    /** What a Debezium Platform source holds besides its config; a "connection" is not among them (see isPlatformSource). */
    private static final Set<String> PLATFORM_SOURCE = Set.of("id", "name", "description", "type", "schema", "vaults",
            "config");
    private static final String DEBEZIUM_CONNECTORS = "io.debezium.connector.";

    /**
     * True when the text starts with a letter, after any comment lines (#, //, SQL's --), and holds an object
     * somewhere: a command or prose, not JSON (whose documents start with { [ " a digit, or true, false and null without an object).
     */
    private static boolean startsWithWord(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '#' || text.startsWith("//", i) || text.startsWith("--", i)) {
                int end = text.indexOf('\n', i); // a commented-out command or a note above the commands
                i = end < 0 ? text.length() : end + 1;
            } else {
                break;
            }
        }
        if (i >= text.length()) {
            return false;
        }
        char first = text.charAt(i);
        return (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') && text.indexOf('{', i) >= 0;
    }

    private static final java.util.regex.Pattern CONNECTOR_WORDS = java.util.regex.Pattern.compile(
            "connector\\.class|\"(?:tasks\\.max|topic\\.prefix|database\\.[a-z.]+|slot\\.name|topics)\"|(?i:debezium)"
                    + "|\"config\"\\s*:\\s*\\{");

    /**
     * Whether a text that is not JSON still says it is a connector config: its class, a key only
     * connectors have, or a REST body's "config" object.
     */
    static boolean mentionsConnector(String text) {
        return CONNECTOR_WORDS.matcher(text).find();
    }

    /**
     * Text holding Debezium change events as a consumer prints them ({@code [x] Received
     * {"schema": ..., "payload": {"before": ..., "after": ..., "op": "c"}}}), and no connector class:
     * a log of data, which names Debezium's types without being a config.
     */
    static boolean savedChangeEvents(String text) {
        return text.contains("\"payload\"") && (text.contains("\"schema\"") || text.contains("\"op\""))
                && !text.contains("connector.class");
    }

    @Override
    public LoadedFile read(InputId path, byte[] bytes) {
        boolean ascii = Utf8Text.isAscii(bytes);
        SourceText source;
        String text = null;
        if (ascii) {
            // the common case: byte columns are character columns, so the fast byte parser will do
            source = SourceText.ofAscii(bytes);
        } else {
            try {
                text = Utf8Text.decode(bytes);
            } catch (Utf8Text.Invalid e) {
                return new LoadedFile(path, List.of(), List.of(e.problem(path)));
            }
            // parsed as characters, so that columns count characters as editors do
            source = SourceText.of(text);
        }
        // strict JSON first: nearly every file is, and then nothing needs to look for comments
        List<LoadProblem> problems = new ArrayList<>();
        JsonParser strict = parser(STRICT_JSON, ascii, bytes, text);
        try (strict) {
            List<Connector> connectors = new Reader(strict, path, source, problems).readDocument();
            if (problems.isEmpty() && connectors.stream().noneMatch(c -> c.config().containsKey(Keys.CONNECTOR_CLASS))) {
                String whole = text != null ? text : new String(bytes, StandardCharsets.ISO_8859_1);
                if (PostmanCollections.mayHoldConnector(whole)) {
                    return PostmanCollections.read(path, whole);
                }
            }
            return new LoadedFile(path, connectors, problems);
        } catch (StreamConstraintsException e) {
            return new LoadedFile(path, List.of(), List.of(LoadProblem.parseError(JacksonErrors.locationOf(path,
                    strict.currentLocation()), "file is too large to be a connector config: " + Limits.describe(e))));
        } catch (JacksonException | StructureProblem e) {
            // not strict JSON: read it again accepting comments and trailing commas, and report each
        }
        problems.clear();
        for (LenientSyntax.Found found : LenientSyntax.scan(path, source)) {
            problems.add(strictJson(found, UnaryOperator.identity()));
        }
        JsonParser parser = parser(JSON, ascii, bytes, text);
        try (parser) {
            Reader reader = new Reader(parser, path, source, problems);
            List<Connector> connectors = reader.readDocument();
            if (reader.end != null) {
                // a comment after the body's closing brace is past what Kafka Connect's reader reads
                Location end = reader.end;
                problems.removeIf(problem -> problem.ruleId().equals(LoadProblem.STRICT_JSON)
                        && (problem.location().line() > end.line()
                                || problem.location().line() == end.line() && problem.location().column() > end.column()));
            }
            return new LoadedFile(path, connectors, problems);
        } catch (StreamConstraintsException e) {
            problems.add(LoadProblem.parseError(JacksonErrors.locationOf(path, parser.currentLocation()),
                    "file is too large to be a connector config: " + Limits.describe(e)));
            return new LoadedFile(path, List.of(), problems);
        } catch (JacksonException e) {
            String whole = text != null ? text : new String(bytes, StandardCharsets.ISO_8859_1);
            String quoted = Templates.quoteSubstitutions(whole);
            if (quoted != null) {
                if (!YamlConnectors.namesConnector(whole)) {
                    // a template of something else (a Terraform task definition, a platform's
                    // resource) that envsubst or templatefile renders: not dbzlint's
                    return new LoadedFile(path, List.of(), List.of());
                }
                // "database.port": ${DB_PORT}, filled in by envsubst: read with each ${...} as the
                // template value "$..." of the same length, which no rule judges
                LoadedFile filled = read(path, quoted.getBytes(StandardCharsets.UTF_8));
                if (filled.problems().stream().noneMatch(p -> p.ruleId().equals(LoadProblem.PARSE_ERROR))) {
                    return filled;
                }
            }
            Optional<LoadedFile> template = Templates.template(path, whole);
            if (template.isPresent()) {
                return template.get();
            }
            if (Templates.isTemplate(whole) && !YamlConnectors.namesConnector(whole)) {
                // a Hugo layout or a Jinja template of some other JSON: not dbzlint's
                return new LoadedFile(path, List.of(), List.of());
            }
            if (startsWithWord(whole)) {
                // a .json file holding a shell command or notes around the body (curl ... -d '{...}'):
                // the bodies in it are read as in a script, rather than the file reported as not JSON
                return EmbeddedJson.load(path, whole);
            }
            if (!mentionsConnector(whole) || savedChangeEvents(whole)) {
                // broken JSON of something else (a cloud API's request template, a saved log): a connector
                // config names its class or what it reads, and this names none; not dbzlint's
                return new LoadedFile(path, List.of(), List.of());
            }
            Location at = JacksonErrors.locationOf(path, e.getLocation());
            // the parser stopped here: a comma flagged at the same place is part of that one mistake,
            // and what follows was never read as JSON (a # of a Dockerfile pasted below a log line)
            problems.removeIf(problem -> problem.ruleId().equals(LoadProblem.STRICT_JSON)
                    && (problem.location().line() > at.line()
                            || problem.location().line() == at.line() && problem.location().column() >= at.column()));
            problems.add(LoadProblem.parseError(at, "invalid JSON: " + JacksonErrors.describe(e)));
            return new LoadedFile(path, List.of(), problems);
        } catch (StructureProblem e) {
            problems.add(LoadProblem.parseError(e.location, e.getMessage()));
            return new LoadedFile(path, List.of(), problems);
        }
    }

    /**
     * Where a JSON text sits in its file: positions the parser gives from 1:1 are moved by the
     * window's start, whose first line begins mid-line.
     */
    record Window(int line, int column, DecodedString decoded) {
        static final Window WHOLE = new Window(1, 1);

        Window(int line, int column) {
            this(line, column, null);
        }

        /** The line of the file where the window starts: a bare config there is named by it. */
        int fileLine() {
            return decoded == null ? line : shift(new Location(null, 1, 1, 1, 1)).line();
        }

        Location shift(Location local) {
            if (decoded != null) {
                return decoded.map(local, line, column);
            }
            if (line == 1 && column == 1) { // not equals(WHOLE): a record's equals links at run time
                return local;
            }
            return new Location(local.input(), local.line() + line - 1,
                    local.line() == 1 ? local.column() + column - 1 : local.column(), local.endLine() + line - 1,
                    local.endLine() == 1 ? local.endColumn() + column - 1 : local.endColumn());
        }
    }

    /** A connector config written as JSON inside other text, from its opening brace. */
    record Embedded(List<Connector> connectors, List<LoadProblem> problems, int length) {
    }

    /**
     * Reads the JSON object that starts at {@code start} in a text (a shell script, a Markdown
     * document), if one does: its connectors and problems at their places in the whole text, and how
     * many characters it spans. Empty when no JSON object starts there.
     */
    static Optional<Embedded> readEmbedded(InputId path, char[] text, int start, Window window) {
        List<LoadProblem> problems = new ArrayList<>();
        SourceText source = SourceText.of(text, start, text.length - start);
        JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text, start, text.length - start);
        try (parser) {
            List<Connector> connectors = new Reader(parser, path, source, problems, window).readEmbeddedObject();
            int length = (int) parser.currentLocation().getCharOffset();
            if (LenientSyntax.mayHaveAny(source)) {
                SourceText span = SourceText.of(text, start, length);
                for (LenientSyntax.Found found : LenientSyntax.scan(path, span)) {
                    problems.add(strictJson(found, window::shift));
                }
            }
            return Optional.of(new Embedded(connectors, problems, length));
        } catch (JacksonException | StructureProblem e) {
            return Optional.empty();
        }
    }

    /** ASCII is parsed from its bytes (the fast path); anything else from its decoded characters. */
    private static JsonParser parser(JsonFactory factory, boolean ascii, byte[] bytes, String text) {
        return ascii ? factory.createParser(ObjectReadContext.empty(), bytes)
                : factory.createParser(ObjectReadContext.empty(), text);
    }

    /** A comment or trailing comma; removing it is the fix. */
    private static LoadProblem strictJson(LenientSyntax.Found found, UnaryOperator<Location> place) {
        Fix fix = found.removal() == null ? null
                : new Fix("remove " + found.what(), place.apply(found.removal().range()), found.removal().text(), "",
                        null);
        return new LoadProblem(LoadProblem.STRICT_JSON, place.apply(found.location()), null, found.what()
                + ", which JSON does not allow: Kafka Connect refuses the whole body; remove it"
                + " (dbzlint reads the rest as if it were not there)", List.of(), fix);
    }

    /** Walks the token stream once, building connectors and noting duplicate keys. */
    private static final class Reader {
        private final JsonParser parser;
        private final InputId path;
        private final SourceText source;
        private final List<LoadProblem> problems;
        private final String fileStem;
        private final Window window;
        private int keys;
        /** Where the document's one value closes, once read: Kafka Connect reads no further. */
        private Location end;

        Reader(JsonParser parser, InputId path, SourceText source, List<LoadProblem> problems) {
            this(parser, path, source, problems, Window.WHOLE);
        }

        Reader(JsonParser parser, InputId path, SourceText source, List<LoadProblem> problems, Window window) {
            this.parser = parser;
            this.path = path;
            this.source = source;
            this.problems = problems;
            this.window = window;
            String display = path.displayPath();
            String fileName = display.substring(Math.max(display.lastIndexOf('/'), display.lastIndexOf('\\')) + 1);
            int dot = fileName.lastIndexOf('.');
            this.fileStem = dot > 0 ? fileName.substring(0, dot) : fileName;
        }

        /**
         * The one object at the parser's start, for JSON inside other text; what follows it is not
         * ours. A bare config there is named by its place ({@code README:14}), never by the file
         * alone: two examples of one page are two configs, and neither is the file's connector.
         */
        List<Connector> readEmbeddedObject() {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new StructureProblem(here(), "not an object");
            }
            return toConnector(readObject(), fileStem + ":" + window.fileLine()).map(List::of).orElse(List.of());
        }

        List<Connector> readDocument() {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return List.of(); // an empty file holds no connector config
            }
            List<Connector> connectors = new ArrayList<>();
            if (token == JsonToken.START_OBJECT) {
                ParsedObject top = readObject();
                if (isChangeEvent(top)) {
                    return List.of(); // a saved change event (and whatever was pasted after it): data, not a config
                }
                toConnector(top, fileStem).ifPresent(connectors::add);
            } else if (token == JsonToken.START_ARRAY) {
                int index = 0;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token != JsonToken.START_OBJECT) {
                        if (connectors.stream().noneMatch(c -> c.config().containsKey(Keys.CONNECTOR_CLASS))) {
                            // ["string", "number"]: data (a test's fixture, a list), no connector before it
                            return List.of();
                        }
                        throw new StructureProblem(here(),
                                "array element " + (index + 1) + " is " + kindOf(token).article()
                                        + "; expected a connector config object");
                    }
                    toConnector(readObject(), fileStem + "[" + index + "]").ifPresent(connectors::add);
                    index++;
                }
            } else {
                // a string, number or literal alone (a saved message, a value): data, not a connector config
                return List.of();
            }
            end = here();
            JsonToken after;
            try {
                after = parser.nextToken();
            } catch (JacksonException e) {
                // notes after the body (a curl command, prose): Kafka Connect's JSON reader takes the
                // first value and never reads on, so a body posted with them is the body alone
                return connectors;
            }
            if (after != null) {
                if (connectors.stream().noneMatch(connector -> connector.config().containsKey(Keys.CONNECTOR_CLASS))) {
                    // JSON lines or other data: nothing before the extra content names a connector class
                    return List.of();
                }
                throw new StructureProblem(here(),
                        "unexpected content after the end of the JSON value; a file holds one object or one array");
            }
            return connectors;
        }

        private Location here() {
            return window.shift(JacksonErrors.locationOf(path, parser.currentTokenLocation()));
        }

        /** The current token's range: a scalar's or a name's characters, from the source text. */
        private Location currentToken() {
            TokenStreamLocation start = parser.currentTokenLocation();
            long offset = start.getCharOffset() >= 0 ? start.getCharOffset() : start.getByteOffset();
            int length = offset < 0 ? 1 : source.tokenLength((int) offset);
            int line = Math.max(1, start.getLineNr());
            int column = Math.max(1, start.getColumnNr());
            return window.shift(new Location(path, line, column, line, column + length));
        }

        /** From a start to where the parser is now: after an object or array just read. */
        private Location upToHere(Location start) {
            TokenStreamLocation end = parser.currentLocation();
            Location local = new Location(path, 1, 1, end.getLineNr(), Math.max(1, end.getColumnNr()));
            Location shifted = window.shift(local);
            return new Location(path, start.line(), start.column(), shifted.endLine(), shifted.endColumn());
        }

        /** Reads the object whose START_OBJECT is the current token. */
        private ParsedObject readObject() {
            ParsedObject object = new ParsedObject(currentToken());
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                Location keyLocation = currentToken();
                if (++keys > Limits.MAX_KEYS) {
                    throw new StructureProblem(keyLocation, "file is too large to be a connector config: more than "
                            + Limits.MAX_KEYS + " keys");
                }
                JsonToken valueToken = parser.nextToken();
                Location valueLocation = currentToken();
                ValueKind kind = kindOf(valueToken);
                ParsedObject child = null;
                String text = null;
                switch (kind) {
                    case OBJECT -> {
                        child = readObject();
                        valueLocation = upToHere(valueLocation);
                    }
                    case ARRAY -> {
                        parser.skipChildren();
                        valueLocation = upToHere(valueLocation);
                    }
                    case NULL -> { }
                    default -> text = parser.getString();
                }
                ParsedProperty previous = object.properties.get(key);
                if (previous != null && !Keys.isNote(key)) { // a note written twice loses nothing
                    problems.add(LoadProblem.duplicateKey(keyLocation, key, previous.keyLocation, child == null
                            && previous.child == null && ValueKind.sameAsConnectReadsIt(kind, previous.kind)
                            && java.util.Objects.equals(text, previous.text),
                            "Kafka Connect silently keeps only this last value"));
                }
                if (previous != null) {
                    object.properties.remove(key); // keep file order of the value that wins
                }
                object.properties.put(key, new ParsedProperty(key, text, kind, keyLocation, valueLocation, child));
            }
            if (token != JsonToken.END_OBJECT) {
                throw new StructureProblem(here(), "invalid JSON: unexpected token inside an object");
            }
            return object;
        }

        /** The connector an object holds; empty for another tool's envelope around a config. */
        private Optional<Connector> toConnector(ParsedObject top, String fallbackName) {
            ParsedProperty configProperty = top.properties.get("config");
            boolean restBody = configProperty != null && configProperty.child != null;
            if (restBody && isPlatformSource(top)) {
                return Optional.of(platformSource(top, configProperty.child, fallbackName));
            }
            if (restBody && !isConnectEnvelope(top)) {
                return Optional.empty(); // another tool's: a Debezium Platform destination, a connection
            }
            if (configProperty != null && !restBody) {
                throw new StructureProblem(configProperty.valueLocation, "config is " + configProperty.kind.article()
                        + "; in a Kafka Connect REST body it is an object of config keys");
            }
            ParsedObject config = restBody ? configProperty.child : top;

            Map<String, ConfigEntry> entries = new LinkedHashMap<>(config.properties.size() * 2);
            for (ParsedProperty p : config.properties.values()) {
                entries.put(p.key, new ConfigEntry(p.key, p.text, p.kind, p.keyLocation, p.valueLocation));
            }
            ParsedProperty nameProperty = restBody ? top.properties.get("name") : null;
            if (nameProperty == null || nameProperty.text == null) {
                nameProperty = config.properties.get("name");
            }
            String name = fallbackName;
            Location nameLocation = config.start;
            if (nameProperty != null && nameProperty.text != null && !nameProperty.text.isBlank()) {
                name = nameProperty.text;
                nameLocation = nameProperty.valueLocation;
            }
            ParsedProperty connectorClass = config.properties.get("connector.class");
            ConnectorType type = ConnectorType.fromConnectorClass(connectorClass == null ? null : connectorClass.text);
            if (restBody && (top.properties.containsKey("tasks") || top.properties.containsKey("type"))) {
                return Optional.of(new Connector(name, nameLocation, config.start, type, entries, Map.of(
                        Connector.SAVED_REPLY, new ConfigEntry(Connector.SAVED_REPLY, "true", ValueKind.STRING,
                                top.start, top.start))));
            }
            return Optional.of(new Connector(name, nameLocation, config.start, type, entries));
        }

        /**
         * A Debezium Platform source, as its API takes one: {@code {"name", "description", "type":
         * "<connector class>", "schema", "vaults", "config"}}. One that names a {@code connection}
         * gets its database settings from that connection, elsewhere: its config is not whole, and
         * not read.
         */
        private static boolean isPlatformSource(ParsedObject top) {
            ParsedProperty type = top.properties.get("type");
            if (type == null || type.text == null || !type.text.startsWith(DEBEZIUM_CONNECTORS)) {
                return false;
            }
            for (ParsedProperty property : top.properties.values()) {
                if (!PLATFORM_SOURCE.contains(property.key)) {
                    return false;
                }
            }
            return true;
        }

        /** A Debezium Platform source's config, with its type as the connector.class a Debezium Server runs. */
        private Connector platformSource(ParsedObject top, ParsedObject config, String fallbackName) {
            ParsedProperty type = top.properties.get("type");
            Map<String, ConfigEntry> entries = new LinkedHashMap<>(config.properties.size() * 2 + 1);
            entries.put(Keys.CONNECTOR_CLASS, new ConfigEntry(Keys.CONNECTOR_CLASS, type.text, type.kind,
                    type.keyLocation, type.valueLocation));
            for (ParsedProperty p : config.properties.values()) {
                entries.put(p.key, new ConfigEntry(p.key, p.text, p.kind, p.keyLocation, p.valueLocation));
            }
            ParsedProperty name = top.properties.get("name");
            boolean named = name != null && name.text != null && !name.text.isBlank();
            return new Connector(named ? name.text : fallbackName, named ? name.valueLocation : config.start,
                    config.start, ConnectorType.fromConnectorClass(type.text), entries, Map.of(Connector.RUNTIME,
                            new ConfigEntry(Connector.RUNTIME, Connector.DEBEZIUM_SERVER, ValueKind.STRING,
                                    top.start, top.start), Connector.PLATFORM_SOURCE, new ConfigEntry(
                                    Connector.PLATFORM_SOURCE, "true", ValueKind.STRING, top.start, top.start)));
        }

        /**
         * A Kafka Connect REST body: name and config, and what GET /connectors/NAME adds (tasks,
         * type source or sink) or KIP-980 allows (initial_state). Anything else is another tool's.
         */
        private static boolean isConnectEnvelope(ParsedObject top) {
            for (ParsedProperty property : top.properties.values()) {
                if (!CONNECT_ENVELOPE.contains(property.key)) {
                    return false;
                }
            }
            ParsedProperty type = top.properties.get("type");
            return type == null || "source".equals(type.text) || "sink".equals(type.text);
        }
    }

    private static ValueKind kindOf(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> ValueKind.OBJECT;
            case START_ARRAY -> ValueKind.ARRAY;
            case VALUE_STRING -> ValueKind.STRING;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ValueKind.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> ValueKind.BOOLEAN;
            case VALUE_NULL -> ValueKind.NULL;
            default -> throw new IllegalStateException("not a value token: " + token);
        };
    }

    /**
     * A Debezium change event, as a consumer prints it: {@code {"schema": ..., "payload": ...}}, or
     * the payload alone ({@code before}, {@code after}, {@code source}, {@code op}).
     */
    private static boolean isChangeEvent(ParsedObject top) {
        Set<String> keys = top.properties.keySet();
        return keys.size() == 2 && keys.contains("schema") && keys.contains("payload")
                || keys.contains("op") && keys.contains("source") && (keys.contains("after") || keys.contains("before"));
    }

    private static final class ParsedObject {
        final Location start;
        final Map<String, ParsedProperty> properties = new LinkedHashMap<>();

        ParsedObject(Location start) {
            this.start = start;
        }
    }

    private record ParsedProperty(String key, String text, ValueKind kind, Location keyLocation,
                                  Location valueLocation, ParsedObject child) {
    }

    /** Valid JSON of a shape that cannot hold connector configs. */
    private static final class StructureProblem extends RuntimeException {
        final Location location;

        StructureProblem(Location location, String message) {
            super(message, null, false, false);
            this.location = location;
        }
    }
}
