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
 * Build step (generate-sources): turns the data every lint reads first into Java code that builds
 * the same objects. The property catalog, rules/catalog/debezium-VERSION.json, becomes
 * io.dbzlint.debezium.CatalogData; the bundled rules, rules/rules.json, become io.dbzlint.ruleset.RulesData,
 * the JSON tree that RuleOverrides.parse then reads as it reads any rules file.
 * Reading them as JSON trees was most of a small lint's start-up (about 50 ms for the catalog's
 * 150 KB, 35 ms for the rules), in code that runs once and so is never compiled; the classes build
 * them in a few. The JSON stays the source of truth, edited and checked by tests (CatalogDriftTest
 * against Debezium, RuleMetadataTest); CatalogDataTest and RulesDataTest compare the classes with it.
 *
 * <p>Run by Maven as a single-file program: java -cp CLASSPATH src/build/BundledData.java RULES_DIR OUT_DIR
 */
public final class BundledData {

    private static final int PER_METHOD = 60; // properties per method: well under the 64 KB bytecode limit

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws IOException {
        Path rulesDir = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        write(outDir, "io/dbzlint/debezium/CatalogData.java", catalog(single(rulesDir.resolve("catalog"))));
        write(outDir, "io/dbzlint/ruleset/RulesData.java", rules(JSON.readTree(rulesDir.resolve("rules.json").toFile())));
    }

    private static void write(Path outDir, String file, CharSequence java) throws IOException {
        Path out = outDir.resolve(file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, java, StandardCharsets.UTF_8);
    }

    /**
     * rules/rules.json as code that builds the same JSON tree, node by node. The generator knows
     * nothing of the rules' structure: RuleOverrides.parse, which reads every rules file and project
     * config, is the one reader of rules.json too, at run time, from this tree.
     */
    private static String rules(JsonNode root) {
        StringBuilder java = new StringBuilder();
        java.append("package io.dbzlint.ruleset;\n\n")
                .append("import tools.jackson.databind.node.ArrayNode;\n")
                .append("import tools.jackson.databind.node.JsonNodeFactory;\n")
                .append("import tools.jackson.databind.node.ObjectNode;\n\n")
                .append("/** Generated at build time from rules/rules.json by src/build/BundledData.java: do not edit. */\n")
                .append("final class RulesData {\n\n")
                .append("    private static final JsonNodeFactory F = JsonNodeFactory.instance;\n\n")
                .append("    private RulesData() {\n    }\n\n")
                .append("    /** The tree of rules/rules.json. */\n")
                .append("    static ObjectNode tree() {\n");
        int[] names = {0};
        String top = node(root, java, names);
        java.append("        return ").append(top).append(";\n    }\n}\n");
        return java.toString();
    }

    /** Appends statements that build the node; returns the expression or variable that holds it. */
    private static String node(JsonNode node, StringBuilder java, int[] names) {
        if (node.isObject()) {
            String name = "o" + names[0]++;
            java.append("        ObjectNode ").append(name).append(" = F.objectNode();\n");
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String value = node(property.getValue(), java, names);
                java.append("        ").append(name).append(".set(").append(literal(property.getKey())).append(", ")
                        .append(value).append(");\n");
            }
            return name;
        }
        if (node.isArray()) {
            String name = "a" + names[0]++;
            java.append("        ArrayNode ").append(name).append(" = F.arrayNode();\n");
            for (JsonNode element : node) {
                String value = node(element, java, names);
                java.append("        ").append(name).append(".add(").append(value).append(");\n");
            }
            return name;
        }
        if (node.isString()) {
            return "F.stringNode(" + literal(node.asString()) + ")";
        }
        if (node.isInt()) {
            return "F.numberNode(" + node.asInt() + ")"; // an IntNode, as the parser gives
        }
        if (node.isLong()) {
            return "F.numberNode(" + node.asLong() + "L)";
        }
        if (node.isBoolean()) {
            return "F.booleanNode(" + node.asBoolean() + ")";
        }
        if (node.isNull()) {
            return "F.nullNode()";
        }
        throw new IllegalArgumentException("rules/rules.json: no code for " + node.getNodeType() + " " + node);
    }

    private static String catalog(Path catalog) throws IOException {
        JsonNode root = JSON.readTree(catalog.toFile());
        StringBuilder java = new StringBuilder();
        List<String> methods = new ArrayList<>();
        java.append("package io.dbzlint.debezium;\n\n")
                .append("import io.dbzlint.debezium.Catalog.Property;\n")
                .append("import java.util.LinkedHashMap;\n")
                .append("import java.util.List;\n")
                .append("import java.util.Map;\n\n")
                .append("/** Generated at build time from rules/catalog/").append(catalog.getFileName())
                .append(" by src/build/BundledData.java: do not edit. */\n")
                .append("final class CatalogData {\n\n")
                .append("    static final String DEBEZIUM_VERSION = ").append(literal(root.path("debeziumVersion").asString()))
                .append(";\n\n")
                .append("    private CatalogData() {\n    }\n");
        group(java, methods, "connectors", "by connector type id", root.path("connectors"));
        group(java, methods, "schemaHistory", "by schema history implementation", root.path("schemaHistory"));
        group(java, methods, "transforms", "by transformation class", root.path("transforms"));
        methods.forEach(java::append);
        java.append("}\n");
        return java.toString();
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

    /**
     * A Java string literal. Control characters get escapes the compiler reads inside the literal
     * (a backslash-u escape of a line feed would end the line before the literal is read); other
     * characters outside printable ASCII get backslash-u escapes.
     */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\%03o", (int) c));
                    } else if (c > 0x7e) {
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
