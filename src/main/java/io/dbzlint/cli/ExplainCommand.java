package io.dbzlint.cli;

import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.RuleRegistry;
import io.dbzlint.rule.RuleSetLoader;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Explains a rule: what it checks, the production failure it prevents, and a bad"
                + " and a fixed config.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "A rule id, e.g. server-id-unique.")
    private String ruleId;

    @Override
    public Integer call() {
        if (RuleRegistry.find(ruleId).isEmpty()) {
            String nearest = RuleRegistry.ids().stream()
                    .min(Comparator.comparingInt(id -> distance(id, ruleId)))
                    .orElseThrow();
            spec.commandLine().getErr().println("dbzlint: unknown rule \"" + ruleId + "\"; did you mean "
                    + nearest + "? 'dbzlint rules' lists them all.");
            return ExitCode.USAGE.code();
        }
        spec.commandLine().getOut().print(RuleDocs.text(RuleSetLoader.bundled().info(ruleId)));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }

    /** Levenshtein distance, for the suggestion. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
