package io.dbzlint.report;

import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Fix;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code file:line:col: severity rule-id message}, one finding a line in file order, then a
 * summary. Colour comes from picocli's markup, so it is off wherever the caller says so.
 */
public final class TextReporter implements Reporter {

    private final Ansi ansi;

    public TextReporter(Ansi ansi) {
        this.ansi = ansi;
    }

    @Override
    public void report(LintResult result, PrintWriter out) {
        for (Finding finding : result.findings()) {
            Location at = finding.location();
            out.println(at + ": " + severity(ansi, finding.severity()) + " "
                    + ansi.string("@|faint " + finding.ruleId() + "|@") + " " + finding.message());
        }
        if (!result.findings().isEmpty()) {
            out.println();
        }
        out.println(summary(result));
        out.flush();
    }

    static String severity(Ansi ansi, Severity severity) {
        String style = switch (severity) {
            case ERROR -> "bold,red";
            case WARNING -> "bold,yellow";
            case INFO -> "bold,blue";
        };
        return ansi.string("@|" + style + " " + severity.label() + "|@");
    }

    static String summary(LintResult result) {
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        long infos = result.count(Severity.INFO);
        StringBuilder text = new StringBuilder();
        text.append(plural(errors, "error")).append(", ").append(plural(warnings, "warning"));
        if (infos > 0) {
            text.append(", ").append(plural(infos, "info"));
        }
        text.append(" in ").append(plural(result.connectors(), "connector"))
                .append(" (").append(plural(result.files(), "file")).append(')');
        if (result.withPlaceholders() > 0) {
            text.append("; ").append(result.withPlaceholders()).append(" with templates or placeholders, judged in"
                    + " what they write down");
        }
        if (!result.skipped().isEmpty()) {
            text.append("; ").append(plural(result.skipped().size(), "file")).append(" skipped: no connector config");
        }
        if (result.suppressed() > 0) {
            text.append("; ").append(result.suppressed()).append(" suppressed");
        }
        long fixable = result.findings().stream()
                .filter(finding -> finding.fix() != null && finding.fix().safety() == Fix.Safety.SAFE).count();
        long unsafe = result.findings().stream()
                .filter(finding -> finding.fix() != null && finding.fix().safety() == Fix.Safety.UNSAFE).count();
        if (fixable > 0) {
            text.append("; ").append(fixable).append(" fixable with --fix (")
                    .append(unsafe > 0 ? unsafe + " more with --unsafe-fixes; " : "").append("--diff to see how)");
        } else if (unsafe > 0) {
            text.append("; ").append(unsafe).append(" fixable with --fix --unsafe-fixes (--diff to see how)");
        }
        return text.toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
