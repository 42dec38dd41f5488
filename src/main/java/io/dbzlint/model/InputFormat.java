package io.dbzlint.model;

import java.util.Locale;
import java.util.Optional;

/** How an input is read. Decided once, where the input is found. */
public enum InputFormat {
    /** A Kafka Connect REST body, a bare config map, or an array of either. */
    JSON("json", "json"),
    /** Kubernetes resources (Strimzi KafkaConnector, Debezium Operator DebeziumServer), or Debezium Server's application.yaml. */
    YAML("yaml", "yaml", "yml"),
    /** A Kafka Connect standalone connector file, or Debezium Server's application.properties. */
    PROPERTIES("properties", "properties"),
    /** A shell script: JSON bodies posted with curl, heredocs. */
    SHELL("shell", "sh", "bash"),
    /** Markdown and MDX: JSON in code blocks. */
    MARKDOWN("markdown", "md", "mdx", "markdown"),
    /** AsciiDoc: JSON in listing blocks, callouts allowed. */
    ASCIIDOC("asciidoc", "adoc", "asciidoc"),
    /** HTTP request files (JetBrains HTTP Client, VS Code REST Client): request bodies. */
    HTTP("http", "http", "rest"),
    KSQL("ksql", "ksql", "sql");

    private static final InputFormat[] ALL = values();

    private final String id;
    /** The file name extensions, lower case, without the dot: what a directory search picks up. */
    private final String[] extensions;

    InputFormat(String id, String... extensions) {
        this.id = id;
        this.extensions = extensions;
    }

    /** The name --input-format takes. */
    public String id() {
        return id;
    }

    public static Optional<InputFormat> fromId(String id) {
        for (InputFormat format : ALL) {
            if (format.id.equalsIgnoreCase(id)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a file name says, for the files a directory search picks up; empty for other files. */
    public static Optional<InputFormat> forFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (InputFormat format : ALL) {
            for (String known : format.extensions) {
                if (known.equals(extension)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** Every extension a directory search reads, lower case, without the dot (an editor watches them). */
    public static java.util.List<String> extensions() {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (InputFormat format : ALL) {
            all.addAll(java.util.List.of(format.extensions));
        }
        return all;
    }

    /** What a directory search reads, for messages and help: "*.json, *.yaml, ...". */
    public static String patterns() {
        StringBuilder patterns = new StringBuilder();
        for (InputFormat format : ALL) {
            for (String extension : format.extensions) {
                patterns.append(patterns.length() == 0 ? "*." : ", *.").append(extension);
            }
        }
        return patterns.toString();
    }

    /** dbzlint's own files (a rules file, a project config): JSON unless named .yaml or .yml. */
    public static InputFormat ofFileName(String name) {
        return forFileName(name).filter(format -> format == YAML).orElse(JSON);
    }

    /**
     * The format of a file given by name whatever it is called, by its first characters: JSON
     * starts with a brace or bracket, a Kubernetes resource with apiVersion or a document marker,
     * a shell script with #!; anything with key=value lines is properties; else plain text, read
     * for embedded JSON.
     */
    public static InputFormat sniff(String head) {
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.isEmpty()) {
            return JSON;
        }
        if (trimmed.startsWith("#!")) {
            return SHELL;
        }
        if (trimmed.startsWith("---") || trimmed.startsWith("apiVersion:") || trimmed.matches("(?s)[A-Za-z_.-]+:\\s.*")) {
            return YAML;
        }
        for (String line : trimmed.lines().limit(20).toList()) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("!")) {
                return l.matches("[%A-Za-z0-9_.\\-]+\\s*[=:].*") ? PROPERTIES : MARKDOWN;
            }
        }
        return MARKDOWN;
    }
}
