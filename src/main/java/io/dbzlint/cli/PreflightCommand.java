package io.dbzlint.cli;

import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.preflight.Preflight;
import io.dbzlint.preflight.PreflightChecks;
import io.dbzlint.report.Format;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.ruleset.RuleSetLoader;
import io.dbzlint.source.Source;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "preflight", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Checks the databases the PostgreSQL, MySQL and MariaDB connectors will read, before they"
                + " start: connects read-only with each connector's own connection keys (config provider references"
                + " and ${VAR} templates filled in from the environment, ${file:...} from files inside the project)"
                + " and reports what Debezium would fail on, at the key it concerns. Nothing connects during lint.",
            "Preflight sends a connector's credentials to the host its config names: run it on configs you trust.",
            "Exits 1 on an error finding, 2 when a database cannot be reached or no connector could be checked."})
final class PreflightCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files and directories of connector configs"
            + " (default: '.').")
    private List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT[=FILE]", converter = OutputTarget.Converter.class,
            completionCandidates = OutputTarget.Names.class, description = "${COMPLETION-CANDIDATES}, to standard"
            + " output or =FILE; repeatable (default: text).")
    private List<OutputTarget> outputs = new ArrayList<>();

    @Option(names = "--password-env", paramLabel = "VAR", description = "The environment variable holding the"
            + " password, for every connector (instead of database.password).")
    private String passwordEnv;

    @Option(names = "--host-map", paramLabel = "NAME=HOST[:PORT]", description = "Reach a host the configs name"
            + " (a compose service, say postgres=localhost:5433) elsewhere; repeatable.")
    private Map<String, String> hostMap = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "To connect and log in, per database (default: ${DEFAULT-VALUE}).")
    private int timeout;

    @Option(names = "--max-downtime", paramLabel = "DURATION", defaultValue = "24h", description = "The longest a"
            + " connector may be down: binlogs must be kept longer (e.g. 36h, 7d; default: ${DEFAULT-VALUE}).")
    private String maxDowntime;

    @Option(names = "--max-retained-wal", paramLabel = "SIZE", defaultValue = "1GB", description = "WAL an"
            + " existing slot may hold back before a warning (e.g. 512MB; default: ${DEFAULT-VALUE}).")
    private String maxRetainedWal;

    @Option(names = "--debezium-version", paramLabel = "VERSION", description = "The Debezium release the"
            + " connectors run, for its defaults (default: the one the repository names, else the latest known).")
    private String debeziumVersion;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto, always or never (default: ${DEFAULT-VALUE}; auto means on a terminal, unless NO_COLOR"
                    + " is set).")
    private LintCommand.Color color;

    private final InputStream stdin;
    private final Map<String, String> env;
    private final Path cwd;

    PreflightCommand(InputStream stdin, Map<String, String> env, Path cwd) {
        this.stdin = stdin;
        this.env = env;
        this.cwd = cwd;
    }

    @Override
    public Integer call() throws SessionException, Outputs.Unwritable {
        PrintWriter err = spec.commandLine().getErr();
        Duration downtime = duration(maxDowntime);
        long retained = size(maxRetainedWal);
        if (timeout < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout: at least 1 second");
        }
        for (Map.Entry<String, String> mapping : hostMap.entrySet()) {
            if (mapping.getValue().isBlank() || !mapping.getValue().matches("[^:\\s]+(:\\d{1,5})?")) {
                throw new ParameterException(spec.commandLine(), "--host-map: expected NAME=HOST or NAME=HOST:PORT,"
                        + " but " + mapping.getKey() + " maps to '" + mapping.getValue() + "'");
            }
        }
        if (debeziumVersion != null) {
            VersionOption.parse(spec, "--debezium-version", debeziumVersion);
        }
        Outputs targets = Outputs.of(spec, outputs, cwd);
        LintSession session = LintSession.open(new LintSession.Options(cwd, null, false, null, debeziumVersion,
                null, null, false, null));
        List<Source> sources = session.sources(paths == null || paths.isEmpty() ? List.of(".") : paths, stdin, null);
        Source.Found found = session.find(sources);
        found.errors().forEach(error -> err.println("dbzlint: " + error));
        Preflight.Outcome outcome = Preflight.run(session, sources, new Preflight.Options(env, passwordEnv,
                hostMap, timeout, downtime, retained));
        targets.write(outcome.result(), new Format.Context(outcome.checks(), Version.number(), color.ansi(env)),
                spec.commandLine().getOut());
        outcome.skipped().forEach(line -> err.println("dbzlint: " + line));
        outcome.unreachable().forEach(line -> err.println("dbzlint: " + line));
        if (outcome.result().connectors() == 0) {
            err.println("dbzlint: no database was checked" + (outcome.skipped().isEmpty()
                    && outcome.unreachable().isEmpty() ? ": no PostgreSQL, MySQL or MariaDB connector found" : ""));
            return ExitCode.USAGE.code();
        }
        if (!outcome.unreachable().isEmpty() || !found.errors().isEmpty()) {
            return ExitCode.USAGE.code();
        }
        return outcome.result().count(Severity.ERROR) > 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new ParameterException(spec.commandLine(), "--max-downtime: expected a number and s, m, h or d"
                    + " (e.g. 36h, 7d), but was '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private long size(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches() || matcher.group(1).length() > 12) {
            throw new ParameterException(spec.commandLine(), "--max-retained-wal: expected a size such as 512MB or 2GB,"
                    + " but was '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2).toUpperCase(Locale.ROOT);
        int shift = switch (unit) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            default -> 0;
        };
        return amount << shift;
    }

    /** The checks, for --help's footer: as lint --help lists its rules. */
    static List<String> checkList() {
        return RuleDocs.helpLines(PreflightChecks.ruleSet(RuleSetLoader.bundled().parameters()), 100);
    }
}
