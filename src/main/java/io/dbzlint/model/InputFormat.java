package io.dbzlint.model;

import java.util.Locale;

/** How an input is read. Decided once, where the input is found. */
public enum InputFormat {
    /** A Kafka Connect REST body, a bare config map, or an array of either. */
    JSON,
    /** A YAML document: dbzlint's own configuration files. */
    YAML;

    /** The format a file name says; JSON unless it ends in .yaml or .yml. */
    public static InputFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
    }
}
