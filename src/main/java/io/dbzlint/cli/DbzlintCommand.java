package io.dbzlint.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

@Command(name = "dbzlint",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Lints Debezium connector configurations (Kafka Connect JSON) for the mistakes"
                + " that break change data capture in production.",
        subcommands = {LintCommand.class, RulesCommand.class, ExplainCommand.class,
            AutoComplete.GenerateCompletion.class},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'dbzlint lint --help' for the options, 'dbzlint explain RULE' for a rule.",
            "Shell completion: source <(dbzlint generate-completion)"})
final class DbzlintCommand {
}
