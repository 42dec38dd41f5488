package io.dbzlint.cli;

import io.dbzlint.load.InputFinder;
import io.dbzlint.report.Format;
import io.dbzlint.report.LintResult;
import io.dbzlint.rule.Linter;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.rule.RuleSetLoader;
import io.dbzlint.rule.RulesFileException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lint",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lints connector configs: every *.json under the given directories, the given files,"
                + " or '-' for one config on standard input.",
            "A file holds a Kafka Connect REST body {\"name\":..., \"config\":{...}}, a bare config"
                + " map, or an array of either."},
        sortOptions = false)
final class LintCommand implements Callable<Integer> {

    enum Color { auto, always, never }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, directories, or '-' for stdin.")
    private List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class, completionCandidates = FormatNames.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
                    + " auto means on a terminal, unless NO_COLOR is set).")
    private Color color;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "A rules file merged over the bundled rules/rules.json:"
                    + " severities (error, warning, info, off), texts and parameters.")
    private Path rulesFile;

    /** Format names as users type them, in help and errors alike. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::toString).iterator();
        }
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.fromName(value).orElseThrow(() -> new TypeConversionException(
                    "expected one of " + String.join(", ", new FormatNames()) + " but was '" + value + "'"));
        }
    }

    private final InputStream stdin;
    private final Map<String, String> env;

    LintCommand(InputStream stdin, Map<String, String> env) {
        this.stdin = stdin;
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        RuleSet ruleSet;
        try {
            ruleSet = rulesFile == null ? RuleSetLoader.bundled() : RuleSetLoader.withOverrides(rulesFile);
        } catch (RulesFileException e) {
            e.problems().forEach(problem -> err.println("dbzlint: " + problem));
            return ExitCode.USAGE.code();
        }

        InputFinder.Found found = InputFinder.find(paths, stdin);
        if (!found.errors().isEmpty()) {
            found.errors().forEach(error -> err.println("dbzlint: " + error));
            return ExitCode.USAGE.code();
        }

        LintResult result = new Linter(ruleSet).lint(found.sources());
        format.reporter(ansi()).report(result, out);
        result.readErrors().forEach(error -> err.println("dbzlint: " + error));
        err.flush();
        if (!result.readErrors().isEmpty()) {
            return ExitCode.USAGE.code();
        }
        return result.hasErrors() ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private Ansi ansi() {
        return switch (color) {
            case always -> Ansi.ON;
            case never -> Ansi.OFF;
            case auto -> {
                String noColor = env.get("NO_COLOR");
                boolean terminal = System.console() != null;
                yield (noColor == null || noColor.isEmpty()) && terminal ? Ansi.ON : Ansi.OFF;
            }
        };
    }
}
