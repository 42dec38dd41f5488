package io.dbzlint.cli;

import io.dbzlint.connect.ConnectAccess;
import io.dbzlint.debezium.Catalog;
import io.dbzlint.engine.FixMode;
import io.dbzlint.engine.LintReport;
import io.dbzlint.engine.LintRequest;
import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.model.InputFormat;
import io.dbzlint.report.Format;
import io.dbzlint.result.Fix;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import io.dbzlint.ruleset.RuleSelection;
import io.dbzlint.source.Source;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

final class LintCommand implements Callable<Integer> {

    /** --color: auto means on a terminal, unless NO_COLOR is set. */
    enum Color {
        auto, always, never;

        Ansi ansi(Map<String, String> env) {
            return switch (this) {
                case always -> Ansi.ON;
                case never -> Ansi.OFF;
                case auto -> {
                    String noColor = env.get("NO_COLOR");
                    yield (noColor == null || noColor.isEmpty()) && System.console() != null ? Ansi.ON : Ansi.OFF;
                }
            };
        }
    }

    enum FailOn { error, warning, never }

    private CommandSpec spec;
    private List<String> paths;
    private List<OutputTarget> outputs = new ArrayList<>();
    private InputFormat inputFormat;
    private FailOn failOn;
    private boolean quiet;
    private Integer maxWarnings;
    private Path configFile;
    private boolean noConfig;
    private Path rulesFile;
    private String debeziumVersion;
    private Path baselineFile;
    private Path writeBaselineFile;
    private boolean fix;
    private boolean unsafeFixes;
    private boolean fixDryRun;
    private String diffBase;
    private String stdinFilename;
    private boolean debug;
    private Color color;
    private List<String> connectUrls = new ArrayList<>();
    private boolean connect;
    private String connectUsername;
    private Path connectPasswordFile;
    private Path connectTokenFile;
    private Path connectCa;
    private Path connectKeystore;
    private Integer connectTimeout;
    private List<String> select;
    private List<String> extendSelect = new ArrayList<>();
    private List<String> ignore = new ArrayList<>();
    private boolean statistics;
    private boolean watch;

    /** The command's model, built in code (see {@link Specs}): its options in help order, each bound to its field. */
    static CommandSpec spec(LintCommand command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("lint");
        command.spec = spec;
        spec.usageMessage().sortOptions(false).description(
                "Lints connector configs: every connector file under the given directories, the given files,"
                        + " or '-' for standard input.",
                "Reads Kafka Connect REST bodies (JSON), Strimzi KafkaConnector and DebeziumServer resources"
                        + " (YAML), Kafka Connect and Debezium Server properties, and JSON bodies in shell scripts,"
                        + " docker-compose files, Markdown and AsciiDoc.");
        Binding paths = new Binding(command, Field.PATHS);
        spec.addPositional(PositionalParamSpec.builder().paramLabel("PATH").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class)
                .description("Files, directories, or '-' for stdin (default: the working directory, '.').")
                .getter(paths).setter(paths).build());
        add(spec, OptionSpec.builder("-f", "--format").paramLabel("FORMAT[=FILE]")
                .type(List.class).auxiliaryTypes(OutputTarget.class).converters(new OutputTarget.Converter())
                .completionCandidates(new OutputTarget.Names())
                .description("Output format: ${COMPLETION-CANDIDATES} (default: text). Repeatable; with =FILE the"
                        + " report goes to that file, e.g. -f text -f sarif=dbzlint.sarif. At most one to stdout."),
                new Binding(command, Field.OUTPUTS));
        add(spec, OptionSpec.builder("--input-format").paramLabel("FORMAT").type(InputFormat.class)
                .converters(new InputFormatConverter()).completionCandidates(new InputFormatConverter.Names())
                .description("Read every input as ${COMPLETION-CANDIDATES}, whatever its name (default: by the file"
                        + " name, or by the first characters of a file given by a name dbzlint does not know)."),
                new Binding(command, Field.INPUT_FORMAT));
        add(spec, OptionSpec.builder("--stdin-filename").paramLabel("PATH").type(String.class)
                .description("The file standard input ('-') stands for: findings are shown at it, its format comes"
                        + " from its name, and the project config and baseline treat it as that file. With --fix the"
                        + " fixed text goes to standard output and the report to standard error."),
                new Binding(command, Field.STDIN_FILENAME));
        add(spec, OptionSpec.builder("--fail-on").paramLabel("LEVEL").type(FailOn.class).defaultValue("error")
                .description("Exit 1 on findings of this severity or worse: ${COMPLETION-CANDIDATES}"
                        + " (default: ${DEFAULT-VALUE})."),
                new Binding(command, Field.FAIL_ON));
        add(spec, OptionSpec.builder("--select").paramLabel("RULE").type(List.class).auxiliaryTypes(String.class)
                .splitRegex(",").completionCandidates(RuleIds.INSTANCE)
                .description("Run only these rules, whatever the project config and the rules file switch on or off"
                        + " (their severities still apply). Repeatable."),
                new Binding(command, Field.SELECT));
        add(spec, OptionSpec.builder("--extend-select").paramLabel("RULE").type(List.class)
                .auxiliaryTypes(String.class).splitRegex(",").completionCandidates(RuleIds.INSTANCE)
                .description("Also run these rules, where the project config, a rules file or the defaults switch"
                        + " them off. Repeatable."),
                new Binding(command, Field.EXTEND_SELECT));
        add(spec, OptionSpec.builder("--ignore").paramLabel("RULE").type(List.class).auxiliaryTypes(String.class)
                .splitRegex(",").completionCandidates(RuleIds.INSTANCE)
                .description("Switch these rules off; wins over --select and --extend-select. Repeatable."),
                new Binding(command, Field.IGNORE));
        add(spec, OptionSpec.builder("--statistics").type(boolean.class)
                .description("Instead of the findings, count them per rule: count, severity and [*] where --fix"
                        + " can fix some, most frequent first. Text, or JSON with -f json."),
                new Binding(command, Field.STATISTICS));
        add(spec, OptionSpec.builder("--watch").type(boolean.class)
                .description("Lint, then again whenever a file under the given paths changes, until interrupted"
                        + " (Ctrl-C)."),
                new Binding(command, Field.WATCH));
        add(spec, OptionSpec.builder("-q", "--quiet").type(boolean.class).description("Report errors only."),
                new Binding(command, Field.QUIET));
        add(spec, OptionSpec.builder("--max-warnings").paramLabel("N").type(Integer.class)
                .description("Exit 1 when there are more than N warnings (N >= 0)."),
                new Binding(command, Field.MAX_WARNINGS));
        add(spec, OptionSpec.builder("-c", "--config").paramLabel("FILE").type(Path.class)
                .description("The project config (.dbzlint.json or .dbzlint.yaml); by default the first found"
                        + " in the working directory or its parents, up to the repository root."),
                new Binding(command, Field.CONFIG_FILE));
        add(spec, OptionSpec.builder("--no-config").type(boolean.class)
                .description("Use no project config, even if one is found."),
                new Binding(command, Field.NO_CONFIG));
        add(spec, OptionSpec.builder("--rules").paramLabel("FILE").type(Path.class)
                .description("A rules file merged over the bundled rules/rules.json and the project config:"
                        + " severities (error, warning, info, off), texts and parameters."),
                new Binding(command, Field.RULES_FILE));
        add(spec, OptionSpec.builder("--debezium-version").paramLabel("VERSION").type(String.class)
                .description("The Debezium version the configs are for (e.g. 1.9, 2.7, 3.6): it decides which"
                        + " keys are deprecated or gone. Default: the debeziumVersion parameter, else the newest release"
                        + " dbzlint knows, " + Catalog.DEBEZIUM_VERSION + "."),
                new Binding(command, Field.DEBEZIUM_VERSION));
        add(spec, OptionSpec.builder("--baseline").paramLabel("FILE").type(Path.class)
                .description("Report only findings that are not in this baseline."),
                new Binding(command, Field.BASELINE_FILE));
        add(spec, OptionSpec.builder("--write-baseline").paramLabel("FILE").type(Path.class)
                .description("Record today's findings in FILE, then report as if with --baseline FILE."),
                new Binding(command, Field.WRITE_BASELINE_FILE));
        add(spec, OptionSpec.builder("--fix").type(boolean.class)
                .description("Apply the safe fixes, in place: keys and values Debezium renamed. Only those"
                        + " characters of a file change; the run then reports what remains. Standard input's"
                        + " fixed text goes to standard output."),
                new Binding(command, Field.FIX));
        add(spec, OptionSpec.builder("--unsafe-fixes").type(boolean.class)
                .description("With --fix or --diff, apply the unsafe fixes too: a did-you-mean, such as a misspelt"
                        + " key or value renamed to the one known name near it. Review them."),
                new Binding(command, Field.UNSAFE_FIXES));
        add(spec, OptionSpec.builder("--fix-dry-run", "--diff").type(boolean.class)
                .description("Print the fixes --fix would apply as a unified diff, and change no file. Exits 1"
                        + " when there is something to fix."),
                new Binding(command, Field.FIX_DRY_RUN));
        add(spec, OptionSpec.builder("--diff-base").paramLabel("REF").type(String.class)
                .description("Also compare each connector with the same name at this git ref (e.g. origin/main):"
                        + " a changed logical name, server id, slot, history topic or snapshot mode of a deployed"
                        + " connector."),
                new Binding(command, Field.DIFF_BASE));
        add(spec, OptionSpec.builder("--connect-url").paramLabel("URL").type(List.class)
                .auxiliaryTypes(String.class)
                .description("Also lint the connectors a live Kafka Connect cluster runs, and compare the files"
                        + " with them: a connector of the same name is the same connector. Repeatable, one"
                        + " deployment per cluster; 'kcctl' or 'kcctl:CONTEXT' takes kcctl's context. "
                        + ConnectOptions.CREDENTIALS),
                new Binding(command, Field.CONNECT_URLS));
        add(spec, OptionSpec.builder("--connect").type(boolean.class)
                .description("Also read the Kafka Connect clusters the project config's deployments name"
                        + " (connect: URL), each into its deployment."),
                new Binding(command, Field.CONNECT));
        add(spec, OptionSpec.builder("--connect-username").paramLabel("NAME").type(String.class)
                .description(ConnectOptions.USERNAME),
                new Binding(command, Field.CONNECT_USERNAME));
        add(spec, OptionSpec.builder("--connect-password-file").paramLabel("FILE").type(Path.class)
                .description(ConnectOptions.PASSWORD_FILE),
                new Binding(command, Field.CONNECT_PASSWORD_FILE));
        add(spec, OptionSpec.builder("--connect-token-file").paramLabel("FILE").type(Path.class)
                .description(ConnectOptions.TOKEN_FILE),
                new Binding(command, Field.CONNECT_TOKEN_FILE));
        add(spec, OptionSpec.builder("--connect-ca").paramLabel("FILE").type(Path.class)
                .description(ConnectOptions.CA),
                new Binding(command, Field.CONNECT_CA));
        add(spec, OptionSpec.builder("--connect-keystore").paramLabel("FILE").type(Path.class)
                .description(ConnectOptions.KEYSTORE),
                new Binding(command, Field.CONNECT_KEYSTORE));
        add(spec, OptionSpec.builder("--connect-timeout").paramLabel("SECONDS").type(Integer.class)
                .description(ConnectOptions.TIMEOUT),
                new Binding(command, Field.CONNECT_TIMEOUT));
        add(spec, OptionSpec.builder("--debug").type(boolean.class)
                .description("On an internal error, print its stack trace."),
                new Binding(command, Field.DEBUG));
        add(spec, OptionSpec.builder("--color").paramLabel("WHEN").type(Color.class).defaultValue("auto")
                .description("Colour the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE};"
                        + " auto means on a terminal, unless NO_COLOR is set)."),
                new Binding(command, Field.COLOR));
        Specs.addStandardHelpOptions(spec);
        return spec;
    }

    private static void add(CommandSpec spec, OptionSpec.Builder option, Binding binding) {
        spec.addOption(option.getter(binding).setter(binding).build());
    }

    /** The fields the command line sets. */
    private enum Field {
        PATHS, OUTPUTS, INPUT_FORMAT, FAIL_ON, QUIET, MAX_WARNINGS, CONFIG_FILE, NO_CONFIG, RULES_FILE, DEBEZIUM_VERSION,
        BASELINE_FILE, WRITE_BASELINE_FILE, FIX, UNSAFE_FIXES, FIX_DRY_RUN, DIFF_BASE, STDIN_FILENAME, DEBUG, COLOR,
        CONNECT_URLS, CONNECT, CONNECT_USERNAME, CONNECT_PASSWORD_FILE, CONNECT_TOKEN_FILE, CONNECT_CA,
        CONNECT_KEYSTORE, CONNECT_TIMEOUT, SELECT, EXTEND_SELECT, IGNORE, STATISTICS, WATCH
    }

    /**
     * An option's field, read and written through one switch rather than a getter and a setter
     * lambda per option: each lambda links through invokedynamic on its first call, and the 34 of
     * them were about 15 ms of every lint's start-up.
     */
    private static final class Binding implements IGetter, ISetter {
        private final LintCommand command;
        private final Field field;

        Binding(LintCommand command, Field field) {
            this.command = command;
            this.field = field;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            Object value = switch (field) {
                case PATHS -> command.paths;
                case OUTPUTS -> command.outputs;
                case INPUT_FORMAT -> command.inputFormat;
                case FAIL_ON -> command.failOn;
                case QUIET -> command.quiet;
                case MAX_WARNINGS -> command.maxWarnings;
                case CONFIG_FILE -> command.configFile;
                case NO_CONFIG -> command.noConfig;
                case RULES_FILE -> command.rulesFile;
                case DEBEZIUM_VERSION -> command.debeziumVersion;
                case BASELINE_FILE -> command.baselineFile;
                case WRITE_BASELINE_FILE -> command.writeBaselineFile;
                case FIX -> command.fix;
                case UNSAFE_FIXES -> command.unsafeFixes;
                case FIX_DRY_RUN -> command.fixDryRun;
                case DIFF_BASE -> command.diffBase;
                case STDIN_FILENAME -> command.stdinFilename;
                case DEBUG -> command.debug;
                case COLOR -> command.color;
                case CONNECT_URLS -> command.connectUrls;
                case CONNECT -> command.connect;
                case CONNECT_USERNAME -> command.connectUsername;
                case CONNECT_PASSWORD_FILE -> command.connectPasswordFile;
                case CONNECT_TOKEN_FILE -> command.connectTokenFile;
                case CONNECT_CA -> command.connectCa;
                case CONNECT_KEYSTORE -> command.connectKeystore;
                case CONNECT_TIMEOUT -> command.connectTimeout;
                case SELECT -> command.select;
                case EXTEND_SELECT -> command.extendSelect;
                case IGNORE -> command.ignore;
                case STATISTICS -> command.statistics;
                case WATCH -> command.watch;
            };
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T previous = get();
            switch (field) {
                case PATHS -> command.paths = (List<String>) value;
                case OUTPUTS -> command.outputs = value == null ? new ArrayList<>() : (List<OutputTarget>) value;
                case INPUT_FORMAT -> command.inputFormat = (InputFormat) value;
                case FAIL_ON -> command.failOn = (FailOn) value;
                case QUIET -> command.quiet = Boolean.TRUE.equals(value);
                case MAX_WARNINGS -> command.maxWarnings = (Integer) value;
                case CONFIG_FILE -> command.configFile = (Path) value;
                case NO_CONFIG -> command.noConfig = Boolean.TRUE.equals(value);
                case RULES_FILE -> command.rulesFile = (Path) value;
                case DEBEZIUM_VERSION -> command.debeziumVersion = (String) value;
                case BASELINE_FILE -> command.baselineFile = (Path) value;
                case WRITE_BASELINE_FILE -> command.writeBaselineFile = (Path) value;
                case FIX -> command.fix = Boolean.TRUE.equals(value);
                case UNSAFE_FIXES -> command.unsafeFixes = Boolean.TRUE.equals(value);
                case FIX_DRY_RUN -> command.fixDryRun = Boolean.TRUE.equals(value);
                case DIFF_BASE -> command.diffBase = (String) value;
                case STDIN_FILENAME -> command.stdinFilename = (String) value;
                case DEBUG -> command.debug = Boolean.TRUE.equals(value);
                case COLOR -> command.color = (Color) value;
                case CONNECT_URLS -> command.connectUrls = value == null ? new ArrayList<>() : (List<String>) value;
                case CONNECT -> command.connect = Boolean.TRUE.equals(value);
                case CONNECT_USERNAME -> command.connectUsername = (String) value;
                case CONNECT_PASSWORD_FILE -> command.connectPasswordFile = (Path) value;
                case CONNECT_TOKEN_FILE -> command.connectTokenFile = (Path) value;
                case CONNECT_CA -> command.connectCa = (Path) value;
                case CONNECT_KEYSTORE -> command.connectKeystore = (Path) value;
                case CONNECT_TIMEOUT -> command.connectTimeout = (Integer) value;
                case SELECT -> command.select = (List<String>) value;
                case EXTEND_SELECT -> command.extendSelect = value == null ? new ArrayList<>() : (List<String>) value;
                case IGNORE -> command.ignore = value == null ? new ArrayList<>() : (List<String>) value;
                case STATISTICS -> command.statistics = Boolean.TRUE.equals(value);
                case WATCH -> command.watch = Boolean.TRUE.equals(value);
            }
            return previous;
        }
    }

    private final InputStream stdin;
    private final Map<String, String> env;
    /** The working directory: relative paths in arguments and options are resolved against it. */
    private final Path cwd;

    LintCommand(InputStream stdin, Map<String, String> env, Path cwd) {
        this.stdin = stdin;
        this.env = env;
        this.cwd = cwd;
    }

    @Override
    public Integer call() {
        if (!watch) {
            return lintOnce();
        }
        if (fix || fixDryRun || (paths != null && paths.contains(LintSession.STDIN))) {
            throw new ParameterException(spec.commandLine(), "--watch lints files as they change: not with --fix,"
                    + " --diff or standard input");
        }
        return Watch.run(paths == null || paths.isEmpty() ? List.of(".") : paths, cwd, this::lintOnce,
                spec.commandLine().getErr());
    }

    /** One lint of the command line: what a run without --watch is. */
    private int lintOnce() {
        PrintWriter err = spec.commandLine().getErr();
        Outputs outputs = Outputs.of(spec, this.outputs, cwd);
        if (maxWarnings != null && maxWarnings < 0) {
            throw new ParameterException(spec.commandLine(), "--max-warnings must be 0 or more, not " + maxWarnings);
        }
        if (fix && fixDryRun) {
            throw new ParameterException(spec.commandLine(), "--fix and --fix-dry-run do not go together: pick one");
        }
        if (unsafeFixes && !fix && !fixDryRun) {
            throw new ParameterException(spec.commandLine(),
                    "--unsafe-fixes says which fixes --fix or --diff apply: add one of them");
        }
        if ((fix || fixDryRun) && writeBaselineFile != null) {
            throw new ParameterException(spec.commandLine(),
                    "--write-baseline records findings before fixing: run it without --fix");
        }
        if (statistics && (fix || fixDryRun)) {
            throw new ParameterException(spec.commandLine(), "--statistics counts findings; run --fix or --diff"
                    + " without it");
        }
        if (statistics) {
            outputs.withoutStatistics().ifPresent(target -> {
                throw new ParameterException(spec.commandLine(), "--statistics writes text or json, not "
                        + target.format());
            });
        }
        List<String> arguments = paths == null || paths.isEmpty()
                ? List.of(stdinFilename != null ? LintSession.STDIN : ".") : paths;
        if (stdinFilename != null && !arguments.contains(LintSession.STDIN)) {
            throw new ParameterException(spec.commandLine(),
                    "--stdin-filename names what standard input stands for: add '-' to the paths");
        }
        if (debeziumVersion != null) {
            VersionOption.parse(spec, "--debezium-version", debeziumVersion); // refused here, before any file is read
        }
        try {
            LintSession session = LintSession.open(new LintSession.Options(cwd, configFile, noConfig, rulesFile,
                    debeziumVersion, baselineFile, writeBaselineFile, quiet, inputFormat,
                    new RuleSelection(select, extendSelect, ignore)));
            if (session.baselineMissing()) {
                err.println("dbzlint: warning: baseline " + baselineFile + " does not exist yet, so every finding is"
                        + " reported; create it with: " + writeBaselineCommand());
            }
            FixMode mode = fix ? FixMode.APPLY : fixDryRun ? FixMode.DIFF : FixMode.NONE;
            List<Source> sources = new ArrayList<>(session.sources(arguments, stdin, stdinFilename));
            sources.addAll(session.clusters(connectUrls, connect, connectSettings()));
            LintReport report = session.run(new LintRequest(sources, diffBase, mode,
                    unsafeFixes ? Fix.Safety.UNSAFE : Fix.Safety.SAFE));
            // paths that name nothing to read are reported; the others are still linted, and the run exits 2
            report.inputErrors().forEach(error -> err.println("dbzlint: " + error));
            if (report.nothingRead()) {
                return ExitCode.USAGE.code();
            }
            if (mode == FixMode.DIFF) {
                return FixOutput.printDiffs(report.fixes(), spec.commandLine().getOut(), err);
            }
            PrintWriter reportStream = mode == FixMode.APPLY ? FixOutput.reportFixes(report.fixes(),
                    arguments.contains(LintSession.STDIN), spec.commandLine().getOut(), err) : spec.commandLine().getOut();
            if (report.baselineWritten() >= 0) {
                err.println("dbzlint: wrote " + count(report.baselineWritten(), "finding") + " to " + writeBaselineFile);
            }
            LintResult result = report.result();
            outputs.write(result, new Format.Context(session.ruleSet(), Version.number(), ansi(), statistics),
                    reportStream);
            result.readErrors().forEach(error -> err.println("dbzlint: " + error));
            result.internalErrors().forEach(failure -> {
                err.println("dbzlint: " + failure.message() + " (please report this, with the input if you can)");
                if (debug) {
                    failure.cause().printStackTrace(err);
                }
            });
            int code = exitCode(result, err);
            return report.inputErrors().isEmpty() ? code : Math.max(code, ExitCode.USAGE.code());
        } catch (SessionException e) {
            e.problems().forEach(problem -> err.println("dbzlint: " + problem));
            return ExitCode.USAGE.code();
        } catch (Outputs.Unwritable e) {
            err.println("dbzlint: " + e.getMessage());
            return ExitCode.USAGE.code();
        } finally {
            err.flush();
        }
    }

    /**
     * This command line with --write-baseline where it has --baseline, and without what cannot go
     * with writing one (--fix, --diff): the command that creates the missing baseline.
     */
    private String writeBaselineCommand() {
        List<String> words = new ArrayList<>(List.of("dbzlint", "lint"));
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        // the whole command line: what lint was given starts after its name
        for (int i = original.indexOf(spec.name()) + 1; i < original.size(); i++) {
            String arg = original.get(i);
            if (arg.equals("--fix") || arg.equals("--fix-dry-run") || arg.equals("--diff")) {
                continue;
            }
            words.add(arg.equals("--baseline") ? "--write-baseline"
                    : arg.startsWith("--baseline=") ? "--write-baseline=" + arg.substring("--baseline=".length())
                    : arg);
        }
        return String.join(" ", words.stream().map(LintCommand::shellWord).toList());
    }

    /** A word as a POSIX shell reads it back: quoted when it holds anything but safe characters. */
    static String shellWord(String word) {
        return !word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word
                : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The access to Kafka Connect clusters the options and the environment give. */
    private ConnectAccess.Settings connectSettings() {
        return ConnectOptions.settings(spec, connectUsername, connectPasswordFile, connectTokenFile, connectCa,
                connectKeystore, connectTimeout, env, cwd);
    }

    private static String count(int n, String noun) {
        return FixOutput.count(n, noun);
    }

    private int exitCode(LintResult result, PrintWriter err) {
        if (!result.internalErrors().isEmpty()) {
            return ExitCode.INTERNAL.code();
        }
        if (!result.readErrors().isEmpty()) {
            return ExitCode.USAGE.code();
        }
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        boolean failed = switch (failOn) {
            case error -> errors > 0;
            case warning -> errors + warnings > 0;
            case never -> false;
        };
        if (maxWarnings != null && warnings > maxWarnings) {
            err.println("dbzlint: " + warnings + " warnings, more than --max-warnings " + maxWarnings);
            failed = true;
        }
        return failed ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private Ansi ansi() {
        return color.ansi(env);
    }
}
