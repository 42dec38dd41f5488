package io.dbzlint.guard;

import io.dbzlint.connect.DeployedConnector;
import io.dbzlint.engine.LintSession;
import io.dbzlint.json.JsonTree;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import io.dbzlint.source.ConnectSource;
import io.dbzlint.source.Input;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The guard's decision, apart from any web framework: a connector config about to be created or
 * changed, linted with the connectors the cluster already runs (less the one it replaces), and
 * refused on an error finding of its own.
 */
public final class Guard {

    /** Logs what the guard saw, refused or let through. */
    public interface Log {
        void info(String message);

        void warn(String message);
    }

    /** What a request asks: its connector's name and config, as the cluster will hold it. */
    public record Request(String name, Map<String, String> config) {
    }

    /** The answer: refused with a message (Kafka Connect's 400 body), or let through. */
    public record Decision(boolean refused, String message) {
        static final Decision ALLOWED = new Decision(false, null);
    }

    private final LintSession session;
    private final boolean enforce;
    private final Log log;

    /**
     * @param enforce refuse on an error finding; else only log it (warn mode)
     */
    public Guard(LintSession session, boolean enforce, Log log) {
        this.session = session;
        this.enforce = enforce;
        this.log = log;
    }

    /**
     * What a REST request asks for, or null when it is none the guard checks.
     *
     * @param method the HTTP method
     * @param path the path without its leading slash ({@code connectors}, {@code connectors/x/config})
     * @param body the request body
     * @param existing the config the cluster holds for a name (for PATCH), or null
     */
    public static Request request(String method, String path, String body,
                                  java.util.function.Function<String, Map<String, String>> existing)
            throws JsonTree.InvalidJson {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        if (method.equals("POST") && segments.length == 1 && segments[0].equals("connectors")) {
            JsonNode root = JsonTree.read("request", body);
            return new Request(root.path("name").asString(""), strings(root.path("config")));
        }
        if ((method.equals("PUT") || method.equals("PATCH")) && segments.length == 3
                && segments[0].equals("connectors") && segments[2].equals("config")) {
            String name = java.net.URLDecoder.decode(segments[1], java.nio.charset.StandardCharsets.UTF_8);
            JsonNode root = JsonTree.read("request", body);
            if (method.equals("PUT")) {
                return new Request(name, strings(root));
            }
            // PATCH: the current config with the patch over it; a null removes a key
            Map<String, String> merged = new LinkedHashMap<>(existing.apply(name) == null ? Map.of() : existing.apply(name));
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                if (entry.getValue().isNull()) {
                    merged.remove(entry.getKey());
                } else {
                    merged.put(entry.getKey(), text(entry.getValue()));
                }
            }
            return new Request(name, merged);
        }
        return null;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            config.put(entry.getKey(), entry.getValue().isNull() ? null : text(entry.getValue()));
        }
        return config;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** Lints the request's connector with those the cluster runs; the one it replaces is left out. */
    public Decision check(Request request, Map<String, Map<String, String>> running) {
        List<Input> inputs = new ArrayList<>();
        InputId incoming = new InputId("request " + Printable.escape(request.name()), null, InputFormat.JSON);
        inputs.add(Input.ofBytes(incoming, ConnectSource.body(new DeployedConnector(request.name(), request.config(),
                null, null, null, List.of()))));
        running.forEach((name, config) -> {
            if (!name.equals(request.name()) && config != null) {
                inputs.add(Input.ofBytes(new InputId("connectors/" + Printable.escape(name), null, InputFormat.JSON),
                        ConnectSource.body(new DeployedConnector(name, config, null, null, null, List.of()))));
            }
        });
        LintResult result = session.lint(inputs);
        List<Finding> errors = new ArrayList<>();
        for (Finding finding : result.findings()) {
            if (!finding.location().input().equals(incoming)) {
                continue; // what is wrong with a connector already running is not this request's to answer
            }
            if (finding.severity() == Severity.ERROR) {
                errors.add(finding);
            } else if (finding.severity() == Severity.WARNING) {
                log.info("dbzlint guard: connector " + Printable.quote(request.name()) + ": " + finding.ruleId() + " "
                        + finding.message());
            }
        }
        if (errors.isEmpty()) {
            return Decision.ALLOWED;
        }
        StringBuilder message = new StringBuilder("dbzlint refused connector " + Printable.quote(request.name()) + ": ");
        for (int i = 0; i < errors.size(); i++) {
            Finding error = errors.get(i);
            message.append(i == 0 ? "" : "; and ").append(error.ruleId()).append(": ").append(error.message());
        }
        if (!enforce) {
            log.warn(message.toString().replaceFirst("^dbzlint refused", "dbzlint guard (warn mode) would refuse"));
            return Decision.ALLOWED;
        }
        log.warn(message.toString());
        return new Decision(true, message.toString());
    }
}
