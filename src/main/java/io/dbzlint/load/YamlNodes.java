package io.dbzlint.load;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Looking up a YAML mapping's children by key, as the YAML readers (connectors, compose services) do. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** The value under a plain scalar key, the first if the key is repeated. */
    static Optional<Node> child(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode keyNode && keyNode.getValue().equals(key)) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    static Optional<MappingNode> mapping(MappingNode map, String key) {
        return child(map, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    static Optional<String> scalar(MappingNode map, String key) {
        return child(map, key).filter(ScalarNode.class::isInstance).map(node -> ((ScalarNode) node).getValue());
    }
}
