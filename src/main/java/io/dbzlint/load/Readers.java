package io.dbzlint.load;

import io.dbzlint.model.InputFormat;

/**
 * The reader of each input format: the one place a format's reader is registered. A new format is
 * its {@link InputFormat} constant (name, extensions), its reader class, and a line here; the
 * switch fails to compile until every format has one.
 */
final class Readers {

    private static final FormatReader JSON = new JsonConnectors();
    private static final FormatReader YAML = new YamlConnectors.Reader();
    private static final FormatReader PROPERTIES = new PropertiesConnectors.Reader();
    private static final FormatReader EMBEDDED = new EmbeddedJson.Reader();
    private static final FormatReader KSQL = new KsqlConnectors.Reader();

    private Readers() {
    }

    static FormatReader of(InputFormat format) {
        return switch (format) {
            case JSON -> JSON;
            case YAML -> YAML;
            case PROPERTIES -> PROPERTIES;
            case SHELL, MARKDOWN, ASCIIDOC, HTTP -> EMBEDDED;
            case KSQL -> KSQL;
        };
    }
}
