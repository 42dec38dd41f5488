package io.dbzlint.result;

import io.dbzlint.model.InputId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything a run found, sorted by file, line and column, with what it looked at.
 *
 * @param inputs every input that was read, in input order
 * @param connectors how many connectors those inputs held
 * @param suppressed findings left out by ignore entries, a baseline or --quiet
 * @param readErrors one line per input that could not be read at all
 * @param internalErrors inputs whose linting failed inside dbzlint
 * @param skipped inputs that hold no connector config (a package.json, a dashboard), left out
 * @param withPlaceholders connectors holding a value not known yet (a template such as ${VAR}, a
 *     placeholder such as &lt;password&gt;): judged only in what they write down
 */
public record LintResult(List<Finding> findings, List<InputId> inputs, int connectors, int suppressed,
                         List<String> readErrors, List<InternalFailure> internalErrors, List<InputId> skipped,
                         int withPlaceholders) {

    /** A result in which no connector holds a placeholder or template. */
    public LintResult(List<Finding> findings, List<InputId> inputs, int connectors, int suppressed,
                      List<String> readErrors, List<InternalFailure> internalErrors, List<InputId> skipped) {
        this(findings, inputs, connectors, suppressed, readErrors, internalErrors, skipped, 0);
    }

    public LintResult {
        findings = findings.stream().sorted().toList();
        inputs = List.copyOf(inputs);
        readErrors = List.copyOf(readErrors);
        internalErrors = List.copyOf(internalErrors);
        skipped = List.copyOf(skipped);
    }

    public int files() {
        return inputs.size();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The same result with more findings (of a step after linting, such as the comparison with a git base). */
    public LintResult plus(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings.size() + more.size());
        all.addAll(findings);
        all.addAll(more);
        return new LintResult(all, inputs, connectors, suppressed, readErrors, internalErrors, skipped,
                withPlaceholders);
    }

    /** The same result with more errors reading inputs (of a step after linting: a git base that cannot be read). */
    public LintResult withReadErrors(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(readErrors);
        all.addAll(more);
        return new LintResult(findings, inputs, connectors, suppressed, all, internalErrors, skipped, withPlaceholders);
    }

    /** The same result with only the findings that pass; the others count as suppressed. */
    public LintResult keep(Predicate<Finding> filter) {
        List<Finding> kept = findings.stream().filter(filter).toList();
        return new LintResult(kept, inputs, connectors, suppressed + findings.size() - kept.size(), readErrors,
                internalErrors, skipped, withPlaceholders);
    }
}
