package io.dbzlint.model;

import java.util.Locale;
import java.util.Optional;

/** How an input is read. Decided once, where the input is found. */
public enum InputFormat {
    /** A Kafka Connect REST body, a bare config map, or an array of either. */
    JSON("json"),
    /** Kubernetes resources (Strimzi KafkaConnector, Debezium Operator DebeziumServer), or Debezium Server's application.yaml. */
    YAML("yaml"),
    /** A Kafka Connect standalone connector file, or Debezium Server's application.properties. */
    PROPERTIES("properties"),
    /** A shell script: JSON bodies posted with curl, heredocs. */
    SHELL("shell"),
    /** Markdown and MDX: JSON in code blocks. */
    MARKDOWN("markdown"),
    /** AsciiDoc: JSON in listing blocks, callouts allowed. */
    ASCIIDOC("asciidoc");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    /** The name --input-format takes. */
    public String id() {
        return id;
    }

    public static Optional<InputFormat> fromId(String id) {
        for (InputFormat format : values()) {
            if (format.id.equalsIgnoreCase(id)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a file name says, for the files a directory search picks up; empty for other files. */
    public static Optional<InputFormat> forFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (lower.endsWith(".properties")) {
            return Optional.of(PROPERTIES);
        }
        if (lower.endsWith(".sh") || lower.endsWith(".bash")) {
            return Optional.of(SHELL);
        }
        if (lower.endsWith(".md") || lower.endsWith(".mdx") || lower.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (lower.endsWith(".adoc") || lower.endsWith(".asciidoc")) {
            return Optional.of(ASCIIDOC);
        }
        return Optional.empty();
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
