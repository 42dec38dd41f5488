package io.dbzlint.cli;

import io.dbzlint.connect.ConnectAccess;
import io.dbzlint.engine.SessionException;
import io.dbzlint.engine.Warmup;
import io.dbzlint.model.Printable;
import io.dbzlint.report.SafePrintWriter;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.ruleset.RuleSetLoader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine;

/** The entry point. Tests call {@link #run}; only {@link #main} exits the JVM. */
public final class Main {

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = isVersion(args) ? printVersion(out)
                : run(args, System.in, out, err, System.getenv(), Path.of("").toAbsolutePath());
        out.flush();
        err.flush();
        if (args.length > 0 && args[0].equals("lsp") || flightRecording()) {
            System.exit(code); // shutdown hooks to run: a server's threads, a recording to write out
        }
        // Everything is written and flushed, and dbzlint registers no shutdown hook: halt skips
        // what System.exit adds on a JDK 21+ (a logger looked up to report the exit), about 10 ms.
        Runtime.getRuntime().halt(code);
    }

    /** True when the JVM runs a flight recording (-XX:StartFlightRecording), which it writes out at exit. */
    private static boolean flightRecording() {
        try {
            return jdk.jfr.FlightRecorder.isInitialized();
        } catch (LinkageError e) {
            return false; // a runtime image without the jdk.jfr module
        }
    }

    /** --version alone: the one question that needs no command model, answered before picocli builds one. */
    private static boolean isVersion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    private static int printVersion(PrintWriter out) {
        out.println("dbzlint " + Version.number());
        out.flush();
        return ExitCode.OK.code();
    }

    /**
     * Runs one command line.
     *
     * @param cwd where the project config is looked for, and what report paths are relative to
     */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err,
                          Map<String, String> env, Path cwd) {
        if (isVersion(args)) {
            return printVersion(out);
        }
        // a CI runner reads commands from any line of the log: none that dbzlint prints is one
        out = SafePrintWriter.wrap(out, false);
        err = SafePrintWriter.wrap(err, true);
        if (args.length > 0 && args[0].equals("lint")) {
            Warmup.start(); // the rules, catalog and schemas load while picocli builds its model
        }
        CommandLine commandLine = commandLine(stdin, env, cwd, args.length > 0 ? args[0] : "");
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code;
        try {
            code = commandLine.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            err.println("dbzlint: internal error: " + e.getClass().getSimpleName()
                    + (e instanceof OutOfMemoryError ? "; give the JVM more memory (-Xmx) or lint fewer files at once" : ""));
            if (List.of(args).contains("--debug")) {
                e.printStackTrace(err);
            }
            code = ExitCode.INTERNAL.code();
        }
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(InputStream stdin, Map<String, String> env, Path cwd, String firstArgument) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == UpgradeCommand.class) {
                    return type.cast(new UpgradeCommand(stdin, env, cwd));
                }
                if (type == PreflightCommand.class) {
                    return type.cast(new PreflightCommand(stdin, env, cwd));
                }
                if (type == PolicyCommand.class) {
                    return type.cast(new PolicyCommand(cwd));
                }
                if (type == DriftCommand.class) {
                    return type.cast(new DriftCommand(stdin, env, cwd));
                }
                if (type == DeploymentsCommand.class) {
                    return type.cast(new DeploymentsCommand(stdin, cwd));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            // No option of ours takes a date, time or JDBC type, and registering picocli's converters
            // for them runs java.time's and java.sql's class initialisers: about 15 ms per start.
            System.setProperty(CONVERTER_EXCLUDES, "java\\.time\\..*,java\\.sql\\..*");
        }
        CommandLine commandLine = new CommandLine(DbzlintCommand.spec(), factory);
        // completion and top-level help describe every command; a command line naming one needs only that one
        boolean onlyOne = DbzlintCommand.SUBCOMMANDS.containsKey(firstArgument)
                && !firstArgument.equals("generate-completion");
        DbzlintCommand.SUBCOMMANDS.forEach((name, type) -> {
            if (!onlyOne || firstArgument.equals(name)) {
                Object command = type == LintCommand.class ? LintCommand.spec(new LintCommand(stdin, env, cwd)) : type;
                commandLine.addSubcommand(name, new CommandLine(command, factory));
            }
        });
        CommandLine preflight = commandLine.getSubcommands().get("preflight");
        if (preflight != null) {
            List<String> footer = new ArrayList<>(List.of("", "Checks (dbzlint explain CHECK tells what each checks and"
                    + " how to fix it):"));
            footer.addAll(PreflightCommand.checkList());
            preflight.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        }
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            // padded by hand: String.format would load the locale data on every start-up
            String number = Integer.toString(code.code());
            exitCodes.put(" ".repeat(Math.max(0, 3 - number.length())) + number, code.meaning());
        }
        CommandLine lint = commandLine.getSubcommands().get("lint");
        for (CommandLine command : lint == null ? List.of(commandLine) : List.of(commandLine, lint)) {
            command.getCommandSpec().usageMessage()
                    .exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(exitCodes);
        }
        if (lint != null) {
            addRulesSection(lint);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // what stops a command for a reason the user can act on: one line each, no trace
            if (exception instanceof SessionException session) {
                session.problems().forEach(problem -> cmd.getErr().println("dbzlint: " + problem));
                return ExitCode.USAGE.code();
            }
            if (exception instanceof Outputs.Unwritable || exception instanceof ConnectAccess.Invalid) {
                cmd.getErr().println("dbzlint: " + exception.getMessage());
                return ExitCode.USAGE.code();
            }
            cmd.getErr().println("dbzlint: internal error: " + Printable.cut(String.valueOf(exception), 300)
                    + " (please report this, with the input if you can)");
            if (parseResult.originalArgs().contains("--debug")) {
                exception.printStackTrace(cmd.getErr());
            }
            return ExitCode.INTERNAL.code();
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("dbzlint: " + exception.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code();
        });
        commandLine.setExitCodeExceptionMapper(exception -> ExitCode.USAGE.code());
        return commandLine;
    }

    /**
     * Where 'lint --help' sends for the rules: to 'dbzlint rules', which lists them, as ruff's help
     * does (the list made the help 255 lines).
     */
    private static void addRulesSection(CommandLine lint) {
        String heading = "rulesHeading";
        String list = "rulesList";
        lint.getHelpSectionMap().put(heading, help -> String.format("%nRules:%n"));
        lint.getHelpSectionMap().put(list, help -> String.format("  %d rules: 'dbzlint rules' lists them, 'dbzlint"
                + " explain RULE' tells what one checks and how to fix it.%n", RuleSetLoader.bundled().all().size()));
        List<String> keys = new ArrayList<>(lint.getHelpSectionKeys());
        int at = keys.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING);
        keys.addAll(at, List.of(heading, list));
        lint.setHelpSectionKeys(keys);
    }
}
