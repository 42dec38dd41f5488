package io.dbzlint.engine;

import io.dbzlint.fix.Fixer;
import io.dbzlint.result.LintResult;
import java.util.List;

/**
 * What a run found, after every step: the findings as filtered (project config ignores, quiet,
 * baseline), the sources' errors, and what happened to fixes.
 *
 * @param inputErrors one line for each path or source that named nothing readable
 * @param baselineWritten how many findings were recorded with --write-baseline, or -1
 */
public record LintReport(LintResult result, List<String> inputErrors, int baselineWritten, Fixes fixes) {

    public LintReport {
        inputErrors = List.copyOf(inputErrors);
    }

    /** Nothing could be read: every source named nothing. */
    public boolean nothingRead() {
        return result.inputs().isEmpty() && result.readErrors().isEmpty() && result.skipped().isEmpty()
                && !inputErrors.isEmpty();
    }

    /**
     * The fixes of a run with {@link FixMode#DIFF} or {@link FixMode#APPLY}.
     *
     * @param planned every file's fixes, in the order the files were found (with APPLY, as they were
     *     before fixing)
     * @param problems how many fixes were applied (APPLY) or would be (DIFF)
     * @param files how many files were written (APPLY) or would change (DIFF)
     * @param errors one line for each file that could not be read or written
     * @param stdout standard input's text after fixing, with APPLY when standard input was read (the
     *     text as it was when nothing applied to it); null otherwise
     */
    public record Fixes(List<Fixer.FileFix> planned, int problems, int files, List<String> errors, String stdout) {

        public static final Fixes NONE = new Fixes(List.of(), 0, 0, List.of(), null);

        public Fixes {
            planned = List.copyOf(planned);
            errors = List.copyOf(errors);
        }
    }
}
