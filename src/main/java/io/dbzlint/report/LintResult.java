package io.dbzlint.report;

import java.util.List;

/**
 * Everything a run found, sorted by file, line and column, with what it looked at.
 *
 * @param readErrors one line per input that could not be read at all
 */
public record LintResult(List<Finding> findings, int files, int connectors, List<String> readErrors) {

    public LintResult {
        findings = findings.stream().sorted().toList();
        readErrors = List.copyOf(readErrors);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
