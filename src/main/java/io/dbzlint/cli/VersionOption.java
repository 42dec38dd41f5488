package io.dbzlint.cli;

import io.dbzlint.debezium.DebeziumVersion;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A Debezium version given on the command line: read as every command reads one, refused as a usage error. */
final class VersionOption {

    private VersionOption() {
    }

    /** @param option the option's name, for the error: "--debezium-version: ..." */
    static DebeziumVersion parse(CommandSpec spec, String option, String text) {
        try {
            return DebeziumVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
