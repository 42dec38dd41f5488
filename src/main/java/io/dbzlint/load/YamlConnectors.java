package io.dbzlint.load;

import io.dbzlint.json.Limits;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.model.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Connectors in YAML, with the line and column of every key and value from SnakeYAML Engine's
 * node marks: Strimzi {@code KafkaConnector} resources, Debezium Operator {@code DebeziumServer}
 * resources, Debezium Server's application.yaml, and a compose file's Debezium Server configured by
 * environment variables ({@link ServerEnvironments}). Documents of other kinds in a multi-document
 * file are skipped. A YAML file with none of these (a docker-compose file) is searched for JSON
 * bodies that its commands post.
 */
final class YamlConnectors {

    static final String STRIMZI_KIND = "KafkaConnector";
    static final String CLUSTER_LABEL = "strimzi.io/cluster";


    private final InputId path;
    private final String text;
    private final List<LoadProblem> problems = new ArrayList<>();
    private final List<Connector> connectors = new ArrayList<>();
    /** Debezium Servers a compose file configures by environment variables alone. */
    private final List<Connector> servers = new ArrayList<>();

    private YamlConnectors(InputId path, String text) {
        this.path = path;
        this.text = text;
    }

    static LoadedFile load(InputId path, String text) {
        YamlConnectors reader = new YamlConnectors(path, text);
        LoadSettings settings = YamlNodes.settings(path, text);
        try {
            for (Node document : new Compose(settings).composeAllFromString(text)) {
                reader.document(document);
            }
        } catch (TooLarge e) {
            return new LoadedFile(path, List.of(), List.of(LoadProblem.parseError(Location.startOf(path),
                    "larger than any connector config once its aliases are expanded (more than " + Limits.MAX_KEYS
                            + " keys, a value over " + Limits.mebibytes(Limits.MAX_STRING_LENGTH) + " or nesting deeper than "
                            + Limits.MAX_NESTING_DEPTH + "): not read")));
        } catch (MarkedYamlEngineException e) {
            if (!mayHoldConnector(text)) {
                return notParsed(path, text);
            }
            Location at = e.getProblemMark().map(reader::start).orElse(Location.startOf(path));
            return new LoadedFile(path, List.of(), List.of(LoadProblem.parseError(at, "invalid YAML: "
                    + Printable.cut(String.valueOf(e.getProblem()), Printable.MAX_VALUE))));
        } catch (YamlEngineException e) {
            if (!mayHoldConnector(text)) {
                return notParsed(path, text);
            }
            return new LoadedFile(path, List.of(), List.of(LoadProblem.parseError(Location.startOf(path),
                    "invalid YAML: " + Printable.cut(String.valueOf(e.getMessage()), Printable.MAX_VALUE))));
        }
        if (reader.connectors.isEmpty() && reader.problems.isEmpty()) {
            // e.g. a docker-compose command that posts a connector
            LoadedFile embedded = EmbeddedJson.load(path, text);
            if (reader.servers.isEmpty()) {
                return embedded;
            }
            List<Connector> all = new ArrayList<>(reader.servers);
            all.addAll(embedded.connectors());
            return new LoadedFile(path, all, embedded.problems(), embedded.branches());
        }
        List<Connector> all = new ArrayList<>(reader.connectors);
        all.addAll(reader.servers);
        return new LoadedFile(path, all, reader.problems);
    }

    /**
     * A YAML text that does not parse and is not a connector resource gone wrong: the bodies it
     * posts (a compose file's curl command) are read as in a script; without one, a template of a
     * connector is said to be one; anything else is not dbzlint's.
     */
    private static LoadedFile notParsed(InputId path, String text) {
        LoadedFile embedded = EmbeddedJson.load(path, text);
        if (!embedded.connectors().isEmpty() || !embedded.problems().isEmpty()) {
            return embedded;
        }
        return Templates.template(path, text).orElse(embedded);
    }

    /**
     * Whether a YAML text that does not parse is a connector resource or configuration gone wrong,
     * whose parse error is worth an error: it names a connector (see {@link #namesConnector}).
     * A template ({{ ... }}: Helm, Jinja, Mustache) is YAML only once rendered, and any other
     * YAML (a workflow, a chart, an application's settings) is not dbzlint's to judge, nor is a
     * saved log given a YAML name, whose stack traces name Debezium's classes.
     */
    static boolean mayHoldConnector(String text) {
        return !text.contains(Templates.TEMPLATE_START) && namesConnector(text) && !isLog(text);
    }

    /**
     * A log line: a timestamp first ({@code 2022-07-27 21:58:56,727 INFO ...}, {@code [2022-07-27T21:58:56]}),
     * or the service column of {@code docker compose logs} ({@code debezium   | ...}).
     */
    private static final Pattern LOG_LINE = Pattern.compile(
            "\\[?\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}.*|[\\w.-]+ +\\| .*");

    /** Whether a text is a saved log: its first line that is neither blank nor a comment is a log line. */
    static boolean isLog(String text) {
        for (String line : (Iterable<String>) text.lines()::iterator) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return LOG_LINE.matcher(l).matches();
            }
        }
        return false;
    }

    /** Whether a text names a connector: a connector class, a connector resource's kind, Debezium Server's source keys. */
    static boolean namesConnector(String text) {
        // "debezium.io" (an API group) and io.debezium.storage classes are not connectors
        return text.contains("connector.class") || text.contains("kind: KafkaConnector")
                || text.contains("kind: DebeziumServer") || text.contains("debezium.source.")
                || text.contains("io.debezium.connector.");
    }

    private void document(Node document) {
        if (!(document instanceof MappingNode root)) {
            return;
        }
        String kind = YamlNodes.scalar(root, "kind").orElse("");
        String apiVersion = YamlNodes.scalar(root, "apiVersion").orElse("");
        if (kind.equals(STRIMZI_KIND) && apiVersion.startsWith("kafka.strimzi.io/")) {
            strimzi(root);
        } else if (kind.equals("DebeziumServer") && apiVersion.startsWith("debezium.io/")) {
            debeziumServer(root);
        } else if (kind.isEmpty() && apiVersion.isEmpty() && namesClass(root)) {
            flat(root, null);
        } else if (kind.isEmpty() && apiVersion.isEmpty() && isRestBody(root)) {
            flat(YamlNodes.mapping(root, "config").orElseThrow(), entry("name", root, "name"));
        } else if (kind.isEmpty() && YamlNodes.child(root, "services").isPresent()) {
            servers.addAll(ServerEnvironments.connectorsOf(path, root));
        } else if (kind.isEmpty() && YamlNodes.child(root, "debezium").isPresent()) {
            List<PropertiesReader.Property> flat = new ArrayList<>();
            flatten(root, "", flat);
            LoadedFile server = PropertiesConnectors.fromProperties(path, flat);
            connectors.addAll(server.connectors());
            problems.addAll(server.problems());
        }
    }

    /** Whether a mapping sets connector.class to a scalar: a connector config written as YAML. */
    private static boolean namesClass(MappingNode map) {
        return YamlNodes.child(map, Keys.CONNECTOR_CLASS).filter(ScalarNode.class::isInstance).isPresent();
    }

    /** A Kafka Connect REST body written as YAML: a config that names its class, a name, nothing else. */
    private static boolean isRestBody(MappingNode root) {
        if (YamlNodes.mapping(root, "config").filter(YamlConnectors::namesClass).isEmpty()) {
            return false;
        }
        for (NodeTuple tuple : root.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || !key.getValue().equals("name")
                    && !key.getValue().equals("config")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A connector config written as a YAML mapping of its keys ({@code connector.class: ...},
     * {@code database.hostname: ...}), as a tool converts to a REST body: read as the JSON body
     * is, keys and values at their places; a {@code name} key names it, else the file.
     */
    private void flat(MappingNode map, ConfigEntry name) {
        Map<String, ConfigEntry> config = new LinkedHashMap<>();
        for (ConfigEntry entry : entries(map)) {
            config.put(entry.key(), entry);
        }
        ConfigEntry ownName = name != null && name.hasText() ? name : config.get(Keys.NAME);
        Location start = start(map);
        Map<String, ConfigEntry> envelope = new LinkedHashMap<>();
        envelope.put(Connector.YAML_KEYS, new ConfigEntry(Connector.YAML_KEYS, "true", ValueKind.STRING, start, start));
        if (config.containsKey("offset.storage")) {
            // offset.storage in a connector's own file: an application that embeds Debezium's engine, as in properties
            envelope.put(Connector.RUNTIME, new ConfigEntry(Connector.RUNTIME, Connector.DEBEZIUM_ENGINE, ValueKind.STRING,
                    start, start));
        }
        connectors.add(connector(ownName, start, config, envelope));
    }

    /**
     * A Strimzi KafkaConnector: metadata.name names the connector, spec.class and spec.tasksMax
     * are its connector.class and tasks.max, spec.config the rest.
     */
    private void strimzi(MappingNode root) {
        Map<String, ConfigEntry> envelope = new LinkedHashMap<>();
        envelope.put("kind", entry("kind", root, "kind"));
        Optional<MappingNode> metadata = YamlNodes.child(root, "metadata").filter(MappingNode.class::isInstance)
                .map(MappingNode.class::cast);
        Optional<MappingNode> spec = YamlNodes.child(root, "spec").filter(MappingNode.class::isInstance)
                .map(MappingNode.class::cast);
        metadata.flatMap(m -> YamlNodes.child(m, "labels")).filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                .ifPresent(labels -> {
                    ConfigEntry cluster = entry(CLUSTER_LABEL, labels, CLUSTER_LABEL);
                    if (cluster != null) {
                        envelope.put("metadata.labels." + CLUSTER_LABEL, cluster);
                    }
                });
        envelope.put("metadata", entry("metadata", root, "metadata"));
        metadata.ifPresent(m -> putIfPresent(envelope, Connector.NAMESPACE, entry(Connector.NAMESPACE, m, "namespace")));
        Map<String, ConfigEntry> config = new LinkedHashMap<>();
        spec.ifPresent(s -> {
            putIfPresent(config, Keys.CONNECTOR_CLASS, entry(Keys.CONNECTOR_CLASS, s, "class"));
            putIfPresent(config, "tasks.max", entry("tasks.max", s, "tasksMax"));
            putIfPresent(envelope, "spec.pause", entry("spec.pause", s, "pause"));
            putIfPresent(envelope, "spec.state", entry("spec.state", s, "state"));
            YamlNodes.child(s, "config").filter(MappingNode.class::isInstance).map(MappingNode.class::cast).ifPresent(map -> {
                for (ConfigEntry entry : entries(map)) {
                    if (entry.key().equals(Keys.NAME) || entry.key().equals(Keys.CONNECTOR_CLASS)
                            || entry.key().equals("tasks.max")) {
                        envelope.put("spec.config." + entry.key(), entry); // Strimzi sets these itself
                        continue;
                    }
                    config.put(entry.key(), entry);
                }
            });
        });
        envelope.values().removeIf(java.util.Objects::isNull);
        Optional<ConfigEntry> name = metadata.map(m -> entry("name", m, "name"));
        Location objectStart = spec.map(this::start).orElse(start(root));
        connectors.add(connector(name.orElse(null), objectStart, config, envelope));
    }

    /**
     * A Debezium Operator DebeziumServer: spec.source.class and spec.source.config (keys without
     * the debezium.source. prefix, nested maps joined by dots), spec.transforms[] its SMTs.
     */
    private void debeziumServer(MappingNode root) {
        Optional<MappingNode> metadata = YamlNodes.mapping(root, "metadata");
        Optional<MappingNode> source = YamlNodes.mapping(root, "spec").flatMap(spec -> YamlNodes.mapping(spec, "source"));
        Map<String, ConfigEntry> config = new LinkedHashMap<>();
        source.ifPresent(s -> {
            putIfPresent(config, Keys.CONNECTOR_CLASS, entry(Keys.CONNECTOR_CLASS, s, "class"));
            YamlNodes.mapping(s, "config").ifPresent(map -> {
                List<PropertiesReader.Property> flat = new ArrayList<>();
                flatten(map, "", flat);
                flat.forEach(p -> config.put(p.key(), new ConfigEntry(p.key(), p.value(), ValueKind.STRING,
                        p.keyLocation(), p.valueLocation())));
            });
        });
        YamlNodes.mapping(root, "spec").flatMap(spec -> YamlNodes.child(spec, "transforms")).filter(SequenceNode.class::isInstance)
                .map(SequenceNode.class::cast).ifPresent(list -> {
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < list.getValue().size(); i++) {
                        if (!(list.getValue().get(i) instanceof MappingNode transform)) {
                            continue;
                        }
                        String name = "t" + i;
                        names.add(name);
                        putIfPresent(config, "transforms." + name + ".type", entry("transforms." + name + ".type",
                                transform, "type"));
                        YamlNodes.mapping(transform, "config").ifPresent(map -> {
                            for (ConfigEntry entry : entries(map)) {
                                String key = "transforms." + name + "." + entry.key();
                                config.put(key, new ConfigEntry(key, entry.text(), entry.kind(), entry.keyLocation(),
                                        entry.valueLocation()));
                            }
                        });
                    }
                    config.put(Keys.TRANSFORMS, new ConfigEntry(Keys.TRANSFORMS, String.join(",", names),
                            ValueKind.STRING, start(list), range(list)));
                });
        Optional<ConfigEntry> name = metadata.map(m -> entry("name", m, "name"));
        Location start = source.map(this::start).orElse(start(root));
        connectors.add(connector(name.orElse(null), start, config, Map.of(Connector.RUNTIME, new ConfigEntry(
                Connector.RUNTIME, Connector.DEBEZIUM_SERVER, ValueKind.STRING, start, start))));
    }

    private Connector connector(ConfigEntry name, Location start, Map<String, ConfigEntry> config,
                                Map<String, ConfigEntry> envelope) {
        String shownName = name != null && name.hasText() && !name.text().isBlank() ? name.text()
                : PropertiesConnectors.fileStem(path);
        ConfigEntry connectorClass = config.get(Keys.CONNECTOR_CLASS);
        return new Connector(shownName, name != null ? name.valueLocation() : start, start,
                ConnectorType.fromConnectorClass(connectorClass == null ? null : connectorClass.text()), config, envelope);
    }

    /** A mapping's entries as config entries, reporting repeated keys. */
    private List<ConfigEntry> entries(MappingNode map) {
        Map<String, ConfigEntry> byKey = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                continue;
            }
            ConfigEntry entry = toEntry(keyNode.getValue(), keyNode, tuple.getValueNode());
            ConfigEntry previous = byKey.remove(entry.key());
            if (previous != null && !Keys.isNote(entry.key())) { // a note written twice loses nothing
                problems.add(LoadProblem.duplicateKey(entry.keyLocation(), entry.key(), previous.keyLocation(),
                        previous.hasText() && entry.hasText() && ValueKind.sameAsConnectReadsIt(previous.kind(), entry.kind())
                                && previous.text().equals(entry.text()), "only this last value counts"));
            }
            byKey.put(entry.key(), entry);
        }
        return new ArrayList<>(byKey.values());
    }

    /** A mapping flattened to dotted keys, as Quarkus and the Debezium Operator read nested YAML. */
    /** Keys and values visited, aliases expanded: what the JSON reader's key limit bounds there. */
    private int visited;

    /** A document past the limits once its aliases are expanded: an alias bomb runs a heap out of memory. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private void flatten(MappingNode map, String prefix, List<PropertiesReader.Property> into) {
        if (prefix.chars().filter(c -> c == '.').count() > Limits.MAX_NESTING_DEPTH) {
            throw new TooLarge();
        }
        for (NodeTuple tuple : map.getValue()) {
            if (++visited > Limits.MAX_KEYS) {
                throw new TooLarge();
            }
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                continue;
            }
            String key = prefix + keyNode.getValue();
            Node value = tuple.getValueNode();
            if (value instanceof MappingNode nested) {
                flatten(nested, key + ".", into);
            } else if (value instanceof ScalarNode scalar && scalar.getTag() == Tag.NULL) {
                continue; // a key without a value is not set (Quarkus and the operator leave it out)
            } else {
                String text = value instanceof ScalarNode scalar && scalar.getTag() != Tag.NULL ? scalar.getValue()
                        : value instanceof SequenceNode list ? joined(list) : null;
                into.add(new PropertiesReader.Property(key, text, text, range(keyNode), range(value)));
            }
        }
    }

    /** A YAML list of scalars as Kafka Connect reads a list: joined by commas. */
    private static String joined(SequenceNode list) {
        List<String> items = new ArrayList<>();
        long length = 0;
        for (Node item : list.getValue()) {
            if (item instanceof ScalarNode scalar) {
                length += scalar.getValue().length() + 1L;
                if (length > Limits.MAX_STRING_LENGTH) {
                    throw new TooLarge(); // aliases of one long scalar, repeated
                }
                items.add(scalar.getValue());
            }
        }
        return String.join(",", items);
    }

    private ConfigEntry toEntry(String key, Node keyNode, Node value) {
        if (value instanceof ScalarNode scalar && scalar.getTag() == Tag.NULL && scalar.getValue().isEmpty()) {
            ConfigEntry toDo = toDo(key, keyNode);
            if (toDo != null) {
                return toDo;
            }
        }
        if (value instanceof ScalarNode scalar) {
            Tag tag = scalar.getTag();
            ValueKind kind = tag == Tag.NULL ? ValueKind.NULL : tag == Tag.INT || tag == Tag.FLOAT ? ValueKind.NUMBER
                    : tag == Tag.BOOL ? ValueKind.BOOLEAN : ValueKind.STRING;
            return new ConfigEntry(key, kind == ValueKind.NULL ? null : scalar.getValue(), kind, range(keyNode),
                    range(value));
        }
        ValueKind kind = value instanceof SequenceNode ? ValueKind.ARRAY : ValueKind.OBJECT;
        return new ConfigEntry(key, null, kind, range(keyNode), range(value));
    }

    /**
     * A key left without a value for the reader to fill in, as an exercise's template leaves it
     * ({@code topic.prefix: # TODO}): the comment is its value, a placeholder no rule judges. Null
     * when the comment says no such thing.
     */
    private ConfigEntry toDo(String key, Node keyNode) {
        Location keyAt = range(keyNode);
        int lineStart = 0;
        for (int line = 1; line < keyAt.endLine() && lineStart >= 0; line++) {
            lineStart = text.indexOf('\n', lineStart);
            lineStart = lineStart < 0 ? -1 : lineStart + 1;
        }
        if (lineStart < 0) {
            return null;
        }
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).stripTrailing();
        int hash = line.indexOf('#', Math.min(line.length(), keyAt.endColumn() - 1));
        if (hash < 0 || !line.substring(keyAt.endColumn() - 1, hash).replace(":", "").isBlank()) {
            return null;
        }
        String comment = line.substring(hash);
        if (!References.isToDo(comment)) {
            return null;
        }
        int line0 = keyAt.endLine();
        return new ConfigEntry(key, comment, ValueKind.STRING, keyAt,
                new Location(path, line0, hash + 1, line0, line.length() + 1));
    }

    /** The entry of one key of a mapping, named as the config names it; null when the key is absent. */
    private ConfigEntry entry(String configKey, MappingNode map, String yamlKey) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode keyNode && keyNode.getValue().equals(yamlKey)) {
                return toEntry(configKey, keyNode, tuple.getValueNode());
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, ConfigEntry> map, String key, ConfigEntry entry) {
        if (entry != null) {
            map.put(key, entry);
        }
    }

    private Location range(Node node) {
        return YamlNodes.range(path, node);
    }

    private Location start(Node node) {
        return node.getStartMark().map(this::start).orElse(Location.startOf(path));
    }

    private Location start(Mark mark) {
        return Location.at(path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The reader registered for this format. */
    static final class Reader extends FormatReader.Text {
        @Override
        protected LoadedFile read(InputId input, String text) {
            return load(input, text);
        }
    }
}
