package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.Map;

/**
 * What a Strimzi KafkaConnector must say besides its config: the strimzi.io/cluster label (without
 * it the Cluster Operator never creates the connector: an error), no name, connector.class or
 * tasks.max in spec.config (Strimzi sets those from metadata.name, spec.class and spec.tasksMax), and
 * spec.state rather than the deprecated spec.pause.
 */
public final class StrimziResourceRule implements ConnectorRule {

    private static final String CLUSTER_LABEL = "metadata.labels.strimzi.io/cluster";
    private static final Map<String, String> OWNED = Map.of(
            "name", "metadata.name",
            "connector.class", "spec.class",
            "tasks.max", "spec.tasksMax");

    @Override
    public String id() {
        return "strimzi-resource";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        ConfigEntry kind = connector.envelope().get("kind");
        if (kind == null || !"KafkaConnector".equals(kind.text())) {
            return;
        }
        ConfigEntry label = connector.envelope().get(CLUSTER_LABEL);
        if (label == null || !label.hasText() || label.text().isBlank()) {
            ConfigEntry metadata = connector.envelope().get("metadata");
            sink.asError().report(connector, CLUSTER_LABEL, (metadata != null ? metadata : kind).keyLocation(),
                    "KafkaConnector has no strimzi.io/cluster label, so no Cluster Operator creates the connector:"
                            + " add metadata.labels.strimzi.io/cluster with the name of your KafkaConnect");
        }
        OWNED.forEach((key, owner) -> {
            ConfigEntry shadowed = connector.envelope().get("spec.config." + key);
            if (shadowed != null) {
                sink.report(connector, key, shadowed.keyLocation(), "spec.config sets " + key + ", which Strimzi"
                        + " takes from " + owner + " and overrides: remove it from spec.config and set " + owner);
            }
        });
        ConfigEntry pause = connector.envelope().get("spec.pause");
        if (pause != null) {
            sink.report(connector, "spec.pause", pause.keyLocation(), "spec.pause is deprecated in Strimzi: use"
                    + " spec.state: paused (or running, or stopped)");
        }
    }
}
