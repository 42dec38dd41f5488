package io.dbzlint.cli;

import picocli.CommandLine.Command;

@Command(name = "dbzlint",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Lints Debezium connector configurations (Kafka Connect JSON) for the mistakes"
                + " that break change data capture in production.",
        subcommands = {LintCommand.class},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'dbzlint lint --help' for the rules and options."})
final class DbzlintCommand {
}
