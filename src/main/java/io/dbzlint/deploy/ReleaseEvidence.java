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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Debezium release line a folder says it runs: a container image ({@code debezium/connect:2.1},
 * {@code quay.io/debezium/server:3.0.7.Final}) in a compose file or Dockerfile, a connector plugin
 * downloaded by version, or a Maven or Gradle dependency on Debezium. Only the folder's own build
 * and container files are read, regular files of at most 1 MiB, never through a link.
 */
final class ReleaseEvidence {

    /** A release line and where it was read. */
    record Found(String release, String where) {
    }

    private static final long MAX_BYTES = 1024 * 1024;
    private static final List<Pattern> PATTERNS = List.of(
            // an image of Debezium's: debezium/connect, quay.io/debezium/server, debezium/connect-base
            Pattern.compile("debezium/(?:connect|server|connect-base|debezium-server)(?:-[a-z]+)?:(\\d{1,2})\\.(\\d{1,2})"),
            // a connector plugin or server distribution downloaded by version
            Pattern.compile("debezium-(?:connector|server)-[a-z0-9-]{2,40}/(\\d{1,2})\\.(\\d{1,2})\\.\\d"),
            // Maven: a version property, or a dependency of io.debezium
            Pattern.compile("<(?:version\\.debezium|debezium\\.version|debezium-version|debeziumVersion)>\\s*(\\d{1,2})\\.(\\d{1,2})"),
            Pattern.compile("<groupId>\\s*io\\.debezium\\s*</groupId>\\s*<artifactId>[a-z0-9-]{1,60}</artifactId>\\s*"
                    + "<version>\\s*(\\d{1,2})\\.(\\d{1,2})"),
            // Gradle
            Pattern.compile("io\\.debezium:debezium-[a-z0-9-]{1,60}:(\\d{1,2})\\.(\\d{1,2})"));

    private ReleaseEvidence() {
    }

    /**
     * The first release a folder's build or container files name.
     *
     * @param shown how messages name the folder ("" for the project root, else ending in /)
     */
    static Found in(Path dir, String shown) {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (isCandidate(file.getFileName().toString())) {
                    candidates.add(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        candidates.sort(null); // the same answer whatever order the folder lists its files in
        for (Path file : candidates) {
            String text = read(file);
            if (text == null) {
                continue;
            }
            for (Pattern pattern : PATTERNS) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    String release = Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2));
                    return new Found(release, shown + file.getFileName() + ": " + matcher.group());
                }
            }
        }
        return null;
    }

    private static boolean isCandidate(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("docker-compose") && (lower.endsWith(".yml") || lower.endsWith(".yaml"))
                || lower.startsWith("compose.") && (lower.endsWith(".yml") || lower.endsWith(".yaml"))
                || lower.startsWith("dockerfile") || lower.endsWith(".dockerfile") || lower.equals("containerfile")
                || lower.equals("pom.xml") || lower.equals("build.gradle") || lower.equals("build.gradle.kts");
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
