package io.dbzlint.connect;

import io.dbzlint.json.JsonTree;
import io.dbzlint.json.Limits;
import io.dbzlint.model.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads what a Kafka Connect cluster runs over its REST API: {@code GET /} (that it is Kafka
 * Connect, and its Kafka cluster) and {@code GET /connectors?expand=info&expand=status}, falling
 * back to one request per connector on a worker too old to expand. A request that fails for a
 * passing reason (no answer, 5xx, 409 while the workers rebalance) is tried three times with
 * backoff; every failure becomes one line that names the cluster and says what to do.
 */
public final class ConnectClient {

    /** A cluster that cannot be read; the message is one line, with no secret in it. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** What the cluster says of itself, and what it runs. */
    public record Cluster(String version, String kafkaClusterId, List<DeployedConnector> connectors) {
    }

    private static final int ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 250;
    /** More connectors than any cluster runs: the per-connector fallback stops there. */
    private static final int MAX_CONNECTORS = 5_000;

    private final ConnectAccess access;
    private final HttpClient http;
    private final long backoffMillis;

    public ConnectClient(ConnectAccess access) throws Unavailable {
        this(access, FIRST_BACKOFF_MILLIS);
    }

    ConnectClient(ConnectAccess access, long backoffMillis) throws Unavailable {
        this.access = access;
        this.backoffMillis = backoffMillis;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(access.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (access.url().getScheme().equals("https")) {
            builder.sslContext(sslContext());
        }
        this.http = builder.build();
    }

    /** The cluster's version, Kafka cluster and connectors with their configs and states. */
    public Cluster read() throws Unavailable {
        JsonNode root = get("");
        if (!root.isObject() || !root.has("version") || !root.has("kafka_cluster_id")) {
            throw new Unavailable(where() + " does not answer as Kafka Connect (GET / gives no version and"
                    + " kafka_cluster_id): is it the Connect REST URL, not Kafka or a proxy's page?");
        }
        JsonNode expanded = get("/connectors?expand=info&expand=status");
        List<DeployedConnector> connectors = new ArrayList<>();
        if (expanded.isObject()) {
            for (Map.Entry<String, JsonNode> entry : expanded.properties()) {
                connectors.add(connector(entry.getKey(), entry.getValue().path("info"),
                        entry.getValue().path("status")));
            }
        } else if (expanded.isArray()) {
            // a worker before Kafka 2.3 lists names only
            if (expanded.size() > MAX_CONNECTORS) {
                throw new Unavailable(where() + " runs more than " + MAX_CONNECTORS + " connectors");
            }
            for (JsonNode name : expanded) {
                String encoded = "/connectors/" + URLEncoder.encode(name.asString(""), StandardCharsets.UTF_8)
                        .replace("+", "%20");
                connectors.add(connector(name.asString(""), get(encoded), get(encoded + "/status")));
            }
        } else {
            throw new Unavailable(where() + " does not answer GET /connectors as Kafka Connect does");
        }
        return new Cluster(root.path("version").asString(""), root.path("kafka_cluster_id").asString(""),
                connectors);
    }

    private static DeployedConnector connector(String name, JsonNode info, JsonNode status) {
        Map<String, String> config = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : info.path("config").properties()) {
            JsonNode value = entry.getValue();
            config.put(entry.getKey(), value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString());
        }
        List<DeployedConnector.Task> tasks = new ArrayList<>();
        for (JsonNode task : status.path("tasks")) {
            tasks.add(new DeployedConnector.Task(task.path("id").asInt(-1), text(task, "state"),
                    firstLine(text(task, "trace"))));
        }
        JsonNode state = status.path("connector");
        return new DeployedConnector(name, config, text(state, "state"), firstLine(text(state, "trace")),
                text(state, "version"), tasks);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static String firstLine(String trace) {
        if (trace == null) {
            return null;
        }
        int end = trace.indexOf('\n');
        return (end < 0 ? trace : trace.substring(0, end)).strip();
    }

    private JsonNode get(String path) throws Unavailable {
        URI uri = URI.create(access.url() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(access.timeout()).GET()
                .header("Accept", "application/json");
        if (access.token() != null) {
            request.header("Authorization", "Bearer " + access.token());
        } else if (access.username() != null || access.password() != null) {
            String pair = (access.username() == null ? "" : access.username()) + ":"
                    + (access.password() == null ? "" : access.password());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String passing = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                pause(backoffMillis << (attempt - 2));
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpConnectTimeoutException e) {
                passing = "no connection within " + access.timeout().toSeconds() + " s";
                continue;
            } catch (HttpTimeoutException e) {
                passing = "no answer within " + access.timeout().toSeconds() + " s";
                continue;
            } catch (SSLException e) {
                throw new Unavailable(where() + ": TLS handshake failed (" + reason(e) + "); with a private CA,"
                        + " give it with --connect-ca, and a client certificate with --connect-keystore");
            } catch (ConnectException e) {
                passing = "connection refused";
                continue;
            } catch (UnknownHostException e) {
                throw new Unavailable(where() + ": unknown host " + Printable.escape(access.url().getHost()));
            } catch (IOException e) {
                if (e.getCause() instanceof SSLException ssl) {
                    throw new Unavailable(where() + ": TLS handshake failed (" + reason(ssl) + "); with a private"
                            + " CA, give it with --connect-ca, and a client certificate with --connect-keystore");
                }
                passing = reason(e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable(where() + ": interrupted");
            }
            int status = response.statusCode();
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes((int) Limits.MAX_FILE_BYTES + 1);
            } catch (IOException e) {
                passing = "the answer broke off (" + reason(e) + ")";
                continue;
            }
            if (status == 401) {
                throw new Unavailable(where() + ": authentication failed (401): set " + ConnectAccess.USERNAME_ENV
                        + " and " + ConnectAccess.PASSWORD_ENV + " (or " + ConnectAccess.TOKEN_ENV + ") for it");
            }
            if (status == 403) {
                throw new Unavailable(where() + ": access denied (403): the credentials given may not read"
                        + " its connectors");
            }
            if (status == 409) {
                passing = "the workers are rebalancing (409)";
                continue;
            }
            if (status >= 500) {
                passing = "server error " + status;
                continue;
            }
            if (status != 200) {
                throw new Unavailable(where() + " answers GET " + (path.isEmpty() ? "/" : Printable.escape(path))
                        + " with " + status + ": is it the Kafka Connect REST URL?");
            }
            if (body.length > Limits.MAX_FILE_BYTES) {
                throw new Unavailable(where() + ": its answer is larger than "
                        + Limits.mebibytes(Limits.MAX_FILE_BYTES));
            }
            try {
                return JsonTree.read(access.clusterName(), new String(body, StandardCharsets.UTF_8));
            } catch (JsonTree.InvalidJson | RuntimeException e) {
                throw new Unavailable(where() + " does not answer with JSON: is it the Kafka Connect REST URL?");
            }
        }
        throw new Unavailable(where() + ": cannot read the Kafka Connect cluster after " + ATTEMPTS + " tries ("
                + passing + ")");
    }

    private String where() {
        return "Kafka Connect at " + access.printable();
    }

    private void pause(long millis) throws Unavailable {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(where() + ": interrupted");
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return Printable.cut(Printable.escape(message == null ? e.getClass().getSimpleName() : message),
                Printable.MAX_VALUE * 2);
    }

    /** The JVM's trust store, or the CA file's certificates; and the client's key store for mTLS. */
    private SSLContext sslContext() throws Unavailable {
        TrustManagerFactory trust = null;
        if (access.caFile() != null) {
            String option = "--connect-ca " + Printable.escape(access.caFile().toString());
            try (InputStream in = Files.newInputStream(access.caFile())) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + i++, certificate);
                }
                if (i == 0) {
                    throw new Unavailable(option + ": no certificate in it");
                }
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
            } catch (IOException | GeneralSecurityException e) {
                throw new Unavailable(option + ": cannot be read as PEM certificates: " + reason(e));
            }
        }
        KeyManagerFactory keys = null;
        if (access.keyStore() != null) {
            String option = "--connect-keystore " + Printable.escape(access.keyStore().toString());
            char[] password = access.keyStorePassword() == null ? new char[0] : access.keyStorePassword();
            try (InputStream in = Files.newInputStream(access.keyStore())) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, password);
            } catch (IOException | GeneralSecurityException e) {
                throw new Unavailable(option + ": cannot be read as a PKCS#12 key store (its password in "
                        + ConnectAccess.KEYSTORE_PASSWORD_ENV + "): " + reason(e));
            }
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new Unavailable(where() + ": no TLS: " + reason(e));
        }
    }
}
