package io.dbzlint.load;

import io.dbzlint.json.Limits;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Looking up a YAML mapping's children by key, as the YAML readers (connectors, compose services) do. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** The value under a plain scalar key, the first if the key is repeated. */
    /**
     * How every YAML input is read: duplicate keys kept (reported at their places), aliases and size
     * bounded, marks on. The reader's buffer holds the whole text: snakeyaml-engine 3.0.1 reads past
     * its buffer when a character outside the BMP (an emoji) straddles its 1,024-character boundary
     * (StreamReader.extendIfTrailingHighSurrogate), and the text is in memory already.
     */
    static LoadSettings settings(InputId input, String text) {
        return LoadSettings.builder()
                .setLabel(input.displayPath())
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(50)
                .setCodePointLimit((int) Limits.MAX_FILE_BYTES)
                .setUseMarks(true)
                .setBufferSize(text.length() + 2)
                .build();
    }

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

    /** Where a node starts, in an input; the input's start when the parser gave no mark. */
    static Location start(InputId input, Node node) {
        return node.getStartMark().map(mark -> Location.at(input, mark.getLine() + 1, mark.getColumn() + 1))
                .orElse(Location.startOf(input));
    }

    /**
     * A node's range; where its end mark is not after its start, its start. A block's end mark can
     * sit at the start of the next line, which is kept as it is.
     */
    static Location range(InputId input, Node node) {
        Location start = start(input, node);
        Optional<Mark> end = node.getEndMark();
        if (end.isEmpty()) {
            return start;
        }
        int endLine = end.get().getLine() + 1;
        int endColumn = end.get().getColumn() + 1;
        if (endLine < start.line() || endLine == start.line() && endColumn < start.column()) {
            return start;
        }
        return new Location(input, start.line(), start.column(), endLine, endColumn);
    }
}
