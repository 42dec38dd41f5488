package io.dbzlint.cli;

import io.dbzlint.engine.LintReport;
import io.dbzlint.engine.SecretMask;
import io.dbzlint.fix.UnifiedDiff;
import java.io.PrintWriter;

/** What lint and upgrade print of their fixes: the diff of --diff, and the one line of --fix. */
final class FixOutput {

    private FixOutput() {
    }

    /** --diff: the diff of every input a fix would change, on standard output; exit 1 when there is one. */
    static int printDiffs(LintReport.Fixes fixes, PrintWriter out, PrintWriter err) {
        // a diff shows whole lines around each fix: the secrets on them are masked
        fixes.planned().forEach(plan -> out.print(UnifiedDiff.of(plan.input().displayPath(),
                SecretMask.masked(plan.input(), plan.before()), plan.edits())));
        out.flush();
        err.println("dbzlint: " + (fixes.problems() == 0 ? "nothing to fix"
                : "would fix " + count(fixes.problems(), "problem") + " in " + count(fixes.files(), "file")));
        return fixes.problems() == 0 ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
    }

    /**
     * --fix: what was written, and what could not be. Fixing standard input, its fixed text goes to
     * standard output, as ruff gives it (nothing when it could not be read), and the report to
     * standard error.
     *
     * @return where the report goes
     */
    static PrintWriter reportFixes(LintReport.Fixes fixes, boolean fromStdin, PrintWriter out, PrintWriter err) {
        fixes.errors().forEach(error -> err.println("dbzlint: " + error));
        if (!fixes.planned().isEmpty()) {
            err.println("dbzlint: fixed " + count(fixes.problems(), "problem") + " in " + count(fixes.files(), "file"));
        }
        if (!fromStdin) {
            return out;
        }
        if (fixes.stdout() != null) {
            out.print(fixes.stdout());
            out.flush();
        }
        return err;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
