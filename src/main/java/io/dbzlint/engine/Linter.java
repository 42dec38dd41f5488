package io.dbzlint.engine;

import io.dbzlint.load.ConfigLoader;
import io.dbzlint.load.LoadProblem;
import io.dbzlint.load.LoadedFile;
import io.dbzlint.load.Source;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.CrossConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.Rule;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.RuleSet;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the rules over a set of inputs. Each file is read, parsed and checked on its own, in
 * parallel; what cross-connector rules need of it is kept as small claims and the connectors
 * themselves are dropped, so memory grows with the number of claims, not the size of the configs.
 * Cross-connector rules then see every claim in input order, so output is stable.
 */
final class Linter {

    private final RuleSet ruleSet;
    private final RuleContext context;
    private final ConfigLoader loader = new ConfigLoader();
    private final List<ConnectorRule> connectorRules = new ArrayList<>();
    private final List<CrossConnectorRule<?>> crossRules = new ArrayList<>();

    Linter(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.context = new RuleContext(ruleSet.parameters());
        for (RuleSet.Entry entry : ruleSet.enabled()) {
            if (entry.rule() instanceof ConnectorRule connectorRule) {
                connectorRules.add(connectorRule);
            } else if (entry.rule() instanceof CrossConnectorRule<?> crossRule) {
                crossRules.add(crossRule);
            }
        }
    }

    LintResult lint(List<Source> sources) {
        List<FileOutcome> outcomes = sources.parallelStream().map(this::lintFile).toList();

        List<Finding> findings = new ArrayList<>();
        List<String> readErrors = new ArrayList<>();
        List<InputId> inputs = new ArrayList<>(outcomes.size());
        List<List<Claim>> claims = new ArrayList<>();
        crossRules.forEach(rule -> claims.add(new ArrayList<>()));
        int connectors = 0;
        for (int f = 0; f < outcomes.size(); f++) {
            FileOutcome outcome = outcomes.get(f);
            if (outcome.readError() != null) {
                readErrors.add(outcome.readError());
                continue;
            }
            inputs.add(sources.get(f).id());
            connectors += outcome.connectors();
            findings.addAll(outcome.findings());
            for (int i = 0; i < crossRules.size(); i++) {
                claims.get(i).addAll(outcome.claims().get(i));
            }
        }
        for (int i = 0; i < crossRules.size(); i++) {
            finish(crossRules.get(i), claims.get(i), findings);
        }
        return new LintResult(findings, inputs, connectors, 0, readErrors);
    }

    /** The claims at index i came from rule i alone, so they are of its claim type. */
    @SuppressWarnings("unchecked")
    private <C extends Claim> void finish(CrossConnectorRule<C> rule, List<Claim> claims, List<Finding> findings) {
        rule.finish((List<C>) claims, context, sinkFor(rule, findings));
    }

    private FileOutcome lintFile(Source source) {
        byte[] bytes;
        try {
            bytes = source.read();
        } catch (IOException e) {
            return new FileOutcome(0, List.of(), List.of(), source.id().displayPath() + ": cannot read: " + reason(e));
        }
        LoadedFile file = loader.load(source.id(), bytes);
        List<Finding> findings = new ArrayList<>();
        for (LoadProblem problem : file.problems()) {
            ruleSet.info(problem.ruleId()).severity().ifPresent(severity -> findings.add(new Finding(problem.ruleId(),
                    severity, problem.location(), null, problem.key(), printable(problem.message()), problem.related())));
        }
        List<List<Claim>> claims = new ArrayList<>(crossRules.size());
        crossRules.forEach(rule -> claims.add(new ArrayList<>(1)));
        for (Connector connector : file.connectors()) {
            for (ConnectorRule rule : connectorRules) {
                rule.check(connector, context, sinkFor(rule, findings));
            }
            for (int i = 0; i < crossRules.size(); i++) {
                crossRules.get(i).claim(connector, context).ifPresent(claims.get(i)::add);
            }
        }
        return new FileOutcome(file.connectors().size(), findings, claims, null);
    }

    private FindingSink sinkFor(Rule rule, List<Finding> into) {
        return new Sink(rule.id(), ruleSet.info(rule.id()).severity().orElseThrow(), into);
    }

    private record Sink(String ruleId, Severity severity, List<Finding> into) implements FindingSink {
        @Override
        public void report(Location location, String connector, String key, String message, List<Location> related) {
            into.add(new Finding(ruleId, severity, location, connector, key, printable(message), related));
        }

        @Override
        public FindingSink asError() {
            return new Sink(ruleId, Severity.ERROR, into);
        }
    }

    /**
     * Messages quote values from the configs; a control character in one (a NUL, an escape
     * sequence) must not reach a terminal or a CI log as it is.
     */
    static String printable(String message) {
        for (int i = 0; i < message.length(); i++) {
            if (Character.isISOControl(message.charAt(i))) {
                StringBuilder escaped = new StringBuilder(message.length() + 8);
                message.chars().forEach(c -> escaped.append(Character.isISOControl(c)
                        ? String.format("\\u%04x", c) : String.valueOf((char) c)));
                return escaped.toString();
            }
        }
        return message;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file (a broken link?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** What one file leaves behind: its findings and its claims, never its connectors. */
    private record FileOutcome(int connectors, List<Finding> findings, List<List<Claim>> claims, String readError) {
    }
}
