package io.dbzlint.load;

import io.dbzlint.model.ScriptBranches;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP request files, as the JetBrains HTTP Client and VS Code's REST Client run them: requests
 * separated by {@code ###}, each a request line ({@code PUT http://connect:8083/connectors/NAME/config}),
 * headers, a blank line and a body written inline or read from a file ({@code < ./register.json}).
 * A body belongs to the nearest request line above it.
 */
final class HttpRequests {

    private static final Pattern REQUEST_LINE = Pattern.compile(
            "(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \\t]+(\\S+)(?:[ \\t]+HTTP/[\\d.]+)?[ \\t]*");
    private static final Pattern SEPARATOR = Pattern.compile("###.*");
    /** A body read from a file; {@code <>} names a saved response, not a body. */
    private static final Pattern FILE_BODY = Pattern.compile("<[ \\t]+(\\S+)[ \\t]*");
    /**
     * Where Kafka Connect takes a config by PUT: a connector's {@code /connectors/NAME/config} (group
     * 1 NAME) or a plugin's {@code /connector-plugins/PLUGIN/config/validate} (group 2 PLUGIN).
     */
    static final String PUT_TARGET = "/(?:connectors/([A-Za-z0-9._${}-]{1,200})/config"
            + "|connector-plugins/([A-Za-z0-9._${}-]{1,200})/config/validate)";
    private static final Pattern PUT_CONFIG = Pattern.compile("PUT[ \\t]+\\S*" + PUT_TARGET
            + "(?:[?#]\\S*)?(?:[ \\t]+HTTP/[\\d.]+)?[ \\t]*");

    private HttpRequests() {
    }

    /**
     * Where the request line that sends the body starting at {@code start} begins: the nearest line
     * above it that is one, within its request (no {@code ###} between); -1 when there is none.
     */
    static int requestOf(char[] chars, int start) {
        int lineEnd = start;
        for (int i = start - 1; i >= -1; i--) {
            if (i >= 0 && chars[i] != '\n') {
                continue;
            }
            String line = new String(chars, i + 1, Math.max(0, lineEnd - i - 1)).strip();
            lineEnd = i;
            if (REQUEST_LINE.matcher(line).matches()) {
                int at = i + 1;
                while (chars[at] == ' ' || chars[at] == '\t') {
                    at++;
                }
                return at;
            }
            if (SEPARATOR.matcher(line).matches()) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A {@code PUT /connectors/NAME/config} request line, whose group 1 is NAME, or a
     * {@code PUT /connector-plugins/PLUGIN/config/validate}, whose group 2 is PLUGIN; null for any other.
     */
    static Matcher putName(String requestLine) {
        Matcher put = PUT_CONFIG.matcher(requestLine.stripTrailing());
        return put.matches() ? put : null;
    }

    /** A Kafka Connect path that takes no config: a connector's pause, resume, restart, stop, status, tasks, offsets, topics. */
    private static final Pattern CONNECTOR_ACTION = Pattern.compile(
            "/connectors/[^/?#\\s]+/(?!config(?:[?#]|$))[^?#\\s]*");

    /**
     * Whether a request sends Kafka Connect a config: a POST, PUT or PATCH (to /connectors, to a
     * connector's /config, to a plugin's validation, or to a URL that does not say), never one to
     * a connector's pause, resume, restart or any other action, whose body Kafka Connect ignores.
     */
    static boolean appliesConfig(String method, String url) {
        String m = method == null ? "" : method.strip().toUpperCase(java.util.Locale.ROOT);
        if (!m.equals("POST") && !m.equals("PUT") && !m.equals("PATCH")) {
            return false;
        }
        return url == null || !CONNECTOR_ACTION.matcher(url.strip()).find();
    }

    /** Whether the request that sends the body starting at {@code start} sends Kafka Connect a config (see {@link #appliesConfig}). */
    static boolean sendsConfig(char[] chars, int start) {
        int request = requestOf(chars, start);
        if (request < 0) {
            return true;
        }
        int end = request;
        while (end < chars.length && chars[end] != '\n') {
            end++;
        }
        String[] parts = new String(chars, request, end - request).strip().split("[ \t]+");
        return appliesConfig(parts[0], parts.length > 1 ? parts[1] : null);
    }

    /**
     * The files the requests to Kafka Connect's {@code /connectors} send as bodies ({@code < file}),
     * each under the name a {@code PUT /connectors/NAME/config} gives it. The file's path is
     * relative to the request file, as both clients resolve it.
     */
    static ScriptBranches uploadsOf(String text) {
        if (text.indexOf('<') < 0) {
            return ScriptBranches.NONE;
        }
        List<ScriptBranches.Post> posts = new ArrayList<>();
        String request = null;
        int requestLine = 0;
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l].strip();
            if (REQUEST_LINE.matcher(line).matches()) {
                request = line;
                requestLine = l + 1;
            } else if (SEPARATOR.matcher(line).matches()) {
                request = null;
            } else if (request != null && request.contains("/connectors")) {
                Matcher file = FILE_BODY.matcher(line);
                String[] parts = request.split("[ \t]+");
                if (file.matches() && appliesConfig(parts[0], parts[1])) {
                    Matcher put = putName(request);
                    if (put == null || put.group(1) != null) { // a validation runs nothing
                        posts.add(new ScriptBranches.Post(file.group(1), requestLine, new long[0],
                                put == null ? null : put.group(1)));
                    }
                    request = null; // one body per request
                }
            }
        }
        return posts.isEmpty() ? ScriptBranches.NONE : new ScriptBranches(new long[0][], Set.of(), posts);
    }
}
