package io.dbzlint.report;

import io.dbzlint.result.LintResult;
import java.io.PrintWriter;

/** Writes a run's result in one output format. */
public interface Reporter {

    void report(LintResult result, PrintWriter out);
}
