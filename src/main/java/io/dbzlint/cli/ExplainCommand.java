package io.dbzlint.cli;

import io.dbzlint.preflight.PreflightChecks;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.rule.checks.RuleRegistry;
import io.dbzlint.ruleset.RuleSetLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Explains a rule, or a check of preflight's: what it checks, the production failure it"
                + " prevents, and a bad and a fixed config.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule id, e.g. server-id-unique.")
    private String ruleId;

    @Override
    public Integer call() {
        if (RuleRegistry.find(ruleId).isEmpty()) {
            // a check of preflight's, against the database itself
            for (RuleSet.Entry check : PreflightChecks.all()) {
                if (check.info().id().equals(ruleId)) {
                    spec.commandLine().getOut().print(RuleDocs.text(check.info()));
                    spec.commandLine().getOut().flush();
                    return ExitCode.OK.code();
                }
            }
            spec.commandLine().getErr().println("dbzlint: " + RuleRegistry.unknown(ruleId));
            return ExitCode.USAGE.code();
        }
        spec.commandLine().getOut().print(RuleDocs.text(RuleSetLoader.bundled().info(ruleId)));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
