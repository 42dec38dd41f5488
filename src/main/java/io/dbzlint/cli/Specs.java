package io.dbzlint.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Pieces of a command model built in code rather than read from annotations. Reading picocli's
 * annotations makes the JVM generate a proxy class per annotation type at every start (no
 * class-data archive can hold them): about 60 ms of a 300 ms lint. The commands a plain lint
 * needs, the root and lint, are therefore built here; the others keep their annotations.
 */
final class Specs {

    private Specs() {
    }

    /** -h/--help and -V/--version, worded as picocli's mixinStandardHelpOptions words them. */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        spec.versionProvider(new Version());
    }
}
