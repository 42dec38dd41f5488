package io.dbzlint.cli;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.engine.FixMode;
import io.dbzlint.engine.LintReport;
import io.dbzlint.engine.LintRequest;
import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.report.Format;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "upgrade", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Lists, per connector, every key and value that must change to keep today's behaviour when"
                + " moving from one Debezium release to another: keys the new release no longer reads, values it"
                + " refuses, and defaults that change under keys left unset.",
            "Read offline from the release catalog, generated from the releases' own definitions. With --fix,"
                + " the renames and value changes are made in place."})
final class UpgradeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, directories, or '-' for stdin.")
    private List<String> paths;

    @Option(names = "--from", paramLabel = "VERSION", required = true,
            description = "The Debezium version the connectors run on now, e.g. 1.9 or 2.4.")
    private String from;

    @Option(names = "--to", paramLabel = "VERSION",
            description = "The Debezium version to move to (default: the newest the catalog describes).")
    private String to;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT[=FILE]", converter = OutputTarget.Converter.class,
            completionCandidates = OutputTarget.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: text). Repeatable; with =FILE the"
                    + " report goes to that file. At most one to stdout.")
    private List<OutputTarget> outputs;

    @Option(names = "--fix", description = "Apply the renames and value changes, in place, as lint --fix applies"
            + " its fixes; the run then reports what remains (defaults to set by hand). Standard input's fixed"
            + " text goes to standard output.")
    private boolean fix;

    @Option(names = {"--fix-dry-run", "--diff"}, description = "Print the changes --fix would make as a unified"
            + " diff, and change no file. Exits 1 when there is something to change.")
    private boolean fixDryRun;

    private final InputStream stdin;
    private final Path cwd;

    UpgradeCommand(InputStream stdin, Map<String, String> env, Path cwd) {
        this.stdin = stdin;
        this.cwd = cwd;
    }

    @Override
    public Integer call() throws SessionException, Outputs.Unwritable {
        PrintWriter err = spec.commandLine().getErr();
        Outputs targets = Outputs.of(spec, outputs, cwd);
        DebeziumVersion fromVersion = VersionOption.parse(spec, "--from", from);
        DebeziumVersion toVersion = to == null ? Debezium.LATEST : VersionOption.parse(spec, "--to", to);
        if (fromVersion.compareTo(toVersion) >= 0) {
            throw new ParameterException(spec.commandLine(), "--from " + fromVersion + " is not before --to " + toVersion);
        }
        if (fix && fixDryRun) {
            throw new ParameterException(spec.commandLine(), "--fix and --fix-dry-run do not go together: pick one");
        }
        LintSession session = LintSession.open(LintSession.Options.in(cwd));
        FixMode mode = fix ? FixMode.APPLY : fixDryRun ? FixMode.DIFF : FixMode.NONE;
        LintReport report = session.upgrade(new LintRequest(session.sources(paths, stdin, null), null, mode),
                fromVersion, toVersion);
        report.inputErrors().forEach(error -> err.println("dbzlint: " + error));
        if (mode == FixMode.DIFF) {
            return FixOutput.printDiffs(report.fixes(), spec.commandLine().getOut(), err);
        }
        PrintWriter reportStream = mode == FixMode.APPLY ? FixOutput.reportFixes(report.fixes(),
                paths.contains(LintSession.STDIN), spec.commandLine().getOut(), err) : spec.commandLine().getOut();
        LintResult result = report.result();
        targets.write(result, new Format.Context(session.ruleSet(), Version.number(), Ansi.OFF), reportStream);
        result.readErrors().forEach(error -> err.println("dbzlint: " + error));
        if (!report.inputErrors().isEmpty() || !result.readErrors().isEmpty()) {
            return ExitCode.USAGE.code();
        }
        return result.count(Severity.ERROR) > 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }
}
