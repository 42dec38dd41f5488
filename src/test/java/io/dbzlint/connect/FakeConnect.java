package io.dbzlint.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a Kafka Connect worker's REST API on loopback, for the failures a real cluster
 * cannot be made to show on demand (401, 403, 409 while rebalancing, a proxy's page). The
 * connectors a real cluster runs are tested against Kafka's own EmbeddedConnectCluster.
 */
public final class FakeConnect implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> connectors = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String requiredAuthorization;
    private volatile String rootBody = "{\"version\":\"4.3.1\",\"commit\":\"abc\",\"kafka_cluster_id\":\"k1\"}";

    public FakeConnect() throws IOException {
        this(null, false);
    }

    /**
     * Over TLS with this server context; with {@code clientAuth}, a client must show a certificate
     * the context trusts (mutual TLS).
     */
    public FakeConnect(javax.net.ssl.SSLContext tls, boolean clientAuth) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls) {
                @Override
                public void configure(com.sun.net.httpserver.HttpsParameters parameters) {
                    javax.net.ssl.SSLParameters ssl = tls.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(clientAuth);
                    parameters.setSSLParameters(ssl);
                }
            });
            server = https;
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    /** A connector it runs: its config as JSON object members, e.g. {@code "a": "b", "c": "d"}. */
    public FakeConnect running(String name, String configMembers) {
        connectors.put(name, configMembers);
        return this;
    }

    /** Answers the next {@code times} requests with this status. */
    public FakeConnect failing(int status, int times) {
        failures.put("status", status);
        failures.put("times", times);
        return this;
    }

    public FakeConnect requiring(String authorization) {
        requiredAuthorization = authorization;
        return this;
    }

    public FakeConnect answeringRoot(String body) {
        rootBody = body;
        return this;
    }

    public int requests() {
        return requests.get();
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        int times = failures.getOrDefault("times", 0);
        if (times > 0) {
            failures.put("times", times - 1);
            send(exchange, failures.get("status"), "{\"error_code\":" + failures.get("status") + "}");
            return;
        }
        if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            send(exchange, 401, "{\"error_code\":401,\"message\":\"unauthorized\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/") || path.isEmpty()) {
            send(exchange, 200, rootBody);
        } else if (path.equals("/connectors")) {
            StringBuilder body = new StringBuilder("{");
            synchronized (connectors) {
                for (Map.Entry<String, String> connector : connectors.entrySet()) {
                    if (body.length() > 1) {
                        body.append(',');
                    }
                    String name = connector.getKey();
                    body.append('"').append(name).append("\":{\"info\":{\"name\":\"").append(name)
                            .append("\",\"config\":{").append(connector.getValue()).append(",\"name\":\"")
                            .append(name).append("\"},\"tasks\":[],\"type\":\"source\"},\"status\":{\"name\":\"")
                            .append(name).append("\",\"connector\":{\"state\":\"FAILED\",\"worker_id\":\"w:8083\","
                                    + "\"trace\":\"org.apache.kafka.connect.errors.ConnectException: boom\\n\\tat x\","
                                    + "\"version\":\"3.6.1.Final\"},\"tasks\":[],\"type\":\"source\"}}");
                }
            }
            send(exchange, 200, body.append('}').toString());
        } else {
            send(exchange, 404, "{\"error_code\":404}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
