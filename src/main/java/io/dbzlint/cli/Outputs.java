package io.dbzlint.cli;

import io.dbzlint.report.Format;
import io.dbzlint.result.LintResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Where a command's report goes: each --format target, to a file (never coloured) or to the one
 * stream that takes the report (standard output, or standard error when standard output carries
 * something else, such as the fixed text of standard input). One mechanism for every command.
 */
final class Outputs {

    /** A report that could not be written, in one line. */
    static final class Unwritable extends Exception {
        Unwritable(String message) {
            super(message, null, false, false);
        }
    }

    private final List<OutputTarget> targets;
    private final Path cwd;

    private Outputs(List<OutputTarget> targets, Path cwd) {
        this.targets = targets;
        this.cwd = cwd;
    }

    /** The targets as given, text to standard output when none is; at most one may go to a stream. */
    static Outputs of(CommandSpec spec, List<OutputTarget> given, Path cwd) {
        List<OutputTarget> targets = given == null || given.isEmpty() ? List.of(new OutputTarget(Format.TEXT, null))
                : List.copyOf(given);
        if (targets.stream().filter(t -> t.file() == null).count() > 1) {
            throw new ParameterException(spec.commandLine(),
                    "only one --format can go to standard output; give the others a file, e.g. -f sarif=out.sarif");
        }
        return new Outputs(targets, cwd);
    }

    /** The first target whose format has no statistics form, for --statistics to refuse. */
    Optional<OutputTarget> withoutStatistics() {
        return targets.stream().filter(target -> !target.format().hasStatistics()).findFirst();
    }

    /** Writes the result to every target; the one without a file goes to {@code stream}. */
    void write(LintResult result, Format.Context context, PrintWriter stream) throws Unwritable {
        for (OutputTarget target : targets) {
            if (target.file() == null) {
                target.format().reporter(context).report(result, stream);
                stream.flush();
            } else {
                toFile(target, result, new Format.Context(context.ruleSet(), context.version(), Ansi.OFF,
                        context.statistics()));
            }
        }
    }

    private void toFile(OutputTarget target, LintResult result, Format.Context context) throws Unwritable {
        Path file = cwd.resolve(target.file());
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 PrintWriter out = new PrintWriter(writer)) {
                target.format().reporter(context).report(result, out);
                if (out.checkError()) {
                    throw new IOException("write failed");
                }
            }
        } catch (IOException e) {
            throw new Unwritable("cannot write " + target.file() + ": " + e.getMessage());
        }
    }
}
