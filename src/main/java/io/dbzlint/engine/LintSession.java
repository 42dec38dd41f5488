package io.dbzlint.engine;

import io.dbzlint.config.Baseline;
import io.dbzlint.config.ProjectConfig;
import io.dbzlint.config.ProjectConfigLoader;
import io.dbzlint.config.ProjectRoot;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.deploy.Deployments;
import io.dbzlint.fix.Fixer;
import io.dbzlint.json.InvalidFileException;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Fix;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.ruleset.RuleOverrides;
import io.dbzlint.ruleset.RuleSelection;
import io.dbzlint.ruleset.RuleSetLoader;
import io.dbzlint.connect.ConnectAccess;
import io.dbzlint.source.ConnectSource;
import io.dbzlint.source.DeployedInput;
import io.dbzlint.source.GitRevision;
import io.dbzlint.source.Input;
import io.dbzlint.source.PathSource;
import io.dbzlint.source.Source;
import io.dbzlint.source.StdinSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine: one request in, one report out, for the command line, the language server, the
 * tests and the benchmark alike. Opening a session reads and checks everything the user configured
 * (project config, rules file, baseline), so a broken one fails before any file is linted. A run
 * then goes: find (sources) -> load and per-file rules -> cross-connector claims -> comparison with
 * a git base -> filters (project config ignores, quiet, baseline) -> fixes.
 */
public final class LintSession {

    /** The command-line argument that names standard input. */
    public static final String STDIN = "-";

    /**
     * What a run is asked to do. Paths are resolved from {@code cwd}; null means not given.
     *
     * @param noConfig use no project config, even if one is found
     * @param errorsOnly leave out warnings and infos (--quiet)
     * @param selection the rules the command line selects, over every other layer
     */
    public record Options(Path cwd, Path configFile, boolean noConfig, Path rulesFile, String debeziumVersion,
                          Path baselineFile, Path writeBaselineFile, boolean errorsOnly, InputFormat inputFormat,
                          RuleSelection selection) {

        public Options(Path cwd, Path configFile, boolean noConfig, Path rulesFile, String debeziumVersion,
                       Path baselineFile, Path writeBaselineFile, boolean errorsOnly, InputFormat inputFormat) {
            this(cwd, configFile, noConfig, rulesFile, debeziumVersion, baselineFile, writeBaselineFile, errorsOnly,
                    inputFormat, RuleSelection.NONE);
        }

        /** A plain run from a working directory: discovered config, bundled rules, no baseline. */
        public static Options in(Path cwd) {
            return new Options(cwd, null, false, null, null, null, null, false, null);
        }
    }

    private final Options options;
    private final Path projectRoot;
    private final ProjectConfig config;
    private final RuleSet ruleSet;
    private final Baseline baseline;
    private final boolean baselineMissing;
    private final Linter linter;
    /** Where the inputs run, kept between runs of a session that remembers (see {@link #remembering}); else null. */
    private Deployments layout;

    private LintSession(Options options, Path projectRoot, ProjectConfig config, RuleSet ruleSet, Baseline baseline,
                        boolean baselineMissing) {
        this.options = options;
        this.projectRoot = projectRoot;
        this.config = config;
        this.ruleSet = ruleSet;
        this.baseline = baseline;
        this.baselineMissing = baselineMissing;
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
            RuleSet ruleSet = RuleSetLoader.build(layers, options.selection());
            Baseline baseline = null;
            boolean baselineMissing = false;
            if (options.baselineFile() != null && options.writeBaselineFile() == null) {
                Path file = cwd.resolve(options.baselineFile());
                // not written yet (a first CI run): linted as without one, and the caller says how to write it
                baselineMissing = Files.notExists(file, LinkOption.NOFOLLOW_LINKS);
                baseline = baselineMissing ? null : Baseline.read(file, options.baselineFile().toString());
            }
            return new LintSession(options, root, config, ruleSet, baseline, baselineMissing);
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

    /**
     * The sources command-line arguments name: files and folders, and standard input for {@code -}
     * (once, after the files).
     *
     * @param stdinFilename the file standard input stands for (--stdin-filename), or null
     */
    public List<Source> sources(List<String> arguments, InputStream stdin, String stdinFilename) {
        List<String> paths = new ArrayList<>();
        boolean readsStdin = false;
        for (String argument : arguments) {
            if (argument.equals(STDIN)) {
                readsStdin = true;
            } else {
                paths.add(argument);
            }
        }
        List<Source> sources = new ArrayList<>(2);
        if (!paths.isEmpty()) {
            sources.add(new PathSource(paths, options.cwd(), projectRoot, options.inputFormat()));
        }
        if (readsStdin) {
            sources.add(new StdinSource(stdin, stdinFilename, options.cwd(), projectRoot, options.inputFormat()));
        }
        return sources;
    }

    /**
     * The live Kafka Connect clusters a run reads: those given on the command line, and, when asked,
     * those the project config's deployments name. A cluster the config names joins its deployment
     * (also when given on the command line); any other is a deployment of its own that every
     * deployment of the repository is compared with.
     *
     * @throws SessionException for a URL or credentials that cannot be used, before anything is read
     */
    public List<Source> clusters(List<String> urls, boolean declared, ConnectAccess.Settings settings)
            throws SessionException {
        Map<String, Deployment> wanted = clusterUrls(urls, declared);
        List<Source> sources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, Deployment> cluster : wanted.entrySet()) {
            try {
                ConnectAccess access = settings.to(cluster.getKey());
                if (seen.add(access.url().toString())) {
                    sources.add(new ConnectSource(access, cluster.getValue()));
                }
            } catch (ConnectAccess.Invalid e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new SessionException(problems);
        }
        return sources;
    }

    /**
     * The clusters a run reads, each with the project config's deployment it is applied to, or null
     * for one given on the command line alone.
     */
    public Map<String, Deployment> clusterUrls(List<String> urls, boolean declared) throws SessionException {
        Map<String, Deployment> named = config.clusters();
        Map<String, Deployment> wanted = new LinkedHashMap<>();
        if (declared) {
            wanted.putAll(named);
            if (named.isEmpty()) {
                throw new SessionException(List.of("--connect reads the Kafka Connect clusters the project config's"
                        + " deployments name (connect: URL), and " + (config.file() == null ? "there is no project"
                        + " config" : Printable.escape(config.file().getFileName().toString()) + " names none")));
            }
        }
        for (String url : urls) {
            wanted.putIfAbsent(url.trim(), named.get(url.trim()));
        }
        return wanted;
    }

    /** The inputs of the sources, less those the project config excludes. */
    public Source.Found find(List<Source> sources) {
        Source.Found found = Source.Found.of(sources);
        List<Input> included = new ArrayList<>(found.inputs().size());
        for (Input input : found.inputs()) {
            // what a cluster runs is not the repository's to include or exclude
            if (input instanceof DeployedInput || config.includes(input.id())) {
                included.add(input);
            }
        }
        if (included.isEmpty() && !found.inputs().isEmpty()) {
            // a config that lints nothing would pass every pull request: a usage error, not a clean run
            List<String> errors = new ArrayList<>(found.errors());
            errors.add(Printable.escape(String.valueOf(config.file() == null ? "the project config"
                    : config.file().getFileName())) + ": its include and exclude leave none of the "
                    + found.inputs().size() + (found.inputs().size() == 1 ? " file" : " files")
                    + " found to lint; nothing was linted");
            return new Source.Found(included, errors);
        }
        return new Source.Found(included, found.errors());
    }

    /** Runs a request through every step, from finding its inputs to fixing them. */
    public LintReport run(LintRequest request) throws SessionException {
        Source.Found found = find(request.sources());
        if (found.inputs().isEmpty() && !found.errors().isEmpty()) {
            return new LintReport(linter.lint(List.of()), found.errors(), -1, LintReport.Fixes.NONE);
        }
        GitRevision base = null;
        if (request.baseRef() != null) {
            try {
                base = GitRevision.open(options.cwd(), request.baseRef());
            } catch (GitRevision.Unavailable e) {
                throw new SessionException(List.of(e.getMessage()));
            }
        }
        List<Input> inputs = found.inputs();
        LintResult result = check(inputs, base, request.baseRef());
        int written = -1;
        Baseline absorbing = baseline;
        if (options.writeBaselineFile() != null) {
            written = writeBaseline(result);
            absorbing = Baseline.of(result.findings()); // then reported as if with --baseline
        }
        if (absorbing != null) {
            result = result.keep(absorbing.newFindings());
        }
        GitRevision atBase = base;
        Baseline kept = absorbing;
        return fix(request, inputs, result, found.errors(), written, fixed -> {
            LintResult again = check(fixed, atBase, request.baseRef());
            return kept != null ? again.keep(kept.newFindings()) : again;
        });
    }

    /**
     * The fixing step of a run: nothing, a plan (--diff), or the plan applied and the inputs checked
     * again, so the report is of what remains.
     *
     * @param again the run's check, of the inputs as they are after fixing
     */
    private LintReport fix(LintRequest request, List<Input> inputs, LintResult result, List<String> inputErrors,
                           int written, java.util.function.Function<List<Input>, LintResult> again)
            throws SessionException {
        if (request.fix() == FixMode.NONE) {
            return new LintReport(result, inputErrors, written, LintReport.Fixes.NONE);
        }
        List<Fixer.FileFix> plans = plan(inputs, result, request.fixes());
        if (request.fix() == FixMode.DIFF) {
            return new LintReport(result, inputErrors, written, new LintReport.Fixes(plans,
                    plans.stream().mapToInt(Fixer.FileFix::applied).sum(), plans.size(), List.of(), null));
        }
        Fixed fixed = applyFixes(inputs, plans);
        if (!plans.isEmpty()) {
            result = again.apply(fixed.inputs());
        }
        return new LintReport(result, inputErrors, written, fixed.fixes());
    }

    /**
     * Where each connector of the sources runs, grouped by deployment in order of first appearance:
     * what {@code dbzlint deployments} shows, with the evidence of each group.
     */
    public Map<Deployment, List<Connector>> deployments(List<Source> sources) {
        List<Input> inputs = find(sources).inputs();
        Map<Deployment, List<Connector>> groups = new LinkedHashMap<>();
        for (Linter.Placed placed : linter.place(inputs, placed(inputs))) {
            groups.computeIfAbsent(placed.deployment(), d -> new ArrayList<>()).add(placed.connector());
        }
        return groups;
    }

    /** A lint of inputs in memory, through the same steps as any run (filters, and a baseline if the session writes one). */
    public LintResult lint(List<Input> inputs) {
        try {
            return run(LintRequest.of(inputs)).result();
        } catch (SessionException e) {
            throw new IllegalStateException("a run without a base or a baseline to write cannot fail", e);
        }
    }

    /** Lints, compares with the base, then leaves out ignored and quieted findings. */
    private LintResult check(List<Input> inputs, GitRevision base, String baseRef) {
        LintResult result = linter.lint(inputs, placed(inputs));
        Optional<Severity> changed = ruleSet.info(BaseComparison.RULE).severity();
        if (base != null && changed.isPresent()) {
            Source.Found atBase = base.filesOf(inputs).find();
            // a base file that cannot be read fails the run: comparing with nothing would pass it
            result = result.plus(new BaseComparison(baseRef, changed.get()).compare(inputs, atBase.inputs()))
                    .withReadErrors(atBase.errors());
        }
        result = result.keep(finding -> !config.ignores(finding));
        if (options.errorsOnly()) {
            result = result.keep(finding -> finding.severity() == Severity.ERROR);
        }
        return result;
    }

    /**
     * This session, remembering from now on what each file left and where it runs, for a caller that
     * lints the same workspace on every edit (the language server): a run then reads only the files
     * that changed, and the cross-connector rules see every claim. {@link #forgetLayout} when files
     * other than connector configs may have changed (a compose file, a Dockerfile).
     */
    public LintSession remembering() {
        linter.remember();
        layout = new Deployments(projectRoot, config::deploymentOf);
        return this;
    }

    /** Works out the project's layout (deployments, releases) and every file's findings again on the next run. */
    public void forgetLayout() {
        if (layout != null) {
            remembering();
        }
    }

    /** Where each input's connectors run, from the project's layout. */
    private Map<InputId, Deployment> placed(List<Input> inputs) {
        Deployments deployments = layout != null ? layout : new Deployments(projectRoot, config::deploymentOf);
        Map<InputId, Deployment> placed = new HashMap<>();
        for (Input input : inputs) {
            placed.put(input.id(), input instanceof DeployedInput deployed ? deployed.deployment()
                    : deployments.of(input.id()));
        }
        return placed;
    }

    /** --write-baseline: records the findings, so that the run reports none of them. */
    private int writeBaseline(LintResult result) throws SessionException {
        Path file = options.cwd().resolve(options.writeBaselineFile());
        try {
            Baseline.write(file, result.findings());
        } catch (IOException e) {
            throw new SessionException(List.of(options.writeBaselineFile() + ": cannot write baseline: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        return result.findings().size();
    }

    private static List<Fixer.FileFix> plan(List<Input> inputs, LintResult result, Fix.Safety allowed)
            throws SessionException {
        Map<InputId, Input> byId = new HashMap<>();
        // a connector a cluster runs is no file: its findings are fixed in the repository, not there
        inputs.stream().filter(input -> !(input instanceof DeployedInput)).forEach(input -> byId.put(input.id(), input));
        try {
            return Fixer.plan(result.findings(), allowed, id -> Optional.ofNullable(byId.get(id)));
        } catch (IOException e) {
            throw new SessionException(List.of("cannot read a file to fix: " + e.getMessage()));
        }
    }

    /** The inputs as they are after fixing, and what was fixed. */
    private record Fixed(List<Input> inputs, LintReport.Fixes fixes) {
    }

    /**
     * --fix: writes each file's fixes in place; an input that is no file (standard input) is fixed
     * in memory, and its text, fixed or not, is what the report gives back for standard output.
     */
    private Fixed applyFixes(List<Input> inputs, List<Fixer.FileFix> plans) {
        Map<InputId, Fixer.FileFix> inMemory = new HashMap<>();
        List<String> errors = new ArrayList<>();
        int problems = 0;
        int files = 0;
        for (Fixer.FileFix plan : plans) {
            if (plan.path() == null) {
                inMemory.put(plan.input(), plan);
                problems += plan.applied();
                files++;
                continue;
            }
            try {
                Fixer.write(plan, projectRoot);
                problems += plan.applied();
                files++;
            } catch (IOException e) {
                errors.add("cannot write " + plan.input().displayPath() + ": " + e.getMessage());
            }
        }
        String stdout = null;
        List<Input> after = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            if (input.path().isPresent()) {
                after.add(input); // read again from disk
                continue;
            }
            Fixer.FileFix plan = inMemory.get(input.id());
            String text = plan != null ? plan.after() : textOf(input);
            if (stdout == null) {
                stdout = text; // null when it could not be read: the report says why, and nothing is given back
            }
            after.add(plan != null ? Input.ofBytes(input.id(), text.getBytes(StandardCharsets.UTF_8)) : input);
        }
        return new Fixed(after, new LintReport.Fixes(plans, problems, files, errors, stdout));
    }

    /** The text of an input in memory as it was read, or null when it could not be read (too large). */
    private static String textOf(Input input) {
        try {
            return new String(input.read(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What must change in the connectors of a request's sources to move from one Debezium release to
     * another; with a fix mode, its renames and value changes are shown or applied as lint's fixes
     * are, and the report is then of what remains.
     */
    public LintReport upgrade(LintRequest request, DebeziumVersion from, DebeziumVersion to) throws SessionException {
        Source.Found found = find(request.sources());
        UpgradeReport upgrade = new UpgradeReport(from, to);
        return fix(request, found.inputs(), upgrade.run(found.inputs()), found.errors(), -1, upgrade::run);
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** True when the options name a baseline that does not exist yet: the run reports every finding. */
    public boolean baselineMissing() {
        return baselineMissing;
    }

    public Path projectRoot() {
        return projectRoot;
    }
}
