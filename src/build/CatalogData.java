import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Build step (generate-sources): turns the property catalog, rules/catalog/debezium-VERSION.json,
 * into io.dbzlint.rule.CatalogData, Java code that builds the same maps. Reading the 150 KB JSON
 * into a tree and the tree into records was about 50 ms of every lint's start-up, in code that
 * runs once and so never gets compiled; the class builds them in a few. The JSON stays the source
 * of truth (CatalogDriftTest compares it with Debezium); CatalogDataTest compares the class with it.
 *
 * <p>Run by Maven as a single-file program: java -cp CLASSPATH src/build/CatalogData.java CATALOG_DIR OUT_DIR
 */
public final class CatalogData {

    private static final int PER_METHOD = 60; // properties per method: well under the 64 KB bytecode limit

    public static void main(String[] args) throws IOException {
        Path catalogDir = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        Path catalog = single(catalogDir);
        JsonNode root = JsonMapper.builder().build().readTree(catalog.toFile());
        StringBuilder java = new StringBuilder();
        List<String> methods = new ArrayList<>();
        java.append("package io.dbzlint.rule;\n\n")
                .append("import io.dbzlint.rule.Catalog.Property;\n")
                .append("import java.util.LinkedHashMap;\n")
                .append("import java.util.List;\n")
                .append("import java.util.Map;\n\n")
                .append("/** Generated at build time from rules/catalog/").append(catalog.getFileName())
                .append(" by src/build/CatalogData.java: do not edit. */\n")
                .append("final class CatalogData {\n\n")
                .append("    static final String DEBEZIUM_VERSION = ").append(literal(root.path("debeziumVersion").asString()))
                .append(";\n\n")
                .append("    private CatalogData() {\n    }\n");
        group(java, methods, "connectors", "by connector type id", root.path("connectors"));
        group(java, methods, "schemaHistory", "by schema history implementation", root.path("schemaHistory"));
        group(java, methods, "transforms", "by transformation class", root.path("transforms"));
        methods.forEach(java::append);
        java.append("}\n");
        Path out = outDir.resolve("io/dbzlint/rule/CatalogData.java");
        Files.createDirectories(out.getParent());
        Files.writeString(out, java, StandardCharsets.UTF_8);
    }

    /** The one debezium-VERSION.json beside the release catalog. */
    private static Path single(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("debezium-\\d.*\\.json")).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one debezium-VERSION.json in " + dir + ", found " + found);
            }
            return found.get(0);
        }
    }

    private static void group(StringBuilder java, List<String> methods, String name, String by, JsonNode groups) {
        java.append("\n    /** The catalog's properties ").append(by).append(", in its order. */\n")
                .append("    static Map<String, Map<String, Property>> ").append(name).append("() {\n")
                .append("        Map<String, Map<String, Property>> groups = new LinkedHashMap<>();\n");
        int index = 0;
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            String method = name + index++;
            java.append("        groups.put(").append(literal(group.getKey())).append(", ").append(method).append("());\n");
            properties(methods, method, group.getValue());
        }
        java.append("        return groups;\n    }\n");
    }

    /** A group's properties, split over chained methods so none grows past the bytecode limit. */
    private static void properties(List<String> methods, String method, JsonNode array) {
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode node : array) {
            if (!node.path("name").asString().contains("(")) {
                kept.add(node); // a pattern key; kafka-connect.json's patterns say which keys it stands for
            }
        }
        StringBuilder code = new StringBuilder();
        code.append("\n    private static Map<String, Property> ").append(method).append("() {\n")
                .append("        Map<String, Property> properties = new LinkedHashMap<>();\n");
        for (int part = 0; part * PER_METHOD < kept.size() || part == 0; part++) {
            code.append("        ").append(method).append('_').append(part).append("(properties);\n");
        }
        code.append("        return properties;\n    }\n");
        for (int part = 0; part * PER_METHOD < kept.size() || part == 0; part++) {
            code.append("\n    private static void ").append(method).append('_').append(part)
                    .append("(Map<String, Property> properties) {\n");
            for (JsonNode node : kept.subList(part * PER_METHOD, Math.min(kept.size(), (part + 1) * PER_METHOD))) {
                String name = literal(node.path("name").asString());
                JsonNode defaultValue = node.get("default");
                code.append("        properties.put(").append(name).append(", new Property(").append(name).append(", ")
                        .append(literal(node.path("type").asString())).append(", ")
                        .append(defaultValue == null || defaultValue.isNull() ? "null" : literal(defaultValue.asString()))
                        .append(", ").append(node.path("required").asBoolean()).append(", ")
                        .append(list(node.path("allowed"))).append(", ").append(list(node.path("aliases"))).append(", ")
                        .append(node.path("regexList").asBoolean(false)).append(", ")
                        .append(literal(node.path("description").asString(""))).append("));\n");
            }
            code.append("    }\n");
        }
        methods.add(code.toString());
    }

    private static String list(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(node -> items.add(literal(node.asString())));
        return "List.of(" + String.join(", ", items) + ")";
    }

    /** A Java string literal; anything outside printable ASCII as a \\u escape. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
