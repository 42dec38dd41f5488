package io.dbzlint.json;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Small readings of JSON trees that several readers share. */
public final class JsonNodes {

    private JsonNodes() {
    }

    /** A node's text, or null when it is absent or JSON null. */
    public static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    /** The texts of an array's elements, in order; empty for anything but an array. */
    public static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(node -> values.add(node.asString()));
        return List.copyOf(values);
    }
}
