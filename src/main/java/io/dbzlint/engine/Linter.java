package io.dbzlint.engine;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.debezium.ReleaseCatalog;
import io.dbzlint.deploy.Deployments;
import io.dbzlint.json.Limits;
import io.dbzlint.load.ConfigLoader;
import io.dbzlint.load.LoadProblem;
import io.dbzlint.load.LoadedFile;
import io.dbzlint.load.ServerEnvironments;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.model.ScriptBranches;
import io.dbzlint.model.Secrets;
import io.dbzlint.model.ValueKind;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Fix;
import io.dbzlint.result.InternalFailure;
import io.dbzlint.result.LintResult;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.Alternatives;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.CrossConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.Rule;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.RuleParameters;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.rule.checks.ConfigProviderReferenceRule;
import io.dbzlint.rule.checks.ConfigSchemaRule;
import io.dbzlint.source.DeployedInput;
import io.dbzlint.source.Input;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the rules over a set of inputs. Each file is read, parsed and checked on its own, in
 * parallel; what cross-connector rules need of it is kept as small claims and the connectors
 * themselves are dropped, so memory grows with the number of claims, not the size of the configs.
 * Cross-connector rules then see every claim in input order, so output is stable.
 */
final class Linter {

    /** Shorter secret texts are not blanked out of messages: "1" would blank every digit. */
    private static final int MIN_REDACTED = 3;

    private final RuleSet ruleSet;
    private final RuleContext context;
    /** Contexts for the releases deployments name, made when first needed; files are linted in parallel. */
    private final Map<String, RuleContext> byRelease = new ConcurrentHashMap<>();
    /** Contexts for the releases configs are read as written for, where nothing names one. */
    private final Map<String, RuleContext> assumed = new ConcurrentHashMap<>();
    private final ConfigLoader plainLoader = new ConfigLoader();
    private final List<ConnectorRule> connectorRules = new ArrayList<>();
    /** The severity of each connector rule, by the rule's position: looked up once, not per connector. */
    private final List<Severity> connectorSeverities = new ArrayList<>();
    private final List<CrossConnectorRule<?>> crossRules = new ArrayList<>();
    /**
     * What each input of the last run left, by its text and deployment, for a session that lints the
     * same workspace again and again (the editor): an unchanged file is not read again, only the
     * cross-connector rules see every claim again. Null when not asked for.
     */
    private Map<InputId, Remembered> remembered;

    /** A file's outcome, for as long as its bytes are equal and it runs in the deployment of that name. */
    private record Remembered(byte[] bytes, Deployment deployment, FileOutcome outcome) {
    }

    Linter(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.context = new RuleContext(ruleSet.parameters(), Debezium.bundled());
        for (RuleSet.Entry entry : ruleSet.enabled()) {
            if (entry.rule() instanceof ConnectorRule connectorRule) {
                connectorRules.add(connectorRule);
                connectorSeverities.add(entry.info().severity().orElseThrow());
            } else if (entry.rule() instanceof CrossConnectorRule<?> crossRule) {
                crossRules.add(crossRule);
            }
        }
    }

    LintResult lint(List<Input> sources) {
        return lint(sources, Map.of());
    }

    /** From now on, remembers each file's outcome between runs (see {@link #remembered}). */
    void remember() {
        remembered = new ConcurrentHashMap<>();
    }

    /**
     * @param placed the deployment of each input's connectors, before what a connector says itself;
     *     an input missing from it is in the repository's
     */
    LintResult lint(List<Input> sources, Map<InputId, Deployment> placed) {
        // a live cluster given on the command line meets every deployment of the repository
        List<Deployment> mirrors = new ArrayList<>();
        if (sources.stream().anyMatch(source -> source instanceof DeployedInput deployed
                && deployed.meetsEveryDeployment())) {
            java.util.Set<Deployment> seen = new java.util.LinkedHashSet<>();
            for (Input source : sources) {
                if (!(source instanceof DeployedInput)) {
                    seen.add(placed.getOrDefault(source.id(), Deployment.REPOSITORY));
                }
            }
            seen.forEach(deployment -> mirrors.add(deployment.mirrored()));
        }
        ConfigLoader loader = loaderFor(sources);
        FileOutcome[] outcomes = sources.parallelStream()
                .map(source -> lintFile(source, placed.getOrDefault(source.id(), Deployment.REPOSITORY),
                        source instanceof DeployedInput deployed && deployed.meetsEveryDeployment()
                                ? mirrors : List.of(), loader))
                .toArray(FileOutcome[]::new);
        if (remembered != null) {
            java.util.Set<InputId> linted = new java.util.HashSet<>();
            sources.forEach(source -> linted.add(source.id()));
            remembered.keySet().retainAll(linted); // a file gone from the workspace is forgotten
        }

        List<Finding> findings = new ArrayList<>();
        List<String> readErrors = new ArrayList<>();
        List<InternalFailure> internalErrors = new ArrayList<>();
        List<InputId> skipped = new ArrayList<>();
        List<InputId> inputs = new ArrayList<>(outcomes.length);
        List<List<Claim>> claims = new ArrayList<>();
        crossRules.forEach(rule -> claims.add(new ArrayList<>()));
        int connectors = 0;
        int withPlaceholders = 0;
        Map<InputId, ScriptBranches> scripts = new HashMap<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        Map<Finding, String> commented = new java.util.IdentityHashMap<>();
        java.util.Set<String> appended = new java.util.HashSet<>();
        List<Finding> absent = new ArrayList<>();
        Map<Finding, Long> replyFindings = new java.util.IdentityHashMap<>();
        java.util.Set<Long> bodyConfigs = new java.util.HashSet<>();
        Map<Finding, List<String>> referring = new java.util.IdentityHashMap<>();
        boolean hashCommentsStripped = false;
        for (int f = 0; f < outcomes.length; f++) {
            FileOutcome outcome = outcomes[f];
            if (outcome.copies() != null) {
                written.addAll(outcome.copies().written());
                commented.putAll(outcome.copies().commented());
                absent.addAll(outcome.copies().absent());
                replyFindings.putAll(outcome.copies().echoes());
                bodyConfigs.addAll(outcome.copies().bodies());
                referring.putAll(outcome.copies().referring());
                hashCommentsStripped |= outcome.copies().stripsHashComments();
            }
            if (outcome.branches() != null) {
                appended.addAll(outcome.branches().appends());
            }
            outcomes[f] = null; // what it holds is in the run's lists now
            if (outcome.branches() != null && !outcome.branches().isEmpty()) {
                scripts.put(sources.get(f).id(), outcome.branches());
            }
            if (outcome.readError() != null) {
                readErrors.add(outcome.readError());
                continue;
            }
            if (outcome.internalError() != null) {
                internalErrors.add(outcome.internalError());
                continue;
            }
            if (outcome.skipped()) {
                skipped.add(sources.get(f).id());
                continue;
            }
            inputs.add(sources.get(f).id());
            connectors += outcome.connectors();
            withPlaceholders += outcome.withPlaceholders();
            findings.addAll(outcome.findings());
            outcome.claims().forEach((claim, rule) -> claims.get(rule).add(claim));
        }
        // folders of alternatives (one name for two connectors in sibling folders) are found first:
        // every cross-connector rule leaves them uncompared
        List<Claim.Site[]> clashes = new ArrayList<>();
        for (int i = 0; i < crossRules.size(); i++) {
            try {
                clashes.addAll(clashesOf(crossRules.get(i), claims.get(i)));
            } catch (RuntimeException | StackOverflowError e) {
                internalErrors.add(new InternalFailure("internal error in rule " + crossRules.get(i).id()
                        + " across all inputs: " + describe(e), e));
            }
        }
        annotatedCopies(findings, written, commented);
        completedByScripts(findings, appended, absent);
        SavedReplies.dropEchoes(findings, replyFindings, bodyConfigs);
        if (!referring.isEmpty()) {
            WorkerProviders.dropCustom(findings, referring, WorkerProviders.of(sources));
        }
        if (hashCommentsStripped) {
            hashCommentsStripped(findings);
        }
        RuleContext finishing = context.with(Alternatives.of(clashes, scripts));
        for (int i = 0; i < crossRules.size(); i++) {
            try {
                finish(crossRules.get(i), claims.get(i), findings, finishing);
            } catch (RuntimeException | StackOverflowError e) {
                internalErrors.add(new InternalFailure("internal error in rule " + crossRules.get(i).id()
                        + " across all inputs: " + describe(e), e));
            }
        }
        return new LintResult(findings, inputs, connectors, 0, readErrors, internalErrors, skipped, withPlaceholders);
    }

    /** A connector and where it runs. */
    record Placed(Connector connector, Deployment deployment) {
    }

    /** Every connector of the inputs, as a lint reads them, placed in its deployment; unreadable inputs are left out. */
    List<Placed> place(List<Input> sources, Map<InputId, Deployment> placed) {
        ConfigLoader loader = loaderFor(sources);
        List<Placed> connectors = new ArrayList<>();
        for (Input source : sources) {
            Deployment file = placed.getOrDefault(source.id(), Deployment.REPOSITORY);
            try {
                for (Connector connector : loader.load(source.id(), source.read()).connectors()) {
                    if (looksLikeConnector(connector)) {
                        connectors.add(new Placed(connector, Deployments.of(connector, file)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // lint reports what cannot be read; the grouping shows what can
            }
        }
        return connectors;
    }

    /** The claims at index i came from rule i alone, so they are of its claim type. */
    @SuppressWarnings("unchecked")
    private <C extends Claim> void finish(CrossConnectorRule<C> rule, List<Claim> claims, List<Finding> findings,
                                          RuleContext finishing) {
        rule.finish((List<C>) claims, finishing, sinkFor(rule, findings));
    }

    @SuppressWarnings("unchecked")
    private static <C extends Claim> List<Claim.Site[]> clashesOf(CrossConnectorRule<C> rule, List<Claim> claims) {
        return rule.clashes((List<C>) claims);
    }

    /**
     * The loader of a run: one that merges what the run's compose files set in the Debezium Server
     * configs they mount, when any does (a compose file is read twice, the rest once).
     */
    private ConfigLoader loaderFor(List<Input> sources) {
        Map<InputId, String> composeFiles = new HashMap<>();
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (Input source : sources) {
            if (source.id().projectPath() != null) {
                paths.add(source.id().projectPath());
            }
            if (!ServerEnvironments.mayConfigure(source.id()) || source instanceof DeployedInput) {
                continue;
            }
            try {
                composeFiles.put(source.id(), new String(source.read(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // linting reports what cannot be read
            }
        }
        ServerEnvironments environments = composeFiles.isEmpty() ? ServerEnvironments.NONE
                : ServerEnvironments.of(composeFiles, paths);
        return environments == ServerEnvironments.NONE ? plainLoader : new ConfigLoader(environments);
    }

    /** One input; a failure inside dbzlint names the input and leaves the others to be linted. */
    private FileOutcome lintFile(Input source, Deployment deployment, List<Deployment> mirrors, ConfigLoader loader) {
        try {
            // a Debezium Server config merged with a compose file's environment is no longer a file alone
            if (remembered != null && mirrors.isEmpty() && loader == plainLoader) {
                return rememberedOutcome(source, deployment);
            }
            return lintOneFile(source, deployment, mirrors, loader);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new FileOutcome(0, List.of(), FileClaims.NONE, null, new InternalFailure(
                    source.id().displayPath() + ": internal error while linting this file: " + describe(e), e));
        }
    }

    private FileOutcome rememberedOutcome(Input source, Deployment deployment) {
        byte[] bytes;
        try {
            bytes = source.read();
        } catch (IOException e) {
            remembered.remove(source.id());
            return lintOneFile(source, deployment, List.of(), plainLoader); // which reports why it cannot be read
        }
        Remembered before = remembered.get(source.id());
        if (before != null && before.deployment().equals(deployment)
                && (before.bytes() == bytes || java.util.Arrays.equals(before.bytes(), bytes))) {
            return before.outcome();
        }
        FileOutcome outcome = lintOneFile(Input.ofBytes(source.id(), bytes), deployment, List.of(), plainLoader);
        remembered.put(source.id(), new Remembered(bytes, deployment, outcome));
        return outcome;
    }

    private static String describe(Throwable e) {
        return Printable.cut(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                Printable.MAX_VALUE * 2);
    }

    /**
     * @param mirrors the deployments of the repository a live cluster's connector is also compared
     *     in: it makes claims there too, and no finding (see {@link Deployment#mirror()})
     */
    private FileOutcome lintOneFile(Input source, Deployment deployment, List<Deployment> mirrors,
                                    ConfigLoader loader) {
        byte[] bytes;
        try {
            bytes = source.read();
        } catch (Input.TooLarge e) {
            if (source.id().format() == InputFormat.KSQL) {
                return FileOutcome.SKIPPED; // a database's dump, not a file of ksqlDB statements
            }
            String size = e.size() < 0 ? "more than " + Limits.mebibytes(Limits.MAX_FILE_BYTES)
                    : Limits.mebibytes(e.size());
            List<Finding> tooLarge = new ArrayList<>(1);
            ruleSet.info(LoadProblem.PARSE_ERROR).severity().ifPresent(severity -> tooLarge.add(finding(
                    LoadProblem.PARSE_ERROR, severity, Location.startOf(source.id()), null, null, "file is " + size
                            + ", larger than the " + Limits.mebibytes(Limits.MAX_FILE_BYTES)
                            + " dbzlint reads; a connector config is a few kilobytes: not read", List.of())));
            return new FileOutcome(0, tooLarge, FileClaims.NONE, null, null);
        } catch (IOException e) {
            return new FileOutcome(0, List.of(), FileClaims.NONE, source.id().displayPath() + ": cannot read: " + reason(e),
                    null);
        }
        LoadedFile loaded = loader.load(source.id(), bytes);
        boolean strips = stripsHashComments(source.id().format(), bytes);
        List<Connector> connectors = loaded.connectors().stream().filter(this::looksLikeConnector).toList();
        // a file that could not be read as connectors, or a connector template: reported, not skipped
        boolean unreadable = loaded.problems().stream().anyMatch(p -> p.ruleId().equals(LoadProblem.PARSE_ERROR)
                || p.ruleId().equals(LoadProblem.TEMPLATE));
        if (connectors.isEmpty() && !unreadable) {
            // JSON, but no connector config: a package.json, a dashboard, an empty file
            FileOutcome skippedOne = loaded.branches().isEmpty() ? FileOutcome.SKIPPED : FileOutcome.skipped(loaded.branches());
            return strips ? skippedOne.stripping() : skippedOne;
        }
        LoadedFile file = new LoadedFile(loaded.input(), connectors, loaded.problems());
        List<Finding> findings = new ArrayList<>();
        for (LoadProblem problem : file.problems()) {
            ruleSet.info(problem.ruleId()).severity().ifPresent(severity -> findings.add(finding(problem.ruleId(),
                    problem.lesser() && severity == Severity.ERROR ? Severity.WARNING : severity, problem.location(),
                    null, problem.key(), problem.message(), problem.related(), problem.fix())));
        }
        FileClaims claims = new FileClaims();
        boolean page = source.id().format() == InputFormat.MARKDOWN || source.id().format() == InputFormat.ASCIIDOC;
        boolean testSource = isTestSource(source.id());
        List<Connector> fragments = new ArrayList<>();
        List<Finding> absent = new ArrayList<>();
        Map<Finding, Long> replyFindings = new java.util.IdentityHashMap<>();
        java.util.Set<Long> bodyConfigs = new java.util.HashSet<>();
        Map<Finding, List<String>> referring = new java.util.IdentityHashMap<>();
        for (Connector loadedConnector : file.connectors()) {
            Connector connector = loadedConnector.in(Deployments.of(loadedConnector, deployment));
            RuleContext context = contextFor(connector);
            Redaction redaction = new Redaction(connector);
            int first = findings.size();
            for (int r = 0; r < connectorRules.size(); r++) {
                ConnectorRule rule = connectorRules.get(r);
                rule.check(connector, context, new Sink(rule.id(), connectorSeverities.get(r), findings, redaction));
            }
            if (page && isFragment(connector, findings.subList(first, findings.size()))) {
                // a page's example that leaves out keys Debezium requires shows only what it is about:
                // what it leaves out is no finding
                findings.subList(first, findings.size()).removeIf(f -> isAboutAbsentKey(connector, f));
                fragments.add(loadedConnector);
            } else if (connector.envelope().containsKey(Connector.YAML_KEYS) || testSource) {
                // the input of a program that may fill in what it leaves out from defaults of its own,
                // or of a test that leaves out what it does not need
                findings.subList(first, findings.size()).removeIf(f -> isAboutAbsentKey(connector, f));
            } else if (!page) {
                for (Finding f : findings.subList(first, findings.size())) {
                    if (isAboutAbsentKey(connector, f)) {
                        absent.add(f);
                    }
                }
            }
            providersNamed(connector, findings.subList(first, findings.size()), referring);
            if (loadedConnector.isSavedReply()) {
                long fingerprint = SavedReplies.fingerprint(loadedConnector);
                findings.subList(first, findings.size()).forEach(f -> replyFindings.put(f, fingerprint));
            } else {
                bodyConfigs.add(SavedReplies.fingerprint(loadedConnector));
            }
            // a connector the release refuses at creation never runs beside another: it claims nothing
            for (int i = 0; i < crossRules.size() && !context.refusesAtCreation(connector); i++) {
                Optional<? extends Claim> claim = crossRules.get(i).claim(connector, context);
                if (claim.isPresent()) {
                    claims.add(i, claim.get());
                }
            }
            for (Deployment mirror : mirrors) {
                Connector seen = loadedConnector.in(mirror);
                for (int i = 0; i < crossRules.size() && !context.refusesAtCreation(connector); i++) {
                    Optional<? extends Claim> claim = crossRules.get(i).claim(seen, context);
                    if (claim.isPresent()) {
                        claims.add(i, claim.get());
                    }
                }
            }
        }
        Copies copies = Copies.NONE;
        if (page) {
            Map<Finding, String> commented = new java.util.IdentityHashMap<>();
            onePerExample(findings, file.connectors(), fragments, commented);
            copies = commented.isEmpty() ? Copies.NONE : new Copies(java.util.Set.of(), commented);
        } else if (file.problems().stream().noneMatch(p -> p.ruleId().equals(LoadProblem.STRICT_JSON))) {
            java.util.Set<String> written = new java.util.HashSet<>();
            file.connectors().forEach(connector -> written.add(connector.name()));
            copies = new Copies(written, Map.of());
        }
        if (source instanceof DeployedInput) {
            findings.replaceAll(Finding::withoutFix); // fixed in the repository and applied, not on the cluster
        }
        int withPlaceholders = (int) file.connectors().stream().filter(Linter::holdsPlaceholder).count();
        return new FileOutcome(file.connectors().size(), findings.isEmpty() ? List.of() : findings, claims, null,
                null, false, withPlaceholders, loaded.branches(),
                copies.leavingOut(absent).stripping(strips).replying(replyFindings, bodyConfigs)
                        .referringTo(referring));
    }

    private static final String REQUIRED_KEYS_RULE = new ConfigSchemaRule().id();
    private static final String PROVIDER_REFERENCE_RULE = new ConfigProviderReferenceRule().id();

    /** The providers each finding about a reference's syntax names: a worker may map them to classes of its own. */
    private static void providersNamed(Connector connector, List<Finding> own, Map<Finding, List<String>> referring) {
        for (Finding finding : own) {
            if (!finding.ruleId().equals(PROVIDER_REFERENCE_RULE) || finding.key() == null) {
                continue;
            }
            connector.entry(finding.key()).filter(ConfigEntry::hasReference).ifPresent(entry -> {
                List<String> providers = new ArrayList<>();
                for (References.Reference reference : entry.references()) {
                    if (reference.provider() != null) {
                        providers.add(reference.provider());
                    }
                }
                referring.put(finding, providers);
            });
        }
    }

    /** A connector with a value not known yet: a template (${VAR}) or a placeholder (<password>). */
    private static boolean holdsPlaceholder(Connector connector) {
        if (References.hasTemplate(connector.name())) {
            return true;
        }
        for (ConfigEntry entry : connector.config().values()) {
            if (entry.hasReference() && entry.hasTemplate()) { // the cheap question first, for every value
                return true;
            }
        }
        return false;
    }

    /**
     * An example that lacks a key Debezium requires, as config-schema found, or a sink's that names
     * no topics to read: Kafka Connect refuses a sink connector without topics or topics.regex
     * (SinkConnectorConfig.validate), so the example shows some keys, not a body to post.
     */
    private static boolean isFragment(Connector connector, List<Finding> own) {
        return own.stream().anyMatch(f -> f.ruleId().equals(REQUIRED_KEYS_RULE) && isAboutAbsentKey(connector, f))
                || isSink(connector) && connector.entry("topics").isEmpty() && connector.entry("topics.regex").isEmpty();
    }

    /** A sink connector by its class's name (JdbcSinkConnector, MongoSinkConnector, S3SinkConnector). */
    private static boolean isSink(Connector connector) {
        String className = connector.value("connector.class").orElse("").trim();
        return className.substring(className.lastIndexOf('.') + 1).endsWith("SinkConnector");
    }

    /** Build layouts' test source folders: what a test reads is judged for what it sets. */
    private static final List<String> TEST_SOURCES = List.of("/src/test/", "/src/it/", "/src/integrationTest/",
            "/src/integration-test/");

    /**
     * Whether a file is among the test sources of a build's module (Maven's and Gradle's
     * module/src/test/), a test's input. The project's own src/test/ is not asked about: linted from
     * there, dbzlint's own test fixtures would all be a test's input.
     */
    private static boolean isTestSource(InputId id) {
        String path = id.stablePath().replace('\\', '/');
        for (String folder : TEST_SOURCES) {
            if (path.contains(folder)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAboutAbsentKey(Connector connector, Finding finding) {
        return finding.key() != null && connector.entry(finding.key()).isEmpty()
                && connector.envelope().get(finding.key()) == null;
    }

    /**
     * A page's JSON comments, once per example: the reader is told once that the example cannot be
     * posted as it is; a fragment, never meant to be posted, is not told at all.
     */
    private static void onePerExample(List<Finding> findings, List<Connector> connectors, List<Connector> fragments,
                                      Map<Finding, String> commented) {
        Map<Connector, Integer> counted = new HashMap<>();
        Map<Connector, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (!finding.ruleId().equals(LoadProblem.STRICT_JSON)) {
                continue;
            }
            Connector example = exampleAt(connectors, finding.location());
            if (example == null) {
                continue;
            }
            counted.merge(example, 1, Integer::sum);
            firstAt.putIfAbsent(example, i);
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            Connector example = finding.ruleId().equals(LoadProblem.STRICT_JSON)
                    ? exampleAt(connectors, finding.location()) : null;
            if (example == null) {
                kept.add(finding);
            } else if (firstAt.get(example) == i && !fragments.contains(example)) {
                int more = counted.get(example) - 1;
                Finding one = more == 0 ? finding : finding.withMessage(finding.message() + " (and " + more
                        + " more in this example)");
                kept.add(one);
                commented.put(one, example.name());
            }
        }
        findings.clear();
        findings.addAll(kept);
    }

    /** The example a position of a page is in: the last that starts before it (its name, or its config). */
    private static Connector exampleAt(List<Connector> connectors, Location at) {
        Connector found = null;
        for (Connector connector : connectors) {
            Location start = connector.location();
            Location name = connector.nameLocation();
            if (name != null && (name.line() < start.line() || name.line() == start.line() && name.column() < start.column())) {
                start = name; // {"name": ..., "config": {...}}: the example starts before its config
            }
            if (start.line() < at.line() || start.line() == at.line() && start.column() <= at.column()) {
                found = connector;
            }
        }
        return found;
    }

    /**
     * The rules' context for a connector: its deployment's; where neither the user nor the
     * repository names a release, the newest release that reads every key of the config, as that is
     * the release it was written for (a config of 1.x names alone is not judged by 3.6). Where the
     * project runs several releases and none is nearer, the newest of them the config is written
     * for, else the newest of them.
     */
    private RuleContext contextFor(Connector connector) {
        Deployment deployment = connector.deployment();
        boolean preRelease = deployment.runsAPreRelease() && !context.parameters().debeziumVersionKnown();
        if (!preRelease && (deployment.version() != null || context.parameters().debeziumVersionKnown())) {
            return contextFor(deployment);
        }
        Optional<DebeziumVersion> writtenFor = holdsOldNames(connector) ? writtenFor(connector) : Optional.empty();
        List<String> lines = deployment.namedReleases();
        if (preRelease) {
            // a Beta of 2.0 runs keys 2.0 renamed, or their new names: judged as the line before or its own
            DebeziumVersion own = DebeziumVersion.parse(deployment.version());
            lines = context.debezium().releases().lineBefore(own)
                    .map(before -> List.of(before.toString(), deployment.version())).orElse(List.of(deployment.version()));
        }
        List<DebeziumVersion> named = new ArrayList<>();
        for (String line : lines) {
            try {
                named.add(line.startsWith("0.") ? new DebeziumVersion(1, 0) : DebeziumVersion.parse(line));
            } catch (IllegalArgumentException e) {
                // a line dbzlint does not know: not a candidate
            }
        }
        if (!named.isEmpty()) {
            DebeziumVersion newest = named.get(named.size() - 1);
            DebeziumVersion chosen = writtenFor.flatMap(w -> named.stream().filter(line -> line.compareTo(w) <= 0)
                    .reduce((first, second) -> second)).orElse(newest);
            String why = preRelease ? "the repository runs a pre-release of Debezium " + deployment.version() + " ("
                    + deployment.versionEvidence().replace(Deployment.PRE_RELEASE, "") + "), which may still read what "
                    + deployment.version() + " no longer does"
                    : "the repository runs several Debezium releases (" + String.join(", ",
                    deployment.namedReleases()) + ") and names none for this config";
            return assumed.computeIfAbsent(chosen + " " + why, r -> new RuleContext(
                    context.parameters().assumingDebeziumVersion(chosen, why), context.debezium()));
        }
        return writtenFor.filter(line -> line.compareTo(context.target()) < 0)
                .map(line -> assumed.computeIfAbsent(line.toString(), r -> new RuleContext(
                        context.parameters().assumingDebeziumVersion(line, RuleParameters.NO_RELEASE_NAMED
                                + ", and every key of this config is read by " + line), context.debezium())))
                .orElse(context);
    }

    /** The newest release that reads every key of a config, if one does: the release it was written for. */
    private Optional<DebeziumVersion> writtenFor(Connector connector) {
        ReleaseCatalog releases = context.debezium().releases();
        Map<String, String> values = new HashMap<>();
        for (ConfigEntry entry : connector.config().values()) {
            // only the keys that date a config: most are read alike by every release
            // a templated value still dates the config by its key
            if (!entry.isSecret() && releases.dates(connector.type(), entry.key())) {
                values.put(entry.key(), entry.isLiteral() ? entry.text() : null);
            }
        }
        return releases.describes(connector.type(), releases.releaseFor(context.target()))
                ? releases.newestReadingAll(connector.type(), values) : beforeItsRenames(connector, releases);
    }

    /**
     * Whether a config holds a key or value a newer release renamed: only then may it be written for
     * an older one. Asked first, so that a current config never loads the release catalog (start-up).
     */
    private boolean holdsOldNames(Connector connector) {
        Catalog catalog = context.catalog();
        for (ConfigEntry entry : connector.config().values()) {
            if (catalog.rename(entry.key()).isPresent()
                    || entry.isLiteral() && catalog.valueRename(entry.key(), entry.text()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a connector the release catalog does not describe (SQL Server, Oracle ...): the newest
     * release line before the first that dropped one of its keys, when it sets no key's replacement.
     */
    private Optional<DebeziumVersion> beforeItsRenames(Connector connector, ReleaseCatalog releases) {
        DebeziumVersion before = null;
        for (ConfigEntry entry : connector.config().values()) {
            Catalog.Rename rename = context.catalog().rename(entry.key()).orElse(null);
            if (rename == null || rename.removedIn() == null) {
                continue;
            }
            if (connector.entry(rename.replacementFor(entry.key())).isPresent()) {
                return Optional.empty(); // old and new names mixed: nothing to infer
            }
            DebeziumVersion removed = DebeziumVersion.parse(rename.removedIn());
            DebeziumVersion line = releases.lineBefore(removed).orElse(null);
            if (line != null && (before == null || line.compareTo(before) < 0)) {
                before = line;
            }
        }
        return Optional.ofNullable(before);
    }

    /**
     * The rules' context for a deployment: the run's, unless the user left the target version unset
     * and the repository says which release the deployment runs.
     */
    private RuleContext contextFor(Deployment deployment) {
        String release = deployment.version();
        if (release == null || context.parameters().debeziumVersionKnown()) {
            return context;
        }
        return byRelease.computeIfAbsent(release, r -> {
            try {
                // a release before 1.0 reads as the oldest line dbzlint knows, closer than the newest
                DebeziumVersion version = r.startsWith("0.") ? new DebeziumVersion(1, 0) : DebeziumVersion.parse(r);
                return new RuleContext(context.parameters().withDebeziumVersion(version), context.debezium());
            } catch (IllegalArgumentException e) {
                return context; // a release line dbzlint does not know (a future major): the default
            }
        });
    }

    /** The words messages name secrets by: a secret that is one is printed by the message's own text anyway. */
    private static final java.util.Set<String> SECRET_WORDS = java.util.Set.of("password", "passwd", "secret", "token",
            "credential", "credentials", "key");

    /** The secret texts of a connector: what no message about it may repeat, whatever a rule quotes. */
    private static List<String> secretsOf(Connector connector) {
        List<String> secrets = new ArrayList<>();
        List<ConfigEntry> entries = new ArrayList<>(connector.config().values());
        connector.envelope().forEach((key, entry) -> {
            if (key.startsWith(Connector.SERVER_PROPERTY)) {
                entries.add(entry); // Debezium Server's own secrets (its sink's)
            }
        });
        for (ConfigEntry entry : entries) {
            if (!entry.isSecret() || !entry.hasText() || entry.isProviderReference()) {
                continue; // no secret, or a reference, which names where the secret is and is no secret itself
            }
            if (Secrets.isSecretKey(entry.key()) && entry.text().trim().length() >= MIN_REDACTED) {
                secrets.add(entry.text().trim());
            }
            Secrets.embedded(entry.key(), entry.text()).map(Secrets.Embedded::secret)
                    .filter(secret -> secret.length() >= MIN_REDACTED).ifPresent(secrets::add);
        }
        if (secrets.isEmpty()) {
            return secrets;
        }
        // a secret that a non-secret value or the name also spells out ("postgres" as password and host)
        // is printed through those anyway; blanking it would only garble messages about them
        // (and one a key spells, "password" as database.password: keys are printed in every message;
        // or a word messages use for what a secret is, "password" in "the password in user:password@")
        secrets.removeIf(secret -> SECRET_WORDS.contains(secret.toLowerCase(java.util.Locale.ROOT))
                || connector.name().contains(secret) || connector.config().values().stream()
                .anyMatch(entry -> entry.key().contains(secret)
                        || entry.hasText() && !entry.isSecret() && entry.text().contains(secret)));
        return secrets;
    }

    /**
     * Blanks out any secret of one connector that a rule's message would repeat: a safety net
     * under every connector rule. The secrets are worked out on the first message about the
     * connector, as most connectors get none, and scanning every value for them was a tenth of
     * loading 10,000 files. A connector is linted on one thread.
     */
    static final class Redaction {
        private final Connector connector;
        private List<String> secrets;

        Redaction(Connector connector) {
            this.connector = connector;
        }

        /** Whether a fix's text (what it expects or writes) holds one of the connector's secrets. */
        boolean holdsSecret(Fix fix) {
            if (secrets == null) {
                secrets = secretsOf(connector);
            }
            for (String secret : secrets) {
                if (fix.replacement().contains(secret) || fix.expected() != null && fix.expected().contains(secret)) {
                    return true;
                }
            }
            return false;
        }

        String apply(String message) {
            if (secrets == null) {
                secrets = secretsOf(connector);
            }
            String safe = message;
            for (String secret : secrets) {
                safe = safe.replace(secret, "****");
            }
            return safe;
        }
    }

    /**
     * The claims of one file, each with the index of the cross-connector rule that made it: one flat
     * array, as every file of a run is kept until the end and most make a few claims or none.
     */
    private static final class FileClaims {
        static final FileClaims NONE = new FileClaims();
        private static final Claim[] EMPTY = new Claim[0];

        private Claim[] claims = EMPTY;
        private byte[] rules;
        private int size;

        void add(int rule, Claim claim) {
            if (size == claims.length) {
                claims = java.util.Arrays.copyOf(claims, Math.max(8, size * 2));
                rules = rules == null ? new byte[claims.length] : java.util.Arrays.copyOf(rules, claims.length);
            }
            claims[size] = claim;
            rules[size++] = (byte) rule;
        }

        void forEach(java.util.function.ObjIntConsumer<Claim> each) {
            for (int i = 0; i < size; i++) {
                each.accept(claims[i], rules[i]);
            }
        }
    }

    private FindingSink sinkFor(Rule rule, List<Finding> into) {
        return new Sink(rule.id(), ruleSet.info(rule.id()).severity().orElseThrow(), into, null);
    }

    /** @param redaction the connector's secrets to blank out of messages, or null for none */
    private record Sink(String ruleId, Severity severity, List<Finding> into, Redaction redaction)
            implements FindingSink {
        @Override
        public void report(Location location, String connector, String key, String message, List<Location> related,
                           Fix fix) {
            String safe = redaction == null ? message : redaction.apply(message);
            // a fix never carries a secret: its text reaches JSON, SARIF and the editor
            Fix safeFix = fix != null && redaction != null && redaction.holdsSecret(fix) ? null : fix;
            into.add(finding(ruleId, severity, location, connector, key, safe, related, safeFix));
        }

        @Override
        public FindingSink asError() {
            return new Sink(ruleId, Severity.ERROR, into, redaction);
        }

        @Override
        public FindingSink asWarning() {
            return severity == Severity.ERROR ? new Sink(ruleId, Severity.WARNING, into, redaction) : this;
        }
    }

    /**
     * A finding whose texts are safe to print: messages, connector names and keys come from the
     * configs, and a control character or bidirectional override in one (an escape sequence, a
     * newline that forges a line) must not reach a terminal or a CI log as it is.
     */
    static Finding finding(String ruleId, Severity severity, Location location, String connector, String key,
                           String message, List<Location> related) {
        return finding(ruleId, severity, location, connector, key, message, related, null);
    }

    static Finding finding(String ruleId, Severity severity, Location location, String connector, String key,
                           String message, List<Location> related, Fix fix) {
        List<Location> group = List.of();
        if (related.size() > Finding.MAX_RELATED) {
            // the whole group, told once (its rule passes it to one member): the first places as related
            List<Location> all = new ArrayList<>(related.size() + 1);
            all.add(location);
            all.addAll(related);
            group = all;
            related = related.subList(0, Finding.MAX_RELATED);
        }
        return new Finding(ruleId, severity, location,
                connector == null ? null : Printable.cut(connector, Printable.MAX_VALUE * 2),
                key == null ? null : Printable.cut(key, Printable.MAX_VALUE * 2),
                Printable.cut(message, Printable.MAX_MESSAGE), related, fix, group);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file (a broken link?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return Printable.cut(message == null ? e.getClass().getSimpleName() : message, Printable.MAX_VALUE * 2);
    }

    /**
     * An object is a connector config when it names its class, or holds a key that Kafka Connect or
     * Debezium reads; an array of data rows or a dashboard does not.
     */
    private boolean looksLikeConnector(Connector connector) {
        if (describesKeys(connector)) {
            return false;
        }
        Catalog catalog = context.catalog();
        for (String key : connector.config().keySet()) {
            if (key.equals(Keys.CONNECTOR_CLASS) || catalog.isConnectorKey(key) && !isPipelineKey(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a connector's keys hold objects rather than values, most of them: a schema of what a
     * plugin accepts ({@code "database.hostname": {"type": "string", "required": true}}), which
     * nobody posts. Kafka Connect takes strings; a config that nests an object by mistake holds
     * values besides.
     */
    private static boolean describesKeys(Connector connector) {
        int objects = 0;
        int values = 0;
        for (ConfigEntry entry : connector.config().values()) {
            if (entry.kind() == ValueKind.OBJECT) {
                objects++;
            } else if (!entry.key().equals(Keys.CONNECTOR_CLASS)) {
                values++;
            }
        }
        return objects >= 3 && objects > values;
    }

    /** Keys of what Kafka Connect runs around any connector: SMTs, predicates, converters, error handling. */
    private static final List<String> PIPELINE_PREFIXES = List.of("transforms.", "predicates.", "key.converter",
            "value.converter", "header.converter", "errors.", "topic.creation.");

    /**
     * Whether a key configures the pipeline around a connector rather than a connector: a file of
     * such keys alone (an SMT chain to merge into a config) is a fragment, not a connector without
     * a class.
     */
    private static boolean isPipelineKey(String key) {
        for (String prefix : PIPELINE_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** What one file leaves behind: its findings and its claims, never its connectors. */
    private record FileOutcome(int connectors, List<Finding> findings, FileClaims claims, String readError,
                               InternalFailure internalError, boolean skipped, int withPlaceholders,
                               ScriptBranches branches, Copies copies) {

        FileOutcome(int connectors, List<Finding> findings, FileClaims claims, String readError,
                    InternalFailure internalError, boolean skipped, int withPlaceholders, ScriptBranches branches) {
            this(connectors, findings, claims, readError, internalError, skipped, withPlaceholders, branches,
                    Copies.NONE);
        }

        static final FileOutcome SKIPPED = skipped(ScriptBranches.NONE);

        FileOutcome(int connectors, List<Finding> findings, FileClaims claims, String readError,
                    InternalFailure internalError) {
            this(connectors, findings, claims, readError, internalError, false, 0, ScriptBranches.NONE);
        }

        /** The same, for a file that strips # comment lines from the JSON it posts. */
        FileOutcome stripping() {
            return new FileOutcome(connectors, findings, claims, readError, internalError, skipped, withPlaceholders,
                    branches, (copies == null ? Copies.NONE : copies).stripping(true));
        }

        /** No connector here; a script's branches and uploads still tell which other files are alternatives. */
        static FileOutcome skipped(ScriptBranches branches) {
            return new FileOutcome(0, List.of(), FileClaims.NONE, null, null, true, 0, branches);
        }
    }

    /**
     * What tells a page's annotated copy of a connector from a body to post: the names of the
     * connectors a config file (not a page) writes as strict JSON, and a page's comment findings
     * with the name of the example each is in.
     */
    private record Copies(java.util.Set<String> written, Map<Finding, String> commented, List<Finding> absent,
                          boolean stripsHashComments, Map<Finding, Long> echoes, java.util.Set<Long> bodies,
                          Map<Finding, List<String>> referring) {
        static final Copies NONE = new Copies(java.util.Set.of(), Map.of(), List.of(), false, Map.of(),
                java.util.Set.of(), Map.of());

        Copies(java.util.Set<String> written, Map<Finding, String> commented) {
            this(written, commented, List.of(), false, Map.of(), java.util.Set.of(), Map.of());
        }

        /** The same, with a file's findings about keys it leaves out (a script may append them). */
        Copies leavingOut(List<Finding> found) {
            return found.isEmpty() ? this : new Copies(written, commented, List.copyOf(found), stripsHashComments,
                    echoes, bodies, referring);
        }

        /** The same, for a file that strips # comment lines from what it posts. */
        Copies stripping(boolean strips) {
            return strips ? new Copies(written, commented, absent, true, echoes, bodies, referring) : this;
        }

        /** The same, with the findings of the file's saved replies and the configs of its bodies, by fingerprint. */
        Copies replying(Map<Finding, Long> replyFindings, java.util.Set<Long> bodyConfigs) {
            return replyFindings.isEmpty() && bodyConfigs.isEmpty() ? this : new Copies(written, commented, absent,
                    stripsHashComments, replyFindings, bodyConfigs, referring);
        }

        /** The same, with the file's findings about provider references and the providers each names. */
        Copies referringTo(Map<Finding, List<String>> providers) {
            return providers.isEmpty() ? this : new Copies(written, commented, absent, stripsHashComments, echoes,
                    bodies, providers);
        }
    }

    /**
     * A script or compose command that deletes # comment lines ({@code sed '/^[[:space:]]*#/d'},
     * {@code grep -v '^#'}): the repository posts its JSON files without them.
     */
    private static final java.util.regex.Pattern STRIPS_HASH_COMMENTS = java.util.regex.Pattern.compile(
            "sed\\s[^\\n]{0,80}?/\\^(?:\\[\\[:space:]]\\*|\\\\s\\*|\\[ \\\\t]\\*| \\*)?#/d"
                    + "|grep\\s+-v\\s+(?:-E\\s+)?['\"]\\^(?:\\[\\[:space:]]\\*|\\\\s\\*|\\[ \\\\t]\\*| \\*)?#");

    private static boolean stripsHashComments(InputFormat format, byte[] bytes) {
        if (format != InputFormat.SHELL && format != InputFormat.YAML) {
            return false;
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return text.indexOf('#') >= 0 && (text.contains("sed") || text.contains("grep"))
                && STRIPS_HASH_COMMENTS.matcher(text).find();
    }

    /** # comments of JSON files, where a script of the project strips them before posting: not what Kafka Connect gets. */
    private static void hashCommentsStripped(List<Finding> findings) {
        findings.removeIf(f -> f.ruleId().equals(LoadProblem.STRICT_JSON)
                && f.location().input().format() == InputFormat.JSON && f.message().startsWith("a # comment"));
    }

    /**
     * A config file a script of the project appends lines to ({@code cat >> application.properties
     * <<EOF} before starting Debezium Server) is completed there: what it leaves out is not missing.
     */
    private static void completedByScripts(List<Finding> findings, java.util.Set<String> appended,
                                           List<Finding> absent) {
        if (appended.isEmpty() || absent.isEmpty()) {
            return;
        }
        java.util.Set<Finding> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Finding finding : absent) {
            String path = finding.location().input().displayPath();
            if (appended.contains(path.substring(path.lastIndexOf('/') + 1))) {
                dropped.add(finding);
            }
        }
        if (!dropped.isEmpty()) {
            findings.removeIf(dropped::contains);
        }
    }

    /**
     * A page's example with comments that is a copy of a connector a config file of the project
     * writes as strict JSON (the README annotating the file it posts) explains that file: an info,
     * not a body Kafka Connect is sent.
     */
    private static void annotatedCopies(List<Finding> findings, java.util.Set<String> written,
                                        Map<Finding, String> commented) {
        if (commented.isEmpty() || written.isEmpty()) {
            return;
        }
        for (int i = 0; i < findings.size(); i++) {
            String name = commented.get(findings.get(i));
            if (name != null && written.contains(name)) {
                Finding f = findings.get(i);
                findings.set(i, new Finding(f.ruleId(), Severity.INFO, f.location(), f.connector(), f.key(),
                        f.message() + "; this example annotates connector " + Printable.quote(name)
                                + ", which a config file of the project holds without them",
                        f.related(), f.fix(), f.group()));
            }
        }
    }
}
