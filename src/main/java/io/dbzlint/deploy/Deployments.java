package io.dbzlint.deploy;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * Where each connector runs, inferred from how a repository lays its configs out, as people do:
 * <ul>
 *   <li>each example of a documentation page (Markdown, AsciiDoc) is its own deployment: a page
 *       shows alternatives as often as a set;</li>
 *   <li>a compose project (a folder with docker-compose.yml or compose.yaml) holds the configs beside
 *       and below it: each demo folder with its own stack is its own deployment;</li>
 *   <li>an environment folder ({@code dev}, {@code staging}, {@code prod} ...; Kustomize overlays)
 *       is its own deployment, and so is a Kubernetes folder ({@code k8s}, {@code kubernetes},
 *       {@code openshift}, {@code helm}) beside a compose stack;</li>
 *   <li>the nearest of a compose project and an environment folder wins; elsewhere the repository
 *       is one deployment;</li>
 *   <li>within a file, a Strimzi KafkaConnector runs on the KafkaConnect its
 *       {@code strimzi.io/cluster} label names (in its namespace), sharing the stack's Kafka, and
 *       each Debezium Server runs its one connector to a sink of its own (alternative
 *       application-*.properties of one folder are profiles, one of them run).</li>
 * </ul>
 * The project config's {@code deployments:} beat all of these. Only the project's own folders are
 * looked at, and only for names: no file is read, no link is followed out of the project.
 */
public final class Deployments {

    private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "docker-compose.yaml",
            "compose.yml", "compose.yaml");
    private static final Set<String> ENVIRONMENTS = Set.of("dev", "development", "test", "testing", "qa", "uat",
            "stage", "staging", "preprod", "pre-prod", "prod", "production", "live", "local", "sandbox");
    /** Folders of a platform's manifests: a Kubernetes deployment beside a compose one is another cluster. */
    private static final Set<String> PLATFORMS = Set.of("k8s", "kubernetes", "openshift", "helm");

    private final Path root;
    private final Function<InputId, Optional<Deployment>> declared;
    /** Per folder (project-relative, "" for the root): its compose file's name, or "" for none. */
    private final Map<String, String> composeFiles = new HashMap<>();
    /** The deployment of the files of a folder (not pages, not declared), by folder. */
    private final Map<String, Deployment> byFolder = new HashMap<>();
    /** What the whole project names, when a config's folders up name no runtime; null until asked. */
    private ReleaseEvidence.Project projectReleases;
    /** Per folder: the release its build or container files name, or empty. */
    private final Map<String, ReleaseEvidence.Named> releases = new HashMap<>();

    /**
     * @param projectRoot the folder project paths are relative to
     * @param declared the deployment the project config puts an input in, which beats any inferred
     */
    public Deployments(Path projectRoot, Function<InputId, Optional<Deployment>> declared) {
        this.root = projectRoot.toAbsolutePath().normalize();
        this.declared = declared;
    }

    /**
     * The deployment of every connector of an input, before what the connector itself says, with the
     * Debezium release the nearest folder from the input's up to the project root names.
     */
    public Deployment of(InputId input) {
        String path = input.projectPath();
        boolean page = input.format() == InputFormat.MARKDOWN || input.format() == InputFormat.ASCIIDOC;
        if (path == null || page || declared.apply(input).isPresent()) {
            return placeWithRelease(input);
        }
        // every other file of a folder is placed alike: worked out once per folder, as a run may hold thousands
        int slash = path.lastIndexOf('/');
        Deployment folder = byFolder.computeIfAbsent(slash < 0 ? "" : path.substring(0, slash),
                f -> placeWithRelease(input));
        String token = environmentOf(path);
        if (token == null) {
            return folder;
        }
        // register-postgres-docker.json beside register-postgres-k8s.json: one connector per environment
        String own = folder.name() + " [" + token + "]";
        return folder.inside(own, "a file named for an environment or platform (" + token + ")", own);
    }

    private Deployment placeWithRelease(InputId input) {
        Deployment placed = place(input);
        String path = input.projectPath();
        if (path == null) {
            return placed;
        }
        Deployment deployment = postgresImage(path).map(placed::withPostgresImage).orElse(placed);
        // what runs the connectors (an image) from the nearest folder up, before what a build depends on
        String[] parts = path.split("/");
        ReleaseEvidence.Found build = null;
        for (int depth = parts.length - 1; depth >= 0; depth--) {
            String folder = String.join("/", Arrays.copyOf(parts, depth));
            ReleaseEvidence.Named named = releases.computeIfAbsent(folder, f -> ReleaseEvidence.named(
                    f.isEmpty() ? root : root.resolve(f), f.isEmpty() ? "" : f + "/"));
            if (named.runtime() != null) {
                return deployment.running(named.runtime().release(), named.runtime().where());
            }
            if (build == null) {
                build = named.build();
            }
        }
        // a runtime anywhere in the project beats a build up the path: an application that embeds
        // Debezium says little of the Kafka Connect its scripts post to; several runtimes say nothing
        if (projectReleases == null) {
            projectReleases = ReleaseEvidence.inProject(root);
        }
        ReleaseEvidence.Project project = projectReleases;
        if (project.runtime() != null) {
            return project.runtimeLines() == 1 ? deployment.running(project.runtime().release(),
                    project.runtime().where() + ", the one release the project runs")
                    : deployment.amongReleases(project.runtimeReleases());
        }
        if (build != null) {
            return deployment.running(build.release(), build.where());
        }
        return project.build() != null && project.buildLines() == 1 ? deployment.running(project.build().release(),
                project.build().where() + ", the one release the project builds with") : deployment;
    }

    /**
     * Where the stack of a config runs Debezium's PostgreSQL image: the nearest folder up that names
     * one, up to the config's own compose project; outside any, where the project keeps its stack.
     */
    private Optional<String> postgresImage(String path) {
        String[] parts = path.split("/");
        for (int depth = parts.length - 1; depth >= 0; depth--) {
            String folder = String.join("/", Arrays.copyOf(parts, depth));
            ReleaseEvidence.Named named = releases.computeIfAbsent(folder, f -> ReleaseEvidence.named(
                    f.isEmpty() ? root : root.resolve(f), f.isEmpty() ? "" : f + "/"));
            if (named.postgresImage() != null) {
                return Optional.of(named.postgresImage());
            }
            if (!composeFile(folder).isEmpty()) {
                return Optional.empty(); // the config's own compose stack runs another PostgreSQL
            }
        }
        if (projectReleases == null) {
            projectReleases = ReleaseEvidence.inProject(root);
        }
        return Optional.ofNullable(projectReleases.postgresImage());
    }

    private Deployment place(InputId input) {
        Optional<Deployment> named = declared.apply(input);
        if (named.isPresent()) {
            return named.get();
        }
        return placeByFolders(input);
    }

    /** Platforms a file name may be for, besides the environments and the Kubernetes folders' names. */
    private static final Set<String> FILE_PLATFORMS = Set.of("docker", "compose", "minikube", "kind", "k3s", "brew",
            "homebrew", "ecs", "eks", "gke", "aks");

    /**
     * The environment or platform a file's name is for ({@code orders-prod.json},
     * {@code register-postgres-k8s.json}), or null.
     */
    static String environmentOf(String projectPath) {
        String name = projectPath.substring(projectPath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        // the stack's own file names its tool, not an environment: docker-compose.prod.yml is for prod
        base = base.startsWith("docker-compose") ? base.substring("docker-compose".length())
                : base.startsWith("compose") ? base.substring("compose".length()) : base;
        for (String token : base.split("[-_.]")) {
            if (ENVIRONMENTS.contains(token) || PLATFORMS.contains(token) || FILE_PLATFORMS.contains(token)) {
                return token;
            }
        }
        return null;
    }

    private Deployment placeByFolders(InputId input) {
        String path = input.projectPath();
        if (input.format() == InputFormat.MARKDOWN || input.format() == InputFormat.ASCIIDOC) {
            return new Deployment(input.stablePath(), "a documentation page: its examples stand alone");
        }
        if (path == null) {
            return Deployment.REPOSITORY; // standard input, or a file outside the project
        }
        String[] parts = path.split("/");
        // the nearest folder that makes a deployment, from the file's own folder up
        for (int depth = parts.length - 1; depth >= 1; depth--) {
            String folder = String.join("/", Arrays.copyOf(parts, depth));
            String compose = composeFile(folder);
            if (!compose.isEmpty()) {
                return new Deployment(folder + "/", "a compose project (" + folder + "/" + compose + ")");
            }
            String name = parts[depth - 1].toLowerCase(Locale.ROOT);
            if (ENVIRONMENTS.contains(name)) {
                return new Deployment(folder + "/", "an environment folder (" + parts[depth - 1] + ")");
            }
            if (PLATFORMS.contains(name)) {
                return new Deployment(folder + "/", "a Kubernetes folder (" + parts[depth - 1] + ")");
            }
        }
        return Deployment.REPOSITORY; // a compose project at the root is the repository's own
    }

    /** The deployment of one connector of a file: the file's, unless the connector names its own runtime. */
    public static Deployment of(Connector connector, Deployment file) {
        InputFormat format = connector.location().input().format();
        if (!file.declared() && (format == InputFormat.MARKDOWN || format == InputFormat.ASCIIDOC)) {
            // a page's examples are alternatives as often as a set: each stands alone
            String example = file.name() + ":" + connector.location().line();
            return file.inside(example, "an example on a documentation page: it stands alone", example);
        }
        if (connector.runsOnDebeziumEngine()) {
            // one server per file: alternative application-*.properties of one folder are alternatives
            String own = connector.location().input().stablePath() + " " + connector.name();
            return file.inside(own, "a Debezium Server or engine runs this connector alone, to a sink of its own",
                    own);
        }
        ConfigEntry unposted = connector.envelope().get(Connector.UNPOSTED_VARIABLE);
        if (unposted != null && !file.declared()) {
            // a body the script keeps in a variable it never expands: an alternative it does not send
            String own = connector.location().input().stablePath() + " $" + unposted.text();
            return file.inside(own, "a body the script assigns to $" + unposted.text() + " and never posts", own);
        }
        ConfigEntry cluster = connector.envelope().get(Connector.STRIMZI_CLUSTER);
        if (cluster != null && cluster.hasText()) {
            ConfigEntry namespace = connector.envelope().get(Connector.NAMESPACE);
            String where = (namespace != null && namespace.hasText() ? namespace.text().trim() + "/" : "")
                    + cluster.text().trim();
            return file.inside(file.name() + " strimzi:" + where, "the Strimzi KafkaConnect " + where
                    + " (strimzi.io/cluster)", file.stack());
        }
        return file;
    }

    /** The compose file in a project folder, or "": a look at names only, never through a link out. */
    private String composeFile(String folder) {
        return composeFiles.computeIfAbsent(folder, f -> {
            Path dir = f.isEmpty() ? root : root.resolve(f);
            for (String name : COMPOSE_FILES) {
                if (Files.isRegularFile(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    return name;
                }
            }
            return "";
        });
    }
}
