package io.dbzlint.report;

import java.util.Locale;
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

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
