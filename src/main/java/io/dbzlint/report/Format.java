package io.dbzlint.report;

import io.dbzlint.rule.RuleSet;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Help.Ansi;

/** The output formats, by the name users give on the command line. */
public enum Format {
    TEXT, JSON, SARIF, GITHUB, JUNIT;

    /**
     * What a reporter may need besides the result.
     *
     * @param statistics counts per rule instead of the findings (text and JSON only; see {@link #hasStatistics})
     */
    public record Context(RuleSet ruleSet, String version, Ansi ansi, boolean statistics) {

        public Context(RuleSet ruleSet, String version, Ansi ansi) {
            this(ruleSet, version, ansi, false);
        }
    }

    /** Whether the format has a statistics form (lint --statistics). */
    public boolean hasStatistics() {
        return this == TEXT || this == JSON;
    }

    public Reporter reporter(Context context) {
        if (context.statistics() && hasStatistics()) {
            return this == TEXT ? StatisticsReporter.text(context.ansi()) : StatisticsReporter.json();
        }
        return switch (this) {
            case TEXT -> new TextReporter(context.ansi());
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter(context.ruleSet(), context.version());
            case GITHUB -> new GithubReporter();
            case JUNIT -> new JunitReporter();
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
