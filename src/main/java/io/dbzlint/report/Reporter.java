package io.dbzlint.report;

import io.dbzlint.result.LintResult;
import java.io.PrintWriter;

/** Writes a run's result in one output format. */
public interface Reporter {

    void report(LintResult result, PrintWriter out);

    /** The output as a writer a generator may close when done, leaving the output itself open. */
    static java.io.Writer unclosed(PrintWriter output) {
        return new java.io.FilterWriter(output) {
            @Override
            public void close() {
                output.flush();
            }
        };
    }
}
