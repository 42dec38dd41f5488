package io.dbzlint.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
    /** What runs the connectors: an image, a plugin download. Read in compose files, Dockerfiles, manifests, scripts. */
    private static final List<Pattern> RUNTIME = List.of(
            // an image of Debezium's: debezium/connect, quay.io/debezium/server, debezium/connect-base
            Pattern.compile("debezium/(?:connect|server|connect-base|debezium-server)(?:-[a-z]+)?:(\\d{1,2})\\.(\\d{1,2})"),
            // a connector plugin or server distribution downloaded by version, or installed from Confluent Hub
            Pattern.compile("debezium-(?:connector|server)-[a-z0-9-]{2,40}/(\\d{1,2})\\.(\\d{1,2})\\.\\d"),
            Pattern.compile("debezium/debezium-connector-[a-z0-9-]{2,40}:(\\d{1,2})\\.(\\d{1,2})"));

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

    /** What a folder names: the release its runtime files name, and the one its build files name. */
    record Named(Found runtime, Found build) {
    }

    /** The release a folder's files name: its runtime (images, downloads) before its build. */
    static Found in(Path dir, String shown) {
        Named named = named(dir, shown);
        return named.runtime() != null ? named.runtime() : named.build();
    }

    /**
     * The first release a folder's runtime files and its build files name.
     *
     * @param shown how messages name the folder ("" for the project root, else ending in /)
     */
    static Named named(Path dir, String shown) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (isCandidate(file.getFileName().toString())) {
                    candidates.add(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Named(null, null);
        }
        candidates.sort(null); // the same answer whatever order the folder lists its files in
        Found runtime = null;
        Found build = null;
        for (Path file : candidates) {
            boolean buildFile = isBuildFile(file.getFileName().toString());
            if (buildFile ? build != null : runtime != null) {
                continue;
            }
            String text = read(file);
            if (text == null) {
                continue;
            }
            Found found = first(buildFile ? BUILD : RUNTIME, text, shown + file.getFileName());
            if (buildFile) {
                build = found;
            } else {
                runtime = found;
            }
        }
        return new Named(runtime, build);
    }

    private static Found first(List<Pattern> patterns, String text, String file) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                String release = Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2));
                return new Found(release, file + ": " + matcher.group().replaceAll("\\s+", " "));
            }
        }
        return null;
    }

    private static boolean isBuildFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("pom.xml") || lower.equals("build.gradle") || lower.equals("build.gradle.kts");
    }

    /**
     * The one release a whole project's build and container files name, for configs whose own
     * folders name none: searched to a depth of five folders (hidden ones, node_modules, target and
     * build left out), at most 2,000 folders; null when none is named, or when several are.
     */
    static Found inProject(Path root) {
        List<Found> found = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        folders.add(root);
        for (int i = 0; i < folders.size() && i < 2_000; i++) {
            Path dir = folders.get(i);
            String shown = root.relativize(dir).toString().replace('\\', '/');
            Found here = in(dir, shown.isEmpty() ? "" : shown + "/");
            if (here != null) {
                found.add(here);
            }
            if (root.relativize(dir).getNameCount() >= 5 && !shown.isEmpty()) {
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                List<Path> sorted = new ArrayList<>();
                for (Path child : children) {
                    String name = child.getFileName().toString();
                    if (!name.startsWith(".") && !SKIPPED.contains(name)
                            && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        sorted.add(child);
                    }
                }
                sorted.sort(null);
                folders.addAll(sorted);
            } catch (IOException | RuntimeException e) {
                // an unreadable folder names nothing
            }
        }
        if (found.isEmpty() || found.stream().map(Found::release).distinct().count() > 1) {
            return null;
        }
        return found.get(0);
    }

    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build");

    private static boolean isCandidate(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".sh")
                || lower.startsWith("dockerfile") || lower.endsWith(".dockerfile") || lower.equals("containerfile")
                || isBuildFile(lower);
    }

    /** A regular file's text, never through a link and never more than the limit; null otherwise. */
    private static String read(Path file) {
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
