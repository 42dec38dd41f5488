package io.dbzlint.engine;

import io.dbzlint.config.Baseline;
import io.dbzlint.config.ProjectConfig;
import io.dbzlint.config.ProjectConfigLoader;
import io.dbzlint.config.ProjectRoot;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.json.InvalidFileException;
import io.dbzlint.load.InputFinder;
import io.dbzlint.load.Source;
import io.dbzlint.model.InputFormat;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.ruleset.RuleOverrides;
import io.dbzlint.ruleset.RuleSetLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole lint pipeline, in one place for the command line, the tests and the benchmark:
 * options in, a result out. Opening a session reads and checks everything the user configured
 * (project config, rules file, baseline), so a broken one fails before any file is linted.
 */
public final class LintSession {

    /**
     * What a run is asked to do. Paths are resolved from {@code cwd}; null means not given.
     *
     * @param noConfig use no project config, even if one is found
     * @param errorsOnly leave out warnings and infos (--quiet)
     */
    public record Options(Path cwd, Path configFile, boolean noConfig, Path rulesFile, String debeziumVersion,
                          Path baselineFile, Path writeBaselineFile, boolean errorsOnly, InputFormat inputFormat) {

        /** A plain run from a working directory: discovered config, bundled rules, no baseline. */
        public static Options in(Path cwd) {
            return new Options(cwd, null, false, null, null, null, null, false, null);
        }
    }

    /**
     * @param baselineWritten how many findings were recorded with --write-baseline, or -1
     */
    public record Outcome(LintResult result, int baselineWritten) {
    }

    private final Options options;
    private final Path projectRoot;
    private final ProjectConfig config;
    private final RuleSet ruleSet;
    private final Baseline baseline;
    private final Linter linter;

    private LintSession(Options options, Path projectRoot, ProjectConfig config, RuleSet ruleSet, Baseline baseline) {
        this.options = options;
        this.projectRoot = projectRoot;
        this.config = config;
        this.ruleSet = ruleSet;
        this.baseline = baseline;
        this.linter = new Linter(ruleSet);
    }

    public static LintSession open(Options options) throws SessionException {
        Path cwd = options.cwd();
        try {
            Optional<ProjectConfigLoader.Found> configFile = options.noConfig() ? Optional.empty()
                    : options.configFile() != null
                            ? Optional.of(new ProjectConfigLoader.Found(cwd.resolve(options.configFile()),
                                    options.configFile().toString()))
                            : ProjectConfigLoader.discover(cwd);
            Path root = ProjectRoot.of(cwd, configFile.map(ProjectConfigLoader.Found::file).orElse(null));
            ProjectConfig config = configFile.isPresent()
                    ? ProjectConfigLoader.load(configFile.get(), root) : ProjectConfig.NONE;

            List<RuleOverrides> layers = new ArrayList<>();
            if (config.file() != null) {
                layers.add(config.rules());
            }
            if (options.rulesFile() != null) {
                layers.add(RuleSetLoader.readRulesFile(cwd.resolve(options.rulesFile()),
                        options.rulesFile().toString()));
            }
            if (options.debeziumVersion() != null) {
                layers.add(RuleOverrides.debeziumVersion("--debezium-version", options.debeziumVersion()));
            }
            RuleSet ruleSet = RuleSetLoader.build(layers);
            Baseline baseline = options.baselineFile() != null && options.writeBaselineFile() == null
                    ? Baseline.read(cwd.resolve(options.baselineFile()), options.baselineFile().toString()) : null;
            return new LintSession(options, root, config, ruleSet, baseline);
        } catch (InvalidFileException e) {
            throw new SessionException(e.problems());
        }
    }

    /** A session with the bundled rules only, for in-memory inputs (benchmarks, tests). */
    public static LintSession bundled(Path cwd) {
        try {
            return open(new Options(cwd, null, true, null, null, null, null, false, null));
        } catch (SessionException e) {
            throw new IllegalStateException("the bundled rules cannot fail to load: " + e.getMessage(), e);
        }
    }

    /** The inputs that command-line paths name, less those the project config excludes. */
    public InputFinder.Found find(List<String> paths, InputStream stdin) {
        InputFinder.Found found = InputFinder.find(paths, stdin, options.cwd(), projectRoot, options.inputFormat());
        List<Source> included = found.sources().stream().filter(source -> config.includes(source.id())).toList();
        return new InputFinder.Found(included, found.errors());
    }

    /** Lints the inputs, then leaves out ignored, quieted and baselined findings; writes a baseline if asked. */
    public Outcome lint(List<Source> sources) throws SessionException {
        LintResult result = linter.lint(sources).keep(finding -> !config.ignores(finding));
        if (options.errorsOnly()) {
            result = result.keep(finding -> finding.severity() == Severity.ERROR);
        }
        Baseline absorbing = baseline;
        int written = -1;
        if (options.writeBaselineFile() != null) {
            Path file = options.cwd().resolve(options.writeBaselineFile());
            try {
                Baseline.write(file, result.findings());
            } catch (IOException e) {
                throw new SessionException(List.of(options.writeBaselineFile() + ": cannot write baseline: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
            written = result.findings().size();
            absorbing = Baseline.of(result.findings());
        }
        if (absorbing != null) {
            result = result.keep(absorbing.newFindings());
        }
        return new Outcome(result, written);
    }

    /** What must change in the inputs' connectors to move from one Debezium release to another. */
    public LintResult upgrade(List<Source> sources, DebeziumVersion from, DebeziumVersion to) {
        return new UpgradeReport(from, to).run(sources);
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public Path projectRoot() {
        return projectRoot;
    }
}
