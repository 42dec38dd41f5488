package io.dbzlint.source;

import io.dbzlint.connect.ConnectAccess;
import io.dbzlint.connect.ConnectClient;
import io.dbzlint.connect.DeployedConnector;
import io.dbzlint.json.Json;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Printable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;

/**
 * The connectors a live Kafka Connect cluster runs, as inputs of a run: each one a REST body
 * ({@code {"name": ..., "config": {...}}}) written one key a line, shown as
 * {@code connect://<cluster>/<name>}, in the cluster's deployment. A cluster that cannot be read
 * is one line in the errors; the files are linted all the same.
 */
public final class ConnectSource implements Source {

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

    private final ConnectAccess access;
    private final Deployment declared;

    /**
     * @param declared the project config's deployment the cluster's connectors run in, or null: then
     *     the cluster is a deployment of its own that every deployment of the repository is compared with
     */
    public ConnectSource(ConnectAccess access, Deployment declared) {
        this.access = access;
        this.declared = declared;
    }

    @Override
    public Found find() {
        ConnectClient.Cluster cluster;
        try {
            cluster = new ConnectClient(access).read();
        } catch (ConnectClient.Unavailable e) {
            return new Found(List.of(), List.of(e.getMessage()));
        }
        Deployment deployment = declared != null ? declared
                : Deployment.cluster(access.clusterName(), access.printable(), cluster.kafkaClusterId());
        List<Input> inputs = new ArrayList<>(cluster.connectors().size());
        for (DeployedConnector connector : cluster.connectors()) {
            String display = "connect://" + access.clusterName() + "/" + Printable.escape(connector.name());
            InputId id = new InputId(display, null, InputFormat.JSON);
            inputs.add(new DeployedInput(id, body(connector), running(deployment, connector, display),
                    connector, declared == null));
        }
        return new Found(inputs, List.of());
    }

    /** The deployment, running the Debezium release its worker reports for the connector's plugin. */
    private static Deployment running(Deployment deployment, DeployedConnector connector, String display) {
        String type = connector.config().getOrDefault("connector.class", "");
        if (connector.version() == null || !type.startsWith("io.debezium.")) {
            return deployment;
        }
        Matcher release = RELEASE.matcher(connector.version());
        return release.find() ? deployment.running(release.group(1) + "." + release.group(2),
                display + ": the cluster runs " + Printable.escape(connector.version())) : deployment;
    }

    /** The connector as the REST body that creates it, one key a line, as a user would write it. */
    public static byte[] body(DeployedConnector connector) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.pretty(out)) {
            json.writeStartObject();
            json.writeStringProperty("name", connector.name());
            json.writeName("config");
            json.writeStartObject();
            for (Map.Entry<String, String> entry : connector.config().entrySet()) {
                if (entry.getValue() == null) {
                    json.writeNullProperty(entry.getKey());
                } else {
                    json.writeStringProperty(entry.getKey(), entry.getValue());
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return (out + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
