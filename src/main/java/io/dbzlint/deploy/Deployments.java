package io.dbzlint.deploy;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
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
 *   <li>a compose project (a folder with docker-compose.yml or compose.yaml, or a variant such as
 *       docker-compose-mysql.yaml) holds the configs beside and below it: each demo folder with its
 *       own stack is its own deployment. A folder of several stacks holds alternatives, run one at a
 *       time: each is a deployment of its own, with the configs whose names carry its variant
 *       ({@link ComposeFolder});</li>
 *   <li>an environment folder ({@code dev}, {@code staging}, {@code prod} ...; Kustomize overlays)
 *       is its own deployment, and so is a Kubernetes folder ({@code k8s}, {@code kubernetes},
 *       {@code openshift}, {@code helm}) beside a compose stack;</li>
 *   <li>the nearest of a compose project and an environment folder wins; elsewhere the repository
 *       is one deployment;</li>
 *   <li>within a file, a Strimzi KafkaConnector runs on the KafkaConnect its
 *       {@code strimzi.io/cluster} label names (in its namespace), sharing the stack's Kafka (on a
 *       Kubernetes cluster: beside a compose project, another Kafka than the compose stack's), and
 *       each Debezium Server runs its one connector to a sink of its own (alternative
 *       application-*.properties of one folder are profiles, one of them run).</li>
 * </ul>
 * The project config's {@code deployments:} beat all of these. Only the project's own folders are
 * looked at, for names; the release a deployment runs is read from the project's own files
 * ({@link ReleaseEvidence}, {@link ComposeFile}), never through a link out of the project.
 */
public final class Deployments {

    private static final Set<String> ENVIRONMENTS = Set.of("dev", "development", "test", "tests", "testing", "e2e",
            "qa", "uat", "stage", "staging", "preprod", "pre-prod", "prod", "production", "live", "local", "sandbox");
    /** Folders of a platform's manifests: a Kubernetes deployment beside a compose one is another cluster. */
    private static final Set<String> PLATFORMS = Set.of("k8s", "kubernetes", "openshift", "helm");

    private final Path root;
    private final Function<InputId, Optional<Deployment>> declared;
    /** Per folder (project-relative, "" for the root): its compose files. */
    private final Map<String, ComposeFolder> composeFolders = new HashMap<>();
    /** Per folder: the nearest compose project up from it, or none. */
    private final Map<String, Nearest> nearestCompose = new HashMap<>();
    /** Per stack (folder and compose file): what it runs. */
    private final Map<String, ComposeFile.Runs> stacks = new HashMap<>();
    /** The deployment of the files of a folder (not pages, not declared), by folder and the stack they run on. */
    private final Map<String, Deployment> byFolder = new HashMap<>();
    /** What the whole project names, when a config's folders up name no runtime; null until asked. */
    private ReleaseEvidence.Project projectReleases;
    /** Per folder (and stack, in a folder of several): the release its build or container files name, or empty. */
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
        StackChoice choice = path == null ? null : stackOf(path, page);
        if (path == null || page || declared.apply(input).isPresent()) {
            return placeWithRelease(input, choice);
        }
        // every other file of a folder is placed alike (of a folder of several stacks, those of one
        // stack): worked out once per folder, as a run may hold thousands
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        Deployment placed = onItsConnect(path, choice, byFolder.computeIfAbsent(choice == null
                || !choice.compose().alternatives() ? folder : folder + "\u0000" + choice.file(),
                f -> placeWithRelease(input, choice)));
        String token = environmentOf(path);
        if (token == null) {
            return placed;
        }
        // register-postgres-docker.json beside register-postgres-k8s.json: one connector per environment
        String own = placed.name() + " [" + token + "]";
        return placed.inside(own, (SAMPLES.contains(token) ? "a file named as a " : "a file named for an environment or platform (")
                + token + (SAMPLES.contains(token) ? " to copy" : ")"), own);
    }

    /**
     * The compose project nearest up a config's path, and which of its stacks the config runs on.
     *
     * @param stack the stack, or null for a config named for none of a folder's several stacks
     * @param page whether the config is on a documentation page
     */
    private record StackChoice(ComposeFolder compose, ComposeFolder.Stack stack, boolean page, String boundAt,
                               String script, boolean taken) {

        StackChoice(ComposeFolder compose, ComposeFolder.Stack stack, boolean page, String boundAt, String script) {
            this(compose, stack, page, boundAt, script, false);
        }

        /** The folder on the config's path where its stack is found: the compose project's, or the one whose scripts start it. */
        String at() {
            return boundAt != null ? boundAt : compose.folder();
        }

        String file() {
            return stack == null ? "" : stack.file();
        }
    }

    /**
     * A config of a stack whose Connect services join several Kafkas (the two sites of a failover
     * demo, each with its own Kafka and Connect) runs on the one whose distinguishing name its path
     * carries ({@code source-postgres-gebze.json} on {@code debezium-gebze}): on that service's Kafka,
     * apart from the other's. A config that names none of them stays on the stack.
     */
    private Deployment onItsConnect(String path, StackChoice choice, Deployment placed) {
        if (choice == null || choice.stack() == null || placed.declared()) {
            return placed;
        }
        ComposeFile.Runs runs = runsOf(choice.compose(), choice.stack());
        if (!runs.severalKafkas()) {
            return placed;
        }
        String shown = choice.compose().shown();
        String below = path.startsWith(shown) ? path.substring(shown.length()) : path.substring(path.lastIndexOf('/') + 1);
        int dot = below.lastIndexOf('.');
        Set<String> carried = ComposeFolder.tokens(dot > below.lastIndexOf('/') + 1 ? below.substring(0, dot) : below);
        ComposeFile.ConnectService found = null;
        String token = null;
        for (ComposeFile.ConnectService service : runs.clusters()) {
            Set<String> own = new java.util.LinkedHashSet<>(ComposeFolder.tokens(service.name()));
            for (ComposeFile.ConnectService other : runs.clusters()) {
                if (other != service) {
                    own.removeAll(ComposeFolder.tokens(other.name()));
                }
            }
            Optional<String> named = own.stream().filter(carried::contains).findFirst();
            if (named.isPresent()) {
                if (found != null && !found.kafka().equals(service.kafka())) {
                    return placed; // it names two of them: which it runs on is not known
                }
                found = service;
                token = named.get();
            }
        }
        if (found == null) {
            return placed;
        }
        String own = placed.name() + " [" + found.name() + "]";
        return placed.inside(own, placed.evidence() + "; its Connect service " + found.name() + ", one of several on"
                + " Kafkas of their own, as its name says (" + token + "), on the Kafka at " + found.kafka(),
                placed.stack() + " kafka:" + found.kafka());
    }

    /**
     * The compose project nearest up a config's folder: one in a folder on the way, or one a folder
     * on the way starts from elsewhere with its scripts ({@link ScriptedStacks}).
     *
     * @param boundAt the folder whose scripts start it, or null for a compose project on the way
     */
    private record Nearest(ComposeFolder compose, String boundAt, ScriptedStacks.Started started) {
    }

    private static final Nearest NO_COMPOSE = new Nearest(ComposeFolder.NONE, null, null);

    private StackChoice stackOf(String path, boolean page) {
        int slash = path.lastIndexOf('/');
        Nearest nearest = nearestCompose.computeIfAbsent(slash < 0 ? "" : path.substring(0, slash), folder -> {
            String[] parts = folder.isEmpty() ? new String[0] : folder.split("/");
            for (int depth = parts.length; depth >= 0; depth--) {
                String at = String.join("/", Arrays.copyOf(parts, depth));
                ComposeFolder here = composeFolder(at);
                if (!here.isEmpty()) {
                    return new Nearest(here, null, null);
                }
                Optional<ScriptedStacks.Started> started = ScriptedStacks.of(root, at);
                if (started.isPresent()) {
                    String file = started.get().file();
                    int cut = file.lastIndexOf('/');
                    ComposeFolder there = composeFolder(cut < 0 ? "" : file.substring(0, cut));
                    String name = file.substring(cut + 1);
                    if (there.stacks().stream().anyMatch(stack -> stack.file().equals(name))) {
                        return new Nearest(there, at, started.get());
                    }
                }
            }
            return NO_COMPOSE;
        });
        ComposeFolder compose = nearest.compose();
        if (compose.isEmpty()) {
            return null;
        }
        if (nearest.boundAt() != null) {
            String name = nearest.started().file().substring(nearest.started().file().lastIndexOf('/') + 1);
            ComposeFolder.Stack stack = compose.stacks().stream().filter(s -> s.file().equals(name)).findFirst()
                    .orElseThrow();
            return new StackChoice(compose, stack, page, nearest.boundAt(), nearest.started().script());
        }
        if (compose.alternatives() && !page) {
            // a config the stacks post by name (a compose command's curl -d @file) or mount into a service
            // (./debezium/connectors:/etc/debezium/connectors) runs on one of them, whatever stack its name carries
            List<ComposeFolder.Stack> posting = compose.stacks().stream()
                    .filter(stack -> runsOf(compose, stack).takes(path)).toList();
            if (!posting.isEmpty()) { // several alternatives that post it alike: it runs on either, the first told
                return new StackChoice(compose, posting.get(0), page, null, null, true);
            }
        }
        return new StackChoice(compose, compose.stackOf(path.substring(compose.shown().length()),
                stack -> runsOf(compose, stack).connect()), page, null, null);
    }

    private Deployment placeWithRelease(InputId input, StackChoice choice) {
        Deployment placed = place(input, choice);
        String path = input.projectPath();
        if (path == null) {
            return placed;
        }
        Deployment deployment = postgresImage(path, choice).map(placed::withPostgresImage).orElse(placed);
        if (input.format() == InputFormat.MARKDOWN || input.format() == InputFormat.ASCIIDOC) {
            ReleaseEvidence.Found own = ReleaseEvidence.onPage(root, path);
            if (own != null && !placed.declared()) {
                return deployment.running(own.release(), own.where() + ", the page's own stack");
            }
        }
        // what runs the connectors (an image) from the nearest folder up, before what a build depends on;
        // in the config's compose project, what its stack's services run first
        String[] parts = path.split("/");
        ReleaseEvidence.Found build = null;
        String ownStack = null;
        for (int depth = parts.length - 1; depth >= 0; depth--) {
            String folder = String.join("/", Arrays.copyOf(parts, depth));
            ComposeFile.Runs runs = runsOf(folder, choice);
            if (!runs.releases().isEmpty()) {
                ReleaseEvidence.Found first = runs.releases().get(0);
                return runs.lines() == 1 ? deployment.running(first.release(), first.where())
                        : deployment.amongReleases(runs.releases().stream().map(ReleaseEvidence.Found::release)
                                .distinct().sorted(ReleaseEvidence::byLine).toList());
            }
            // the config's own stack runs a Kafka Connect that names no Debezium release (a vendor's image)
            if (runs.connect() && ownStack == null) {
                ownStack = folder.isEmpty() ? "" : folder + "/";
            }
            ReleaseEvidence.Named named = namedIn(folder, choice);
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
        // another compose project's images and builds say nothing of a stack whose own Connect names no
        // release; the plugins the repository keeps or downloads may well be what that Connect loads
        boolean anotherStacks = ownStack != null && project.runtime() != null
                && namesAStackFile(project.runtime().where()) && (!project.runtime().where().startsWith(ownStack)
                        || isAlternativeOf(choice, ownStack, project.runtime().where()));
        if (project.runtime() != null && !anotherStacks) {
            return project.runtimeLines() == 1 ? deployment.running(project.runtime().release(),
                    project.runtime().where() + PROJECT_WIDE)
                    : deployment.amongReleases(project.runtimeReleases());
        }
        if (build != null) {
            return deployment.running(build.release(), build.where());
        }
        return project.build() != null && project.buildLines() == 1 && !anotherStacks
                ? deployment.running(project.build().release(),
                        project.build().where() + ", the one release the project builds with") : deployment;
    }

    /** What the stack a config runs on runs, read where the walk up its path meets its compose project. */
    private ComposeFile.Runs runsOf(String folder, StackChoice choice) {
        if (choice == null || !folder.equals(choice.at())) {
            return ComposeFile.Runs.NOTHING;
        }
        if (choice.stack() != null) {
            return runsOf(choice.compose(), choice.stack());
        }
        if (choice.page()) {
            return ComposeFile.Runs.NOTHING; // a page named for none of them may well describe another way to run
        }
        // a config named for none of the stacks is posted to one of those that run connectors: what they all run
        List<ComposeFile.Runs> all = choice.compose().stacks().stream().map(s -> runsOf(choice.compose(), s)).toList();
        List<ComposeFile.Runs> posted = all.stream().anyMatch(ComposeFile.Runs::connect)
                ? all.stream().filter(ComposeFile.Runs::connect).toList() : all;
        return new ComposeFile.Runs(posted.stream().flatMap(runs -> runs.releases().stream()).toList(),
                posted.stream().allMatch(runs -> runs.postgresImage() != null) ? posted.get(0).postgresImage() : null,
                true);
    }

    private ComposeFile.Runs runsOf(ComposeFolder compose, ComposeFolder.Stack stack) {
        return stacks.computeIfAbsent(compose.folder() + "\u0000" + stack.file(),
                key -> ComposeFile.read(root, compose.folder(), compose.filesOf(stack)));
    }

    /**
     * What a folder's files name; in a config's compose project of several stacks, leaving out the
     * compose files of the stacks it does not run on.
     */
    private ReleaseEvidence.Named namedIn(String folder, StackChoice choice) {
        Path dir = folder.isEmpty() ? root : root.resolve(folder);
        String shown = folder.isEmpty() ? "" : folder + "/";
        if (choice == null || !choice.compose().alternatives() || !folder.equals(choice.compose().folder())) {
            return releases.computeIfAbsent(folder, f -> ReleaseEvidence.named(dir, shown));
        }
        List<String> own = choice.stack() == null ? List.of() : choice.compose().filesOf(choice.stack());
        return releases.computeIfAbsent(folder + "\u0000" + choice.file(), f -> ReleaseEvidence.named(dir, shown,
                name -> ComposeFolder.variantOf(name) != null && !own.contains(name)));
    }

    /**
     * Where the stack of a config runs Debezium's PostgreSQL image: its own compose stack's services
     * (an image, or a build FROM one), else the nearest folder up that names one, up to the config's
     * own compose project; outside any, where the project keeps its stack.
     */
    private Optional<String> postgresImage(String path, StackChoice choice) {
        String[] parts = path.split("/");
        for (int depth = parts.length - 1; depth >= 0; depth--) {
            String folder = String.join("/", Arrays.copyOf(parts, depth));
            ComposeFile.Runs runs = runsOf(folder, choice);
            if (runs.postgresImage() != null) {
                return Optional.of(runs.postgresImage());
            }
            ReleaseEvidence.Named named = namedIn(folder, choice);
            if (named.postgresImage() != null) {
                return Optional.of(named.postgresImage());
            }
            if (!composeFolder(folder).isEmpty() || choice != null && folder.equals(choice.at())) {
                return Optional.empty(); // the config's own compose stack runs another PostgreSQL
            }
        }
        if (projectReleases == null) {
            projectReleases = ReleaseEvidence.inProject(root);
        }
        return Optional.ofNullable(projectReleases.postgresImage());
    }

    private Deployment place(InputId input, StackChoice choice) {
        Optional<Deployment> named = declared.apply(input);
        if (named.isPresent()) {
            return named.get();
        }
        return placeByFolders(input, choice);
    }

    /** Platforms a file name may be for, besides the environments and the Kubernetes folders' names. */
    private static final Set<String> FILE_PLATFORMS = Set.of("docker", "compose", "minikube", "kind", "k3s", "brew",
            "homebrew", "ecs", "eks", "gke", "aks");
    /** Files named as a sample to copy (sample-debezium-config.json), which nothing deploys as they are. */
    private static final Set<String> SAMPLES = Set.of("sample", "example", "template");

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
            if (ENVIRONMENTS.contains(token) || PLATFORMS.contains(token) || FILE_PLATFORMS.contains(token)
                    || SAMPLES.contains(token)) {
                return token;
            }
        }
        return null;
    }

    private Deployment placeByFolders(InputId input, StackChoice choice) {
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
            if (choice != null && folder.equals(choice.at())) {
                return onStack(choice);
            }
            String name = parts[depth - 1].toLowerCase(Locale.ROOT);
            if (ENVIRONMENTS.contains(name)) {
                return new Deployment(folder + "/", "an environment folder (" + parts[depth - 1] + ")");
            }
            if (PLATFORMS.contains(name)) {
                return new Deployment(folder + "/", "a Kubernetes folder (" + parts[depth - 1] + ")");
            }
        }
        // a compose project at the root is the repository's own
        return choice != null && choice.at().isEmpty() ? onStack(choice) : Deployment.REPOSITORY;
    }

    /** The deployment of the configs of a compose project that run on one of its stacks, or on none of several. */
    private static Deployment onStack(StackChoice choice) {
        ComposeFolder compose = choice.compose();
        String folder = compose.shown();
        if (choice.boundAt() != null) {
            String file = folder + choice.stack().file();
            return new Deployment(file, "the compose stack " + file + " that "
                    + (choice.boundAt().isEmpty() ? "" : choice.boundAt() + "/") + choice.script() + " starts")
                    .onCompose(null);
        }
        String name = folder.isEmpty() ? Deployment.REPOSITORY.name() : folder;
        ComposeFolder.Stack stack = choice.stack();
        if (!compose.alternatives()) {
            return new Deployment(name, folder.isEmpty() ? "the repository's compose project (" + stack.file() + ")"
                    : "a compose project (" + folder + stack.file() + ")").onCompose(null);
        }
        int count = compose.stacks().size();
        if (stack == null) {
            return new Deployment(name, "a folder of " + count + " alternative compose stacks ("
                    + compose.variants() + "), run one at a time: these configs' names carry none of their variants,"
                    + " so they are compared with none of the stacks' own configs").onCompose(folder);
        }
        if (choice.taken()) {
            return new Deployment(stack.base() ? name : folder + stack.file(), "one of " + count
                    + " alternative compose stacks of " + (folder.isEmpty() ? "the repository" : folder)
                    + " (" + folder + stack.file() + "), which posts or mounts this config")
                    .onCompose(stack.base() ? null : folder + stack.file());
        }
        if (stack.base()) {
            return new Deployment(name, "a compose project (" + folder + stack.file() + "), for the configs named for"
                    + " none of the folder's alternative stacks (" + compose.variants() + ")").onCompose(null);
        }
        return new Deployment(folder + stack.file(), "one of " + count + " alternative compose stacks of "
                + (folder.isEmpty() ? "the repository" : folder) + ", run one at a time: the configs named for "
                + stack.variant() + " run on it").onCompose(folder + stack.file());
    }

    /** How evidence read anywhere in the project, for configs whose own folders name no release, ends. */
    private static final String PROJECT_WIDE = ", the one release the project runs";

    /**
     * Whether a release was read project-wide from a compose file or a Dockerfile: what a compose
     * stack runs, which says nothing of a Kubernetes KafkaConnect.
     */
    private static boolean readFromAComposeStack(Deployment deployment) {
        String evidence = deployment.versionEvidence();
        if (deployment.version() == null || evidence == null || !evidence.endsWith(PROJECT_WIDE)) {
            return false;
        }
        return namesAStackFile(evidence);
    }

    /**
     * Whether evidence was read in a compose file of the config's own folder that is another of its
     * alternative stacks (docker-compose-confluentinc.yml beside the docker-compose.yml it runs on).
     */
    private static boolean isAlternativeOf(StackChoice choice, String ownStack, String evidence) {
        if (choice == null || choice.stack() == null || !choice.compose().alternatives()) {
            return false;
        }
        int colon = evidence.indexOf(": ");
        String file = (colon < 0 ? evidence : evidence.substring(0, colon)).substring(ownStack.length());
        return file.indexOf('/') < 0 && ComposeFolder.variantOf(file) != null
                && !choice.compose().filesOf(choice.stack()).contains(file);
    }

    /** Whether evidence was read in a compose file or a Dockerfile, what a compose stack runs. */
    private static boolean namesAStackFile(String evidence) {
        int colon = evidence.indexOf(": ");
        String file = (colon < 0 ? evidence : evidence.substring(0, colon)).toLowerCase(Locale.ROOT);
        String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst(" \\(.*$", "");
        return name.startsWith("dockerfile") || name.endsWith(".dockerfile") || name.equals("containerfile")
                || ComposeFolder.variantOf(name) != null || name.startsWith("docker-compose") || name.startsWith("compose.");
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
        if (connector.envelope().containsKey(Connector.COMMENTED_OUT) && !file.declared()) {
            // #curl ... -d '{...}': an example kept in a comment, which the script does not run
            String own = connector.location().input().stablePath() + ":" + connector.location().line() + " #";
            return file.inside(own, "a body on a line the script comments out: it runs nothing", own);
        }
        ConfigEntry validated = connector.envelope().get(Connector.VALIDATED);
        if (validated != null && !file.declared()) {
            String own = connector.location().input().stablePath() + ":" + connector.location().line() + " validate";
            return file.inside(own, "a config sent to /connector-plugins/" + validated.text()
                    + "/config/validate: Kafka Connect checks it and runs nothing", own);
        }
        ConfigEntry cluster = connector.envelope().get(Connector.STRIMZI_CLUSTER);
        if (cluster != null && cluster.hasText()) {
            ConfigEntry namespace = connector.envelope().get(Connector.NAMESPACE);
            String where = (namespace != null && namespace.hasText() ? namespace.text().trim() + "/" : "")
                    + cluster.text().trim();
            // a KafkaConnector is applied to a Kubernetes cluster, never to a compose stack's Kafka, and
            // runs the release of its KafkaConnect, not one a compose stack elsewhere in the project runs;
            // a REST body beside it is posted elsewhere: a KafkaConnect that takes KafkaConnector
            // resources has Strimzi's operator delete the connectors no resource declares
            Deployment on = readFromAComposeStack(file) ? file.amongReleases(List.of()) : file;
            return on.inside(file.name() + " strimzi:" + where, "the Strimzi KafkaConnect " + where
                    + " (strimzi.io/cluster)", file.compose() ? "kubernetes beside " + file.stack()
                            : "kubernetes " + file.stack());
        }
        return file;
    }

    /** The compose files of a project folder: a look at names only, never through a link out. */
    private ComposeFolder composeFolder(String folder) {
        return composeFolders.computeIfAbsent(folder, f -> ComposeFolder.of(f.isEmpty() ? root : root.resolve(f), f));
    }
}
