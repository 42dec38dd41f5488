package io.dbzlint.report;

import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Help.Ansi;

/** The output formats, by the name users give on the command line. */
public enum Format {
    TEXT, JSON;

    public Reporter reporter(Ansi ansi) {
        return switch (this) {
            case TEXT -> new TextReporter(ansi);
            case JSON -> new JsonReporter();
        };
    }

    public static Optional<Format> fromName(String name) {
        for (Format format : values()) {
            if (format.toString().equalsIgnoreCase(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
