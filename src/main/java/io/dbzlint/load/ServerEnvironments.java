package io.dbzlint.load;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.model.ValueKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Debezium Server configured by environment variables: a compose service running a Debezium Server
 * image whose {@code environment} sets {@code DEBEZIUM_SOURCE_DATABASE_HOSTNAME} and the like.
 * Debezium Server reads each such variable as the property it spells ({@code _} a dot, {@code __}
 * an underscore, lower case), and Quarkus gives a variable whose name is a property's of another
 * source, spelled so, precedence over that source (environment ordinal 300, application.properties
 * 250 or 260). So:
 * <ul>
 *   <li>a service that mounts no configuration is configured by its environment alone: its
 *       connector is read from the compose file ({@link #connectorsOf});</li>
 *   <li>a service that mounts an application.properties (or .yaml) of the project, or a folder
 *       holding one, at Debezium Server's config folder: its variables are merged into that file's
 *       connector, beating the file's own values, each at its place in the compose file
 *       ({@link #of}, {@link #merged}).</li>
 * </ul>
 * A service with an {@code env_file}, or that mounts a config the project does not hold, is not
 * read: part of its configuration is elsewhere.
 */
public final class ServerEnvironments {

    /** No compose file configures a Debezium Server. */
    public static final ServerEnvironments NONE = new ServerEnvironments(Map.of());

    private static final String SOURCE_VARIABLE = "DEBEZIUM_SOURCE_";
    /** Debezium Server's images, and images built on them: debezium/server, quay.io/debezium/server, x/debezium-server-iceberg. */
    private static final Pattern SERVER_IMAGE = Pattern.compile(
            "(?:^|/)debezium/server(?:[:@].*)?|(?:^|/)[a-z0-9._-]*debezium-server[a-z0-9._-]*(?:[:@].*)?");
    /** What Debezium Server reads as an environment variable's property name (its SHELL_PROPERTY_NAME_PATTERN). */
    private static final Pattern SHELL_NAME = Pattern.compile("[a-zA-Z0-9_]+_+[a-zA-Z0-9_]+");
    private static final List<String> CONFIG_FILES = List.of("application.properties", "application.yaml",
            "application.yml");

    /** A variable as the compose file writes it; value null when passed through from the shell ({@code - NAME}). */
    record Variable(String name, String value, Location nameLocation, Location valueLocation) {
    }

    /**
     * One Debezium Server service.
     *
     * @param configs the project paths of the configuration files it mounts (a mounted folder's
     *     application.properties and application.yaml)
     * @param mountsConfig whether it mounts any configuration, of the project or not
     */
    record Service(String name, Location at, List<Variable> variables, List<String> configs, boolean mountsConfig,
                   boolean envFile) {

        boolean configuresSource() {
            return variables.stream().anyMatch(v -> v.name().startsWith(SOURCE_VARIABLE));
        }
    }

    /** The service mounting each config file, by the file's project path. */
    private final Map<String, Service> byConfig;

    private ServerEnvironments(Map<String, Service> byConfig) {
        this.byConfig = byConfig;
    }

    /** Whether an input may be a compose file that configures a Debezium Server: a YAML file named for compose. */
    public static boolean mayConfigure(InputId input) {
        return input.format() == InputFormat.YAML && input.projectPath() != null
                && input.projectPath().substring(input.projectPath().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                        .contains("compose");
    }

    /**
     * What the compose files among the inputs say of the inputs' Debezium Server configs.
     *
     * @param composeFiles the text of each compose file ({@link #mayConfigure})
     * @param inputs the project paths of every input: a mounted file is merged where it is linted
     */
    public static ServerEnvironments of(Map<InputId, String> composeFiles, Set<String> inputs) {
        Map<String, Service> byConfig = new HashMap<>();
        for (Map.Entry<InputId, String> compose : composeFiles.entrySet()) {
            if (!compose.getValue().contains("DEBEZIUM_")) {
                continue;
            }
            for (Service service : read(compose.getKey(), compose.getValue())) {
                if (service.envFile() || service.variables().isEmpty()) {
                    continue;
                }
                for (String config : service.configs()) {
                    if (inputs.contains(config)) {
                        byConfig.putIfAbsent(config, service);
                    }
                }
            }
        }
        return byConfig.isEmpty() ? NONE : new ServerEnvironments(Map.copyOf(byConfig));
    }

    /**
     * Every variable of a compose file's Debezium Servers, as config entries of the keys they set at
     * the variables' places: what a compose file holds of their configs, merged into a mounted file
     * or not (what masks their secrets in output that shows the file's lines).
     */
    public static List<ConfigEntry> variables(InputId compose, String text) {
        List<ConfigEntry> entries = new ArrayList<>();
        for (Service service : read(compose, text)) {
            for (Variable variable : service.variables()) {
                String property = propertyName(variable.name(), Map.of()).orElse(null);
                // the sink's too: a broker's password is as secret as the database's
                String key = property == null ? null : java.util.Objects.requireNonNullElse(
                        PropertiesConnectors.serverKey(property), property);
                if (key != null && variable.value() != null) {
                    entries.add(new ConfigEntry(key, variable.value(), ValueKind.STRING, variable.nameLocation(),
                            variable.valueLocation()));
                }
            }
        }
        return entries;
    }

    /** The Debezium Server services of a compose file; none when it is not YAML. */
    static List<Service> read(InputId compose, String text) {
        LoadSettings settings = YamlNodes.settings(compose, text);
        List<Service> services = new ArrayList<>();
        try {
            for (Node document : new Compose(settings).composeAllFromString(text)) {
                if (document instanceof MappingNode root) {
                    services.addAll(services(compose, root));
                }
            }
        } catch (YamlEngineException e) {
            return List.of(); // not YAML: the compose reader reports what it can
        }
        return services;
    }

    /** The Debezium Server services of a compose document: its {@code services} that run Debezium Server. */
    static List<Service> services(InputId compose, MappingNode root) {
        Optional<MappingNode> all = YamlNodes.mapping(root, "services");
        if (all.isEmpty()) {
            return List.of();
        }
        List<Service> services = new ArrayList<>();
        for (NodeTuple tuple : all.get().getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode name) || !(tuple.getValueNode() instanceof MappingNode service)) {
                continue;
            }
            List<Variable> variables = variables(compose, service);
            String image = YamlNodes.scalar(service, "image").orElse("").trim();
            boolean server = SERVER_IMAGE.matcher(image).matches()
                    || variables.stream().anyMatch(v -> v.name().equals(SOURCE_VARIABLE + "CONNECTOR_CLASS"));
            if (!server || variables.isEmpty()) {
                continue;
            }
            List<String> configs = new ArrayList<>();
            boolean mountsConfig = mounts(compose, service, configs);
            services.add(new Service(name.getValue(), start(compose, name), variables, configs, mountsConfig,
                    YamlNodes.child(service, "env_file").isPresent()));
        }
        return services;
    }

    /**
     * The connectors a compose document's Debezium Servers are configured with by their
     * environment alone: services that mount no configuration, nor read an env_file.
     */
    static List<Connector> connectorsOf(InputId compose, MappingNode root) {
        List<Connector> connectors = new ArrayList<>();
        for (Service service : services(compose, root)) {
            if (service.mountsConfig() || service.envFile() || !service.configuresSource()) {
                continue;
            }
            List<PropertiesReader.Property> properties = new ArrayList<>();
            for (Variable variable : service.variables()) {
                propertyName(variable.name(), Map.of()).ifPresent(name -> properties.add(property(name, variable)));
            }
            for (Connector connector : PropertiesConnectors.fromProperties(compose, properties).connectors()) {
                // Debezium Server runs one connector; the service names it
                boolean named = connector.config().containsKey("name");
                connectors.add(new Connector(named ? connector.name() : service.name(),
                        named ? connector.nameLocation() : service.at(), connector.location(), connector.type(),
                        connector.config(), connector.envelope()));
            }
        }
        return connectors;
    }

    /**
     * A mounted config's connectors with the variables of the service that mounts it: each variable
     * sets the key it names, over the file's own value; a file that configures no source yet is
     * given the variables' connector.
     */
    LoadedFile merged(LoadedFile file) {
        String path = file.input().projectPath();
        Service service = path == null ? null : byConfig.get(path);
        if (service == null) {
            return file;
        }
        List<Connector> connectors = file.connectors();
        if (connectors.isEmpty()) {
            List<PropertiesReader.Property> properties = new ArrayList<>();
            for (Variable variable : service.variables()) {
                propertyName(variable.name(), Map.of()).ifPresent(name -> properties.add(property(name, variable)));
            }
            LoadedFile alone = PropertiesConnectors.fromProperties(file.input(), properties);
            List<LoadProblem> problems = new ArrayList<>(file.problems());
            problems.addAll(alone.problems());
            return new LoadedFile(file.input(), alone.connectors(), problems, file.branches());
        }
        List<Connector> merged = new ArrayList<>(connectors.size());
        for (Connector connector : connectors) {
            if (!connector.runsOnDebeziumServer()) {
                merged.add(connector);
                continue;
            }
            // the file's keys, as the properties Quarkus would match a variable against
            Map<String, String> fileKeys = new HashMap<>();
            for (String key : connector.config().keySet()) {
                String property = PropertiesConnectors.serverProperty(key);
                fileKeys.put(environmentForm(property), property);
            }
            Map<String, ConfigEntry> config = new LinkedHashMap<>(connector.config());
            Map<String, ConfigEntry> envelope = new LinkedHashMap<>(connector.envelope());
            for (Variable variable : service.variables()) {
                Optional<String> property = propertyName(variable.name(), fileKeys);
                Optional<String> key = property.map(PropertiesConnectors::serverKey);
                if (key.isEmpty() && property.isPresent()) {
                    envelope.remove(property.get()); // the variable's value over the file's
                    PropertiesConnectors.serverSecret(property(property.get(), variable))
                            .ifPresent(secret -> envelope.put(secret.key(), secret));
                }
                if (key.isPresent()) {
                    config.remove(key.get()); // the variable's value, in the order it is set
                    config.put(key.get(), new ConfigEntry(key.get(), variable.value() == null ? "${" + variable.name()
                            + "}" : variable.value(), ValueKind.STRING, variable.nameLocation(), variable.valueLocation()));
                }
            }
            merged.add(new Connector(connector.name(), connector.nameLocation(), connector.location(), connector.type(),
                    config, envelope, connector.deployment()));
        }
        return new LoadedFile(file.input(), merged, file.problems(), file.branches());
    }

    /** A variable passed through from the shell has a value only known where it runs: a reference to it. */
    private static PropertiesReader.Property property(String name, Variable variable) {
        String value = variable.value() == null ? "${" + variable.name() + "}" : variable.value();
        return new PropertiesReader.Property(name, value, value, variable.nameLocation(), variable.valueLocation());
    }

    /**
     * The property a variable sets: the property of the file it matches as Quarkus matches one
     * ({@link #environmentForm}), else the name as Debezium Server spells it out ({@code _} a dot,
     * {@code __} an underscore, lower case); empty for a name Debezium Server does not read so.
     */
    static Optional<String> propertyName(String variable, Map<String, String> fileKeys) {
        String known = fileKeys.get(variable);
        if (known != null) {
            return Optional.of(known);
        }
        if (!SHELL_NAME.matcher(variable).matches()) {
            return Optional.empty();
        }
        return Optional.of(variable.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_')
                .toLowerCase(Locale.ROOT));
    }

    /** A property's name as an environment variable, as MicroProfile Config looks one up: upper case, other characters _. */
    static String environmentForm(String property) {
        StringBuilder form = new StringBuilder(property.length());
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            form.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return form.toString();
    }

    /** The DEBEZIUM_ variables of a service's environment, as a map or as a list of NAME=value. */
    private static List<Variable> variables(InputId compose, MappingNode service) {
        List<Variable> variables = new ArrayList<>();
        Optional<Node> environment = YamlNodes.child(service, "environment");
        if (environment.isPresent() && environment.get() instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().startsWith("DEBEZIUM_")) {
                    Node value = tuple.getValueNode();
                    String text = value instanceof ScalarNode scalar && scalar.getTag() != Tag.NULL ? scalar.getValue()
                            : null;
                    variables.add(new Variable(key.getValue(), text, range(compose, key),
                            text == null ? range(compose, key) : range(compose, value)));
                }
            }
        } else if (environment.isPresent() && environment.get() instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                if (item instanceof ScalarNode scalar && scalar.getValue().startsWith("DEBEZIUM_")) {
                    variables.add(listed(compose, scalar));
                }
            }
        }
        return variables;
    }

    /** {@code - NAME=value}: the name and the value at their columns when the item is on one line. */
    private static Variable listed(InputId compose, ScalarNode item) {
        String written = item.getValue();
        int equals = written.indexOf('=');
        Location whole = range(compose, item);
        int quote = item.getScalarStyle() == ScalarStyle.PLAIN ? 0 : 1;
        boolean oneLine = whole.line() == whole.endLine() && whole.endColumn() - whole.column() == written.length() + 2 * quote;
        if (equals < 0) {
            return new Variable(written, null, whole, whole);
        }
        if (!oneLine) {
            return new Variable(written.substring(0, equals), written.substring(equals + 1), whole, whole);
        }
        int column = whole.column() + quote;
        Location name = new Location(compose, whole.line(), column, whole.line(), column + equals);
        Location value = new Location(compose, whole.line(), column + equals + 1, whole.line(),
                column + written.length());
        return new Variable(written.substring(0, equals), written.substring(equals + 1), name, value);
    }

    /**
     * Whether a service mounts Debezium Server's configuration (a file named application.*, or a
     * folder at /debezium/conf or /debezium/config), adding the project paths of those it mounts from
     * the project.
     */
    private static boolean mounts(InputId compose, MappingNode service, List<String> configs) {
        Optional<Node> volumes = YamlNodes.child(service, "volumes");
        if (volumes.isEmpty() || !(volumes.get() instanceof SequenceNode list)) {
            return false;
        }
        boolean mounted = false;
        for (Node volume : list.getValue()) {
            String source;
            String target;
            if (volume instanceof ScalarNode scalar) {
                String[] parts = scalar.getValue().split(":");
                if (parts.length < 2) {
                    continue; // an anonymous volume
                }
                source = parts[0];
                target = parts[1];
            } else if (volume instanceof MappingNode map) {
                source = YamlNodes.scalar(map, "source").orElse("");
                target = YamlNodes.scalar(map, "target").orElse("");
            } else {
                continue;
            }
            target = target.strip().replaceAll("/+$", "");
            String targetName = target.substring(target.lastIndexOf('/') + 1);
            boolean file = CONFIG_FILES.contains(targetName);
            boolean folder = target.startsWith("/debezium/") && (targetName.equals("conf") || targetName.equals("config"));
            if (!file && !folder) {
                continue;
            }
            mounted = true;
            String host = projectPath(compose, source.strip());
            if (host == null) {
                continue;
            }
            if (file) {
                configs.add(host);
            } else {
                CONFIG_FILES.forEach(name -> configs.add(host.isEmpty() ? name : host + "/" + name));
            }
        }
        return mounted;
    }

    /**
     * A bind mount's host path as a project path, from the compose file's folder; null for a named
     * volume, an absolute path, a variable, or a path that leaves the project.
     */
    private static String projectPath(InputId compose, String source) {
        if (!(source.startsWith("./") || source.startsWith("../") || source.equals("."))
                || source.indexOf('$') >= 0) {
            return null;
        }
        String path = compose.projectPath();
        int slash = path.lastIndexOf('/');
        return InputId.resolve(slash < 0 ? "" : path.substring(0, slash), source);
    }

    private static Location start(InputId input, Node node) {
        return YamlNodes.start(input, node);
    }

    private static Location range(InputId input, Node node) {
        return YamlNodes.range(input, node);
    }
}
