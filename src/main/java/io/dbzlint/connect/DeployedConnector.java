package io.dbzlint.connect;

import java.util.List;
import java.util.Map;

/**
 * A connector as a Kafka Connect cluster runs it: its config as the cluster returns it (config
 * provider references unresolved, plain passwords verbatim), and its state.
 *
 * @param name the connector's name on the cluster
 * @param config its config, in the cluster's order
 * @param state the connector's state (RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED), or null when unknown
 * @param trace the first line of the connector's failure, or null
 * @param version the connector plugin's version the worker runs ({@code 3.6.1.Final}), or null
 * @param tasks its tasks' states
 */
public record DeployedConnector(String name, Map<String, String> config, String state, String trace,
                                String version, List<Task> tasks) {

    public DeployedConnector {
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        tasks = List.copyOf(tasks);
    }

    /** One task: its id, state and the first line of its failure, or null. */
    public record Task(int id, String state, String trace) {
    }
}
