package io.dbzlint.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Debezium release line a folder says it runs: a container image ({@code debezium/connect:2.1},
 * {@code quay.io/debezium/server:3.0.7.Final}) in a compose file, Dockerfile, Kubernetes manifest or
 * script, a connector plugin downloaded by version, or else a Maven or Gradle dependency on Debezium
 * (an application that embeds it). Only the folder's own files of those kinds are read, regular
 * files of at most 1 MiB, never through a link.
 */
final class ReleaseEvidence {

    /** A release line and where it was read. */
    record Found(String release, String where) {
    }

    private static final long MAX_BYTES = 1024 * 1024;
    /**
     * A folder with more entries is data (generated configs, a fleet), not where a project keeps its
     * stack: neither its files nor its subfolders are read, so that a search costs what the stack
     * folders hold, not what the data holds.
     */
    static final int MAX_ENTRIES = 5_000;
    /** What runs the connectors: an image, a plugin download. Read in compose files, Dockerfiles, manifests, scripts. */
    private static final List<Pattern> RUNTIME = List.of(
            // an image of Debezium's: debezium/connect, quay.io/debezium/server, debezium/connect-base
            Pattern.compile("debezium/(?:connect|server|connect-base|debezium-server)(?:-[a-z]+)?:(\\d{1,2})\\.(\\d{1,2})"),
            // a connector plugin or server distribution downloaded by version, or installed from Confluent Hub
            Pattern.compile("debezium-(?:connector|server)-[a-z0-9-]{2,40}/(\\d{1,2})\\.(\\d{1,2})\\.\\d"),
            // ... or by its file or folder name: debezium-connector-mysql-1.7.0-plugin.tar.gz
            Pattern.compile("debezium-(?:connector|server)-[a-z0-9]{2,20}(?:-[a-z]{2,20})?-(\\d{1,2})\\.(\\d{1,2})\\.\\d"),
            Pattern.compile("debezium/debezium-connector-[a-z0-9-]{2,40}:(\\d{1,2})\\.(\\d{1,2})"),
            // the build argument of Debezium's own images' Dockerfiles, set in a compose file or a build
            // ... or a project's own variable of the same kind: DEBEZIUM_CONNECTOR_VERSION=2.3.0.Final
            Pattern.compile("\\bDEBEZIUM_(?:(?:CONNECTOR|PLUGIN|SERVER|CONNECT)_)?VERSION[\"']?\\s*[:=]\\s*[\"']?(\\d{1,2})\\.(\\d{1,2})"),
            Pattern.compile("\\b(?:ENV|ARG)\\s+DEBEZIUM_(?:(?:CONNECTOR|PLUGIN|SERVER|CONNECT)_)?VERSION\\s+[\"']?(\\d{1,2})\\.(\\d{1,2})"));
    /**
     * On a documentation page, only a line that starts a stack or installs a plugin counts: not prose
     * about one. A platform's setting that lists the connectors its Connect installs
     * ({@code KAFKA_CONNECT_connectors: debezium/debezium-connector-mysql:1.1.0}, {@code CONNECT_PLUGINS=...})
     * installs them.
     */
    private static final Pattern PAGE_COMMAND = Pattern.compile(
            "(?:docker|podman)(?:\\s+container)?\\s+(?:run|pull|create)\\b|^\\s*(?:FROM\\s|image:|-\\s*image:|export\\s)"
                    + "|^[\\s>$`]*(?:sudo\\s+)?(?:wget|curl|confluent-hub\\s+install)\\s"
                    + "|^\\s*[A-Za-z_]*(?i:connectors|plugins)[A-Za-z_]*\\s*[:=]");

    /** What a build depends on: an application embedding Debezium. Read in pom.xml and Gradle files. */
    private static final List<Pattern> BUILD = List.of(
            // Maven: a version property, or a dependency of io.debezium
            Pattern.compile("<(?:version\\.debezium|debezium\\.version|debezium-version|debeziumVersion)>\\s*(\\d{1,2})\\.(\\d{1,2})"),
            Pattern.compile("<groupId>\\s*io\\.debezium\\s*</groupId>\\s*<artifactId>[a-z0-9-]{1,60}</artifactId>\\s*"
                    + "<version>\\s*(\\d{1,2})\\.(\\d{1,2})"),
            // Gradle
            Pattern.compile("io\\.debezium:debezium-[a-z0-9-]{1,60}:(\\d{1,2})\\.(\\d{1,2})"));

    private ReleaseEvidence() {
    }

    /**
     * What a folder names: the release its runtime files name, the one its build files name, and
     * where it runs Debezium's PostgreSQL image (or null).
     */
    record Named(Found runtime, Found build, String postgresImage, List<Found> plugins) {
    }

    /**
     * A Debezium jar kept in the repository, as a Dockerfile copies a plugin folder into Kafka
     * Connect: debezium-connector-postgres-1.8.1.Final.jar, debezium-core-2.3.2.Final.jar.
     */
    private static final Pattern PLUGIN_JAR = Pattern.compile(
            "debezium-(?:connector-[a-z0-9]{2,20}(?:-[a-z]{2,20})?|core|embedded|server-core)-(\\d{1,2})\\.(\\d{1,2})\\.\\d{1,3}[\\w.-]{0,20}\\.jar",
            Pattern.CASE_INSENSITIVE);

    /** Debezium's PostgreSQL images, which ship the decoderbufs plugin: debezium/postgres, example-postgres. */
    private static final Pattern POSTGRES_IMAGE = Pattern.compile(
            "(?:quay\\.io/)?debezium/(?:example-)?postgres(?::[^\\s\"'#]{1,60})?(?![\\w/-])");

    /**
     * The first release a folder's runtime files and its build files name.
     *
     * @param shown how messages name the folder ("" for the project root, else ending in /)
     */
    static Named named(Path dir, String shown) {
        return named(dir, shown, name -> false);
    }

    /**
     * The same, leaving out some of the folder's files: the compose files of the stacks a config
     * does not run on.
     */
    static Named named(Path dir, String shown, Predicate<String> skipped) {
        List<Path> entries = entries(dir);
        if (entries == null) {
            return new Named(null, null, null, List.of());
        }
        List<Path> candidates = new ArrayList<>();
        for (Path file : entries) {
            if (isCandidate(file.getFileName().toString()) && !skipped.test(file.getFileName().toString())) {
                candidates.add(file);
            }
        }
        // the same answer whatever order the folder lists its files in; a page's "docker run" after
        // the files that run a stack
        candidates.sort(Comparator.comparing((Path file) -> isPage(file.getFileName().toString()))
                .thenComparing(Path::getFileName));
        List<Path> runtimeFiles = new ArrayList<>();
        List<Path> buildFiles = new ArrayList<>();
        candidates.forEach(file -> (isBuildFile(file.getFileName().toString()) ? buildFiles : runtimeFiles).add(file));
        List<Found> plugins = plugins(entries, shown);
        Found runtime = first(RUNTIME, runtimeFiles, shown);
        return new Named(runtime != null ? runtime : plugins.size() == 1 ? plugins.get(0) : null,
                first(BUILD, buildFiles, shown), postgresImage(runtimeFiles, shown), plugins);
    }

    /** The release lines of the Debezium jars a folder keeps, one each, by file name. */
    private static List<Found> plugins(List<Path> entries, String shown) {
        List<Found> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.regionMatches(true, name.length() - 4, ".jar", 0, 4) && PLUGIN_JAR.matcher(name).matches()) {
                names.add(name);
            }
        }
        names.sort(null);
        for (String name : names) {
            Matcher matcher = PLUGIN_JAR.matcher(name);
            matcher.matches();
            String release = Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2));
            if (found.stream().noneMatch(one -> one.release().equals(release))) {
                found.add(new Found(release, shown + name));
            }
        }
        return found;
    }

    private static String postgresImage(List<Path> files, String shown) {
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = read(file);
            if (text == null) {
                continue;
            }
            Matcher matcher = POSTGRES_IMAGE.matcher(text);
            while (matcher.find()) {
                if (!commentedOut(text, matcher.start()) && (!isPage(name) || onCommandLine(text, matcher.start()))) {
                    return shown + name + ": " + matcher.group();
                }
            }
        }
        return null;
    }

    /** The patterns of a version variable (DEBEZIUM_VERSION=2.1), which only an image that uses it runs. */
    private static final List<Pattern> VARIABLES = RUNTIME.subList(4, 6);
    /** One of Debezium's runtime images with its tag, if any. */
    private static final Pattern RUNTIME_IMAGE = Pattern.compile(
            "debezium/(?:connect|server|connect-base|debezium-server)(?::([^\\s\"'#]{1,80}))?(?![\\w/-])");

    /**
     * Whether the folder's stack files (not its pages) name one of Debezium's runtime images without
     * a version variable in the tag ({@code FROM debezium/connect:latest}): a page's
     * {@code export DEBEZIUM_VERSION=1.7} (often copied from another project's README) is then not
     * what the stack runs.
     */
    private static boolean namesImageWithoutVariable(List<Path> files, List<String> texts) {
        boolean named = false;
        for (int i = 0; i < files.size(); i++) {
            if (texts.get(i) == null || isPage(files.get(i).getFileName().toString())) {
                continue;
            }
            Matcher image = RUNTIME_IMAGE.matcher(texts.get(i));
            while (image.find()) {
                if (commentedOut(texts.get(i), image.start())) {
                    continue;
                }
                if (image.group(1) != null && image.group(1).contains("$")) {
                    return false;
                }
                named = true;
            }
        }
        return named;
    }

    /** The first match of the first pattern any file has: an image tag before a version variable. */
    private static Found first(List<Pattern> patterns, List<Path> files, String shown) {
        if (files.isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>(files.size());
        files.forEach(file -> texts.add(read(file)));
        boolean pinnedWithoutVariable = patterns == RUNTIME && namesImageWithoutVariable(files, texts);
        for (Pattern pattern : patterns) {
            for (int i = 0; i < files.size(); i++) {
                String name = files.get(i).getFileName().toString();
                if (pinnedWithoutVariable && isPage(name) && VARIABLES.contains(pattern)) {
                    continue; // the stack beside the page runs its own image, whatever the page exports
                }
                Found found = texts.get(i) == null ? null
                        : first(List.of(pattern), texts.get(i), shown + name, isPage(name));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Found first(List<Pattern> patterns, String text, String file, boolean page) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                if (commentedOut(text, matcher.start()) || page && !onCommandLine(text, matcher.start())) {
                    continue; // "#image: debezium/connect:1.9" is what a stack no longer runs
                }
                String release = Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2));
                return new Found(release, file + ": " + matcher.group().replaceAll("\\s+", " ")
                        + preRelease(text, matcher.end()));
            }
        }
        return null;
    }

    /**
     * The release a documentation page runs its own examples on: the first image its compose blocks,
     * Dockerfiles or commands start ({@code image: quay.io/debezium/connect:2.0} in a YAML block), or
     * null. Nearer than anything of its folder, which may run another stack.
     */
    static Found onPage(Path root, String projectPath) {
        Path page = root.resolve(projectPath);
        String text = readInside(root, page);
        if (text == null) {
            return null;
        }
        Path folder = page.getParent();
        List<Path> entries = folder == null ? null : entries(folder);
        if (entries != null) {
            List<Path> stack = new ArrayList<>();
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (isCandidate(name) && !isPage(name) && !isBuildFile(name)) {
                    stack.add(file);
                }
            }
            List<String> texts = new ArrayList<>(stack.size());
            stack.forEach(file -> texts.add(read(file)));
            if (namesImageWithoutVariable(stack, texts)) {
                // the folder's stack runs its own image: the page's version variable is not what it runs
                return first(RUNTIME.stream().filter(pattern -> !VARIABLES.contains(pattern)).toList(), text,
                        projectPath, true);
            }
        }
        return first(RUNTIME, text, projectPath, true);
    }

    /**
     * The release line of one of Debezium's runtime images an image reference names, where being
     * the part of the reference that says so ({@code debezium/connect:2.1}); or null.
     */
    static Found image(String reference) {
        Matcher matcher = RUNTIME.get(0).matcher(reference);
        return matcher.find() ? new Found(Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2)),
                matcher.group() + preRelease(reference, matcher.end())) : null;
    }

    /** The rest of a version that names a pre-release: 2.0.0.Beta1, 3.0.0.CR1, 2.5.0-alpha2. */
    private static final Pattern PRE_RELEASE = Pattern.compile("\\d*(?:\\.\\d+)?[.-]?(?i:alpha|beta|cr)\\d*");

    /**
     * What evidence ends with when the version it names is a pre-release of its line
     * ({@link io.dbzlint.model.Deployment#PRE_RELEASE}), else "": a Beta of 2.0 may still read what 2.0
     * no longer reads.
     */
    private static String preRelease(String text, int end) {
        Matcher rest = PRE_RELEASE.matcher(text);
        rest.region(end, Math.min(text.length(), end + 20));
        return rest.lookingAt() ? rest.group() + io.dbzlint.model.Deployment.PRE_RELEASE : "";
    }

    /** The release line of a connector plugin or server a Dockerfile downloads or installs, or null. */
    static Found download(String text, String where) {
        return first(RUNTIME.subList(1, 4), text, where, false);
    }

    /** The release line of a version ({@code 1.9.7.Final} gives 1.9), or null. */
    static String line(String version) {
        Matcher matcher = LINE.matcher(version == null ? "" : version.trim());
        return matcher.lookingAt() ? Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2))
                : null;
    }

    private static final Pattern LINE = Pattern.compile("[\"']?(\\d{1,2})\\.(\\d{1,2})(?![\\d])");

    /** Whether an image reference is one of Debezium's PostgreSQL images, which ship decoderbufs. */
    static boolean isPostgresImage(String reference) {
        Matcher matcher = POSTGRES_IMAGE.matcher(reference);
        return matcher.find() && matcher.end() == reference.length()
                && (matcher.start() == 0 || reference.charAt(matcher.start() - 1) == '/');
    }

    /** Whether a position is in a command that starts a stack: on its line, or lines continued with \ up to it. */
    private static boolean onCommandLine(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = text.indexOf('\n', at);
        for (int lines = 0; lines < 20; lines++) {
            if (PAGE_COMMAND.matcher(text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd)).find()) {
                return true;
            }
            if (lineStart < 2) {
                return false;
            }
            int previousEnd = lineStart - 1;
            String previous = text.substring(text.lastIndexOf('\n', previousEnd - 1) + 1, previousEnd).stripTrailing();
            if (!previous.endsWith("\\")) {
                return false;
            }
            lineEnd = previousEnd;
            lineStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
        }
        return false;
    }

    /** Whether a position is on a line commented out with # or //, or inside an XML comment. */
    private static boolean commentedOut(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        String before = text.substring(lineStart, at).stripLeading();
        if (before.startsWith("#") || before.startsWith("//")) {
            return true;
        }
        int open = text.lastIndexOf("<!--", at);
        return open >= 0 && text.lastIndexOf("-->", at) < open;
    }

    private static boolean isBuildFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("pom.xml") || lower.equals("build.gradle") || lower.equals("build.gradle.kts");
    }

    /**
     * What a whole project's container and build files name, for configs whose own folders name
     * none: searched to a depth of five folders (hidden ones other than a dev container's,
     * node_modules, target and build left out), at most 2,000 folders.
     *
     * @param runtime the first of the releases images and downloads name, or null
     * @param runtimeLines how many release lines they name: more than one is no answer
     * @param build the first of the releases builds depend on, or null
     * @param buildLines how many release lines builds name
     */
    record Project(Found runtime, int runtimeLines, Found build, int buildLines, String postgresImage,
                   List<String> runtimeReleases) {
    }

    /** Hidden folders that hold a project's stack: a dev container's compose file runs its databases. */
    private static final Set<String> HIDDEN_STACKS = Set.of(".devcontainer");

    static Project inProject(Path root) {
        List<Found> runtime = new ArrayList<>();
        List<Found> build = new ArrayList<>();
        String postgresImage = null;
        List<Path> folders = new ArrayList<>();
        folders.add(root);
        for (int i = 0; i < folders.size() && i < 2_000; i++) {
            Path dir = folders.get(i);
            String shown = root.relativize(dir).toString().replace('\\', '/');
            Named here = named(dir, shown.isEmpty() ? "" : shown + "/");
            if (here.runtime() != null) {
                runtime.add(here.runtime());
            }
            runtime.addAll(here.plugins());
            if (here.build() != null) {
                build.add(here.build());
            }
            if (postgresImage == null && root.relativize(dir).getNameCount() <= 2) {
                // where a repository keeps its stack (the root, docker/, deploy/local/), not a nested demo
                postgresImage = here.postgresImage();
            }
            if (root.relativize(dir).getNameCount() >= 5 && !shown.isEmpty()) {
                continue;
            }
            List<Path> children = entries(dir);
            if (children == null) {
                continue; // unreadable, or data
            }
            List<Path> sorted = new ArrayList<>();
            for (Path child : children) {
                String name = child.getFileName().toString();
                if ((!name.startsWith(".") || HIDDEN_STACKS.contains(name)) && !SKIPPED.contains(name)
                        && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    sorted.add(child);
                }
            }
            sorted.sort(null);
            folders.addAll(sorted);
        }
        return new Project(runtime.isEmpty() ? null : runtime.get(0), lines(runtime),
                build.isEmpty() ? null : build.get(0), lines(build), postgresImage,
                runtime.stream().map(Found::release).distinct().sorted(ReleaseEvidence::byLine).toList());
    }

    /** A folder's entries, or null when it cannot be read or holds more than {@link #MAX_ENTRIES}. */
    private static List<Path> entries(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(dir)) {
            for (Path entry : listed) {
                if (entries.size() == MAX_ENTRIES) {
                    return null;
                }
                entries.add(entry);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return entries;
    }

    static int byLine(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    private static int lines(List<Found> found) {
        return (int) found.stream().map(Found::release).distinct().count();
    }

    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build");

    private static boolean isCandidate(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".sh")
                || lower.equals(".env") || lower.startsWith(".env.") || lower.startsWith("env.") || lower.endsWith(".env")
                || lower.startsWith("dockerfile")
                || lower.endsWith(".dockerfile") || lower.equals("containerfile")
                || isBuildFile(lower) || isPage(lower);
    }

    /** A documentation page: its "docker run debezium/connect:1.9" is how a tutorial starts its stack. */
    private static boolean isPage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".adoc")
                || lower.endsWith(".asciidoc");
    }

    /**
     * A project file's text, as {@link #read} reads it, when no folder between the project root and
     * it is a link: a build context or Dockerfile a compose file names may lead anywhere.
     */
    static String readInside(Path root, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            return null;
        }
        for (Path at = normal.getParent(); at != null && !at.equals(root); at = at.getParent()) {
            if (Files.isSymbolicLink(at)) {
                return null;
            }
        }
        return read(normal);
    }

    /** A regular file's text, never through a link and never more than the limit; null otherwise. */
    static String read(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                return new String(in.readNBytes((int) MAX_BYTES), StandardCharsets.ISO_8859_1);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
