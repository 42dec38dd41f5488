package io.dbzlint.deploy;

import io.dbzlint.json.JsonTree;
import io.dbzlint.model.Deployment;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a compose stack runs, as compose runs it: each service's {@code image:}, or for a service it
 * builds ({@code build:}, a context, or a map of context, dockerfile and args), the image its
 * Dockerfile's last stage starts FROM. A build gets only its {@code build.args}: the {@code .env}
 * beside the compose file fills in the compose file's own {@code ${VAR}}s, never a Dockerfile's
 * ARGs, which keep their defaults. (A FROM of an image another service of the stack builds needs no
 * following: that service is read too.) Only the project's own files are read, as
 * {@link ReleaseEvidence} reads them, never through a link.
 */
final class ComposeFile {

    /**
     * What a stack runs.
     *
     * @param releases the Debezium release lines its Kafka Connect or Debezium Server services run,
     *     in the order of the services, each with where it is read
     * @param postgresImage where it runs Debezium's PostgreSQL image, which ships decoderbufs, or null
     * @param connect whether it runs a Kafka Connect or a Debezium Server at all, of a release read or not
     * @param clusters its Kafka Connect services that name the Kafka they join, in file order
     */
    record Runs(List<ReleaseEvidence.Found> releases, String postgresImage, boolean connect,
                List<ConnectService> clusters, java.util.Set<String> posts, java.util.Set<String> mounts) {

        static final Runs NOTHING = new Runs(List.of(), null, false, List.of(), java.util.Set.of(), java.util.Set.of());

        Runs(List<ReleaseEvidence.Found> releases, String postgresImage, boolean connect) {
            this(releases, postgresImage, connect, List.of(), java.util.Set.of(), java.util.Set.of());
        }

        /** Whether the stack posts a project file by its name or mounts it (or a folder above it) into a service. */
        boolean takes(String projectPath) {
            if (posts.contains(projectPath.substring(projectPath.lastIndexOf('/') + 1))) {
                return true;
            }
            for (String mounted : mounts) {
                if ((projectPath + "/").startsWith(mounted)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether its Connect services join more than one Kafka: two clusters, two sites of a failover demo. */
        boolean severalKafkas() {
            return clusters.stream().map(ConnectService::kafka).distinct().count() > 1;
        }

        /** How many release lines the stack runs. */
        long lines() {
            return releases.stream().map(ReleaseEvidence.Found::release).distinct().count();
        }
    }

    /** A service as the stack's files declare it, later files overriding earlier ones. */
    private record Service(String name, String image, JsonNode build, String file, JsonNode environment) {
    }

    /** A Kafka Connect service of a stack and the Kafka it joins (its BOOTSTRAP_SERVERS). */
    record ConnectService(String name, String kafka) {
    }

    /** Where Debezium's and Confluent's Connect images take the Kafka a worker joins. */
    private static final List<String> BOOTSTRAP = List.of("BOOTSTRAP_SERVERS", "CONNECT_BOOTSTRAP_SERVERS");

    /** What a service's image is, once its build is followed: the reference, and where it is read. */
    private record Image(String reference, String where, String dockerfileText) {
    }

    private final Path root;
    private final String shown;
    private final Map<String, String> env;
    private final Map<String, Service> services = new LinkedHashMap<>();

    private ComposeFile(Path root, String folder) {
        this.root = root;
        this.shown = folder.isEmpty() ? "" : folder + "/";
        this.env = dotEnv(ReleaseEvidence.readInside(root, dir().resolve(".env")));
    }

    private Path dir() {
        return shown.isEmpty() ? root : root.resolve(shown);
    }

    /**
     * What the stack of some compose files of a folder runs.
     *
     * @param root the project root, which no file read may leave
     * @param folder the compose files' folder, project-relative ("" for the root)
     * @param files the stack's compose files, the base first, as {@code docker compose -f} takes them
     */
    static Runs read(Path root, String folder, List<String> files) {
        ComposeFile stack = new ComposeFile(root, folder);
        for (String file : files) {
            stack.declare(file);
        }
        return stack.runs();
    }

    /** The names of the files the stack's services post with curl, without folders. */
    private final java.util.Set<String> posts = new java.util.HashSet<>();
    /** The project folders and files the stack's services mount from the project, each ending in /. */
    private final java.util.Set<String> mounts = new java.util.HashSet<>();

    private void declare(String file) {
        String text = ReleaseEvidence.readInside(root, dir().resolve(file));
        if (text == null) {
            return;
        }
        JsonNode tree;
        try {
            // read as ISO-8859-1 for its patterns; as YAML, UTF-8: a comment's "ğ" or "—" read as
            // ISO-8859-1 holds C1 controls, which YAML refuses, and the whole file was ignored
            tree = JsonTree.readYaml(shown + file, new String(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (JsonTree.InvalidJson | RuntimeException e) {
            return; // a compose file dbzlint cannot read says nothing
        }
        JsonNode declared = tree.path("services");
        if (!declared.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : declared.properties()) {
            JsonNode spec = entry.getValue();
            if (!spec.isObject()) {
                continue;
            }
            Service earlier = services.get(entry.getKey());
            String image = spec.path("image").isString() ? spec.get("image").asString() : null;
            JsonNode build = spec.has("build") ? spec.get("build") : null;
            JsonNode environment = spec.has("environment") ? spec.get("environment") : null;
            for (JsonNode volume : spec.path("volumes")) {
                String source = volume.isString() ? volume.asString().split(":", 2)[0]
                        : volume.path("source").isString() ? volume.get("source").asString() : null;
                if (source != null && (source.startsWith("./") || source.startsWith("../")) && source.indexOf('$') < 0) {
                    String mounted = io.dbzlint.model.InputId.resolve(shown.isEmpty() ? "" : shown.substring(0, shown.length() - 1), source);
                    if (mounted != null) {
                        mounts.add(mounted.endsWith("/") ? mounted : mounted + "/");
                    }
                }
            }
            for (String field : List.of("command", "entrypoint")) {
                Matcher posted = POSTED.matcher(spec.path(field).toString());
                while (posted.find()) {
                    String path = posted.group(1);
                    posts.add(path.substring(path.lastIndexOf('/') + 1));
                }
            }
            services.put(entry.getKey(), new Service(entry.getKey(),
                    image != null ? image : earlier == null ? null : earlier.image(),
                    build != null ? build : earlier == null ? null : earlier.build(), shown + file,
                    environment != null ? environment : earlier == null ? null : earlier.environment()));
        }
    }

    private Runs runs() {
        List<ReleaseEvidence.Found> releases = new ArrayList<>();
        String postgres = null;
        boolean connect = false;
        List<ConnectService> clusters = new ArrayList<>();
        for (Service service : services.values()) {
            Image image = imageOf(service);
            boolean runsConnect = CONNECT_SERVICE.matcher(service.name()).find()
                    || image != null && image.reference() != null && CONNECT_IMAGE.matcher(image.reference()).find();
            connect |= runsConnect;
            String kafka = runsConnect ? variable(service.environment(), BOOTSTRAP) : null;
            if (kafka != null) {
                clusters.add(new ConnectService(service.name(), kafka.trim()));
            }
            if (image == null) {
                continue;
            }
            ReleaseEvidence.Found release = releaseOf(image);
            if (release != null) {
                releases.add(release);
                connect = true;
            }
            if (postgres == null && image.reference() != null && ReleaseEvidence.isPostgresImage(image.reference())) {
                postgres = image.where() + image.reference();
            } else if (postgres == null && image.dockerfileText() != null
                    && DECODERBUFS.matcher(image.dockerfileText()).find()) {
                postgres = image.where().replaceFirst(": (FROM )?$", "") + ": a build that installs decoderbufs";
            } else if (postgres == null && image.dockerfileText() != null
                    && WAL2JSON.matcher(image.dockerfileText()).find()) {
                postgres = image.where().replaceFirst(": (FROM )?$", "") + Deployment.INSTALLS_WAL2JSON;
            }
        }
        return new Runs(List.copyOf(releases), postgres, connect, List.copyOf(clusters), java.util.Set.copyOf(posts),
                java.util.Set.copyOf(mounts));
    }

    /** A file a service's command posts with curl: {@code -d @mysql_config.json}. */
    private static final Pattern POSTED = Pattern.compile(
            "(?:-d|--data(?:-binary|-raw)?)(?:\\s+|=)?@([^\\s'\"\\\\;&|)]+)");

    /** The value of the first of some variables a service's environment sets (a map, or a list of NAME=value). */
    private static String variable(JsonNode environment, List<String> names) {
        if (environment == null) {
            return null;
        }
        for (String name : names) {
            if (environment.isObject() && environment.path(name).isValueNode() && !environment.get(name).isNull()) {
                return environment.get(name).asString();
            }
            if (environment.isArray()) {
                for (JsonNode item : environment) {
                    String text = item.isString() ? item.asString() : "";
                    if (text.startsWith(name + "=")) {
                        return text.substring(name.length() + 1);
                    }
                }
            }
        }
        return null;
    }

    /**
     * A PostgreSQL build of the project's own that installs Debezium's decoderbufs plugin: clones or
     * builds postgres-decoderbufs, or preloads decoderbufs (the default plugin.name works there).
     */
    private static final Pattern DECODERBUFS = Pattern.compile(
            "(?i)postgres-decoderbufs|decoderbufs\\.so|shared_preload_libraries\\s*=\\s*'?[^'\\n]*decoderbufs");

    /**
     * A PostgreSQL build of the project's own that installs the wal2json plugin (a package, the
     * library, or a preload): plugin.name wal2json works there, on releases that still take it.
     */
    private static final Pattern WAL2JSON = Pattern.compile(
            "(?i)postgresql-\\S*-wal2json|wal2json\\.so|shared_preload_libraries\\s*=\\s*'?[^'\\n]*wal2json");

    /** A service that runs connectors, by its name (connect, kafka-connect, debezium-server) or its image. */
    private static final Pattern CONNECT_SERVICE = Pattern.compile("(?i)connect|debezium");
    private static final Pattern CONNECT_IMAGE = Pattern.compile(
            "(?i)debezium/(?:connect|server|connect-base|debezium-server)\\b|kafka-connect|/connect(?:[:@]|$)");

    private static ReleaseEvidence.Found releaseOf(Image image) {
        ReleaseEvidence.Found found = image.reference() == null ? null : ReleaseEvidence.image(image.reference());
        if (found != null) {
            return new ReleaseEvidence.Found(found.release(), image.where() + found.where());
        }
        if (image.dockerfileText() == null) {
            return null;
        }
        // an image of another vendor's Kafka Connect that the build adds Debezium's plugins to
        return ReleaseEvidence.download(image.dockerfileText(), image.where().replaceFirst(": (FROM )?$", ""));
    }

    /**
     * A service's image: for a build, what its Dockerfile's last stage is FROM; else, or when the
     * build is not the project's to read (a remote context, a Dockerfile elsewhere), the one it names.
     */
    private Image imageOf(Service service) {
        Image built = service.build() == null ? null : built(service);
        if (built != null || service.image() == null) {
            return built;
        }
        return new Image(fill(service.image(), env).trim(), service.file() + ": ", null);
    }

    private Image built(Service service) {
        JsonNode build = service.build();
        String context = build.isString() ? build.asString() : build.path("context").isString()
                ? build.path("context").asString() : ".";
        context = substitute(context, env);
        String dockerfile = build.path("dockerfile").isString() ? substitute(build.path("dockerfile").asString(), env)
                : "Dockerfile";
        String text;
        String where;
        if (build.path("dockerfile_inline").isString()) {
            text = build.path("dockerfile_inline").asString();
            where = service.file() + " (the inline Dockerfile of " + service.name() + ")";
        } else if (context == null || dockerfile == null || context.contains("://") || context.startsWith("git@")) {
            return null; // a remote context is not the project's
        } else {
            Path file;
            try {
                file = dir().resolve(context).resolve(dockerfile).normalize();
            } catch (InvalidPathException e) {
                return null;
            }
            text = ReleaseEvidence.readInside(root, file);
            if (text == null && !build.path("dockerfile").isString()) {
                // Docker's builders fall back to a lower-case dockerfile when the default name is absent
                file = file.resolveSibling("dockerfile");
                text = ReleaseEvidence.readInside(root, file);
            }
            where = root.relativize(file).toString().replace('\\', '/');
        }
        if (text == null) {
            return null;
        }
        Dockerfile parsed = Dockerfile.parse(text, buildArgs(build.path("args")));
        if (parsed.from() == null) {
            return new Image(null, where + ": ", parsed.text());
        }
        return new Image(parsed.from(), where + " (the build of " + service.name() + " in " + service.file()
                + "): FROM ", parsed.text());
    }

    /** A build's args, as compose passes them: a map, or a list of NAME=value; a bare NAME comes from a shell unknown here. */
    private Map<String, String> buildArgs(JsonNode args) {
        Map<String, String> values = new HashMap<>();
        if (args.isObject()) {
            for (Map.Entry<String, JsonNode> arg : args.properties()) {
                if (!arg.getValue().isNull() && !arg.getValue().isObject() && !arg.getValue().isArray()) {
                    values.put(arg.getKey(), substitute(arg.getValue().asString(), env));
                }
            }
        } else if (args.isArray()) {
            for (JsonNode arg : args.values()) {
                String text = arg.asString();
                int equals = text.indexOf('=');
                if (equals > 0) {
                    values.put(text.substring(0, equals).trim(), substitute(text.substring(equals + 1), env));
                }
            }
        }
        return values;
    }

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))|\\$\\$");

    /**
     * A value with its variables filled in, as compose (and a Dockerfile) does: ${NAME}, $NAME,
     * ${NAME:-default}, ${NAME-default}, ${NAME:+other}; null when one has no value here.
     */
    static String substitute(String text, Map<String, String> values) {
        return substitute(text, values, false);
    }

    /** The same, leaving a variable without a value here as it is written: its text names no release. */
    static String fill(String text, Map<String, String> values) {
        return substitute(text, values, true);
    }

    private static String substitute(String text, Map<String, String> values, boolean partial) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        int end = 0;
        while (matcher.find()) {
            out.append(text, end, matcher.start());
            end = matcher.end();
            if (matcher.group().equals("$$")) {
                out.append('$');
                continue;
            }
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
            String operator = matcher.group(2);
            String value = values.get(name);
            boolean empty = value == null || value.isEmpty();
            if (operator == null || operator.endsWith("?")) {
                if (value == null && !partial) {
                    return null;
                }
                out.append(value == null ? matcher.group() : value);
            } else if (operator.endsWith("-")) {
                String fallback = operator.startsWith(":") ? empty ? matcher.group(3) : value
                        : value == null ? matcher.group(3) : value;
                if (fallback.indexOf('$') >= 0 && !partial) {
                    return null;
                }
                out.append(fallback.indexOf('$') >= 0 ? matcher.group() : fallback);
            } else { // + : the other value when set
                boolean set = operator.startsWith(":") ? !empty : value != null;
                out.append(set ? matcher.group(3) : "");
            }
        }
        return out.append(text, end, text.length()).toString();
    }

    /** The variables of a .env file: NAME=value lines, quotes and a trailing comment removed. */
    static Map<String, String> dotEnv(String text) {
        Map<String, String> values = new HashMap<>();
        if (text == null) {
            return values;
        }
        for (String line : text.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("export ")) {
                trimmed = trimmed.substring("export ".length()).strip();
            }
            int equals = trimmed.indexOf('=');
            if (trimmed.startsWith("#") || equals <= 0) {
                continue;
            }
            String value = trimmed.substring(equals + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.indexOf(value.charAt(0), 1) > 0) {
                value = value.substring(1, value.indexOf(value.charAt(0), 1));
            } else if (value.contains(" #")) {
                value = value.substring(0, value.indexOf(" #")).strip();
            }
            values.put(trimmed.substring(0, equals).strip(), value);
        }
        return values;
    }
}
