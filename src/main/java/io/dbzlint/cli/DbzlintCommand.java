package io.dbzlint.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/** The root command: only its subcommands run. Its model is built in code (see {@link Specs}). */
final class DbzlintCommand {

    /**
     * The subcommands, by name. Main registers only the one a command line names: picocli builds
     * each command's model by reflection at start-up, and a lint should not pay for the others.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private DbzlintCommand() {
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("dbzlint");
        spec.usageMessage()
                .description("Lints Debezium connector configurations (Kafka Connect JSON) for the mistakes"
                        + " that break change data capture in production.")
                .commandListHeading("%nCommands:%n")
                .footer("", "Run 'dbzlint lint --help' for the options, 'dbzlint explain RULE' for a rule.",
                        "Shell completion: source <(dbzlint generate-completion)");
        Specs.addStandardHelpOptions(spec);
        return spec;
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("lint", LintCommand.class);
        commands.put("upgrade", UpgradeCommand.class);
        commands.put("deployments", DeploymentsCommand.class);
        commands.put("drift", DriftCommand.class);
        commands.put("policy", PolicyCommand.class);
        commands.put("preflight", PreflightCommand.class);
        commands.put("rules", RulesCommand.class);
        commands.put("explain", ExplainCommand.class);
        commands.put("schema", SchemaCommand.class);
        commands.put("lsp", LspCommand.class);
        commands.put("generate-completion", AutoComplete.GenerateCompletion.class);
        return commands;
    }
}
