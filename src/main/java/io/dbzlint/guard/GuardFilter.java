package io.dbzlint.guard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.health.ConnectClusterState;
import org.slf4j.Logger;

/**
 * The request filter: {@code POST /connectors}, {@code PUT} and {@code PATCH /connectors/NAME/config}
 * from a client are checked; a request one worker forwards to the leader (it carries the
 * {@code forward} parameter) was checked where it arrived.
 */
final class GuardFilter implements ContainerRequestFilter {

    private static final int MAX_BODY = 1 << 20;

    private final Guard guard;
    private final ConnectClusterState cluster;
    private final Logger log;

    GuardFilter(Guard guard, ConnectClusterState cluster, Logger log) {
        this.guard = guard;
        this.cluster = cluster;
        this.log = log;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (guard == null || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
                || request.getUriInfo().getQueryParameters().containsKey("forward")) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!path.replaceAll("^/+", "").startsWith("connectors")) {
            return;
        }
        try {
            byte[] body = request.getEntityStream().readNBytes(MAX_BODY + 1);
            request.setEntityStream(new ByteArrayInputStream(body)); // Connect reads it after us
            if (body.length > MAX_BODY) {
                return;
            }
            Guard.Request asked = Guard.request(method, path, new String(body, StandardCharsets.UTF_8),
                    this::configOf);
            if (asked == null) {
                return;
            }
            Map<String, Map<String, String>> running = new LinkedHashMap<>();
            for (String name : cluster.connectors()) {
                running.put(name, configOf(name));
            }
            Guard.Decision decision = guard.check(asked, running);
            if (decision.refused()) {
                request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(errorBody(decision.message())).build());
            }
        } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
            // never block a cluster because of the guard itself: Connect answers the request as it would
            log.error("dbzlint guard could not check {} {}, and lets it through: {}", method, path, e.toString());
        }
    }

    private Map<String, String> configOf(String name) {
        try {
            return cluster.connectorConfig(name);
        } catch (RuntimeException e) {
            return null; // deleted meanwhile, or not readable: nothing to compare with
        }
    }

    /** Kafka Connect's own error body: {"error_code":400,"message":"..."}. */
    static String errorBody(String message) {
        java.io.StringWriter body = new java.io.StringWriter();
        try (tools.jackson.core.JsonGenerator json = io.dbzlint.json.Json.compact(body)) {
            json.writeStartObject();
            json.writeNumberProperty("error_code", 400);
            json.writeStringProperty("message", message);
            json.writeEndObject();
        }
        return body.toString();
    }
}
