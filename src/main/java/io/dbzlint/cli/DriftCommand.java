package io.dbzlint.cli;

import io.dbzlint.connect.ConnectAccess;
import io.dbzlint.connect.ConnectClient;
import io.dbzlint.connect.DeployedConnector;
import io.dbzlint.engine.Drift;
import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.json.Json;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.RuleInfo;
import io.dbzlint.source.Source;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

@Command(name = "drift", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Compares the repository's connectors with what live Kafka Connect clusters run, by name:"
                + " only in the repository, only on the cluster, and each key whose value differs (both values;"
                + " secrets never shown, config provider references as written). Shows each deployed connector's"
                + " state and its tasks', with the first line of a failure.",
            "Exits 1 when anything drifted, 2 when a cluster cannot be read."})
final class DriftCommand implements Callable<Integer> {

    enum DriftFormat { text, json, sarif }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "The files and directories of the connectors applied to the clusters (default: '.').")
    private List<String> paths;

    @Option(names = "--connect-url", paramLabel = "URL",
            description = "A Kafka Connect cluster's REST URL, or 'kcctl' / 'kcctl:CONTEXT'. Repeatable. "
                    + ConnectOptions.CREDENTIALS)
    private List<String> urls = new ArrayList<>();

    @Option(names = "--connect", description = "The clusters the project config's deployments name (connect: URL),"
            + " each compared with its deployment's files.")
    private boolean declared;

    @Option(names = "--connect-username", paramLabel = "NAME", description = ConnectOptions.USERNAME)
    private String username;

    @Option(names = "--connect-password-file", paramLabel = "FILE", description = ConnectOptions.PASSWORD_FILE)
    private Path passwordFile;

    @Option(names = "--connect-token-file", paramLabel = "FILE", description = ConnectOptions.TOKEN_FILE)
    private Path tokenFile;

    @Option(names = "--connect-ca", paramLabel = "FILE", description = ConnectOptions.CA)
    private Path caFile;

    @Option(names = "--connect-keystore", paramLabel = "FILE",
            description = ConnectOptions.KEYSTORE)
    private Path keyStore;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = ConnectOptions.TIMEOUT)
    private Integer timeout;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private DriftFormat format;

    private final InputStream stdin;
    private final Map<String, String> env;
    private final Path cwd;

    DriftCommand(InputStream stdin, Map<String, String> env, Path cwd) {
        this.stdin = stdin;
        this.env = env;
        this.cwd = cwd;
    }

    @Override
    public Integer call() throws SessionException, ConnectAccess.Invalid {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (urls.isEmpty() && !declared) {
            throw new ParameterException(spec.commandLine(), "name a cluster: --connect-url URL, or --connect for"
                    + " those the project config's deployments name");
        }
        ConnectAccess.Settings settings = ConnectOptions.settings(spec, username, passwordFile, tokenFile, caFile,
                keyStore, timeout, env, cwd);
        LintSession session = LintSession.open(LintSession.Options.in(cwd));
        List<Source> files = session.sources(paths == null || paths.isEmpty() ? List.of(".") : paths, stdin, null);
        Source.Found found = session.find(files);
        found.errors().forEach(error -> err.println("dbzlint: " + error));
        Map<Deployment, List<Connector>> deployments = session.deployments(files);
        List<Drift.Entry> entries = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, Deployment> cluster : session.clusterUrls(urls, declared).entrySet()) {
            ConnectAccess access = settings.to(cluster.getKey());
            List<Connector> repository = new ArrayList<>();
            deployments.forEach((deployment, connectors) -> {
                if (cluster.getValue() == null || cluster.getValue().equals(deployment)) {
                    repository.addAll(connectors);
                }
            });
            try {
                ConnectClient.Cluster read = new ConnectClient(access).read();
                entries.addAll(Drift.compare("connect://" + access.clusterName(), repository, read.connectors()));
            } catch (ConnectClient.Unavailable e) {
                unavailable.add(e.getMessage());
            }
        }
        switch (format) {
            case text -> text(entries, out);
            case json -> out.print(json(entries));
            case sarif -> out.print(sarif(entries));
        }
        out.flush();
        unavailable.forEach(error -> err.println("dbzlint: " + error));
        if (!unavailable.isEmpty() || !found.errors().isEmpty()) {
            return ExitCode.USAGE.code();
        }
        return entries.stream().anyMatch(Drift.Entry::drifted) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private static String where(Drift.Entry entry) {
        return entry.cluster() + "/" + Printable.escape(entry.name());
    }

    private static void text(List<Drift.Entry> entries, PrintWriter out) {
        int changed = 0;
        int onlyHere = 0;
        int onlyThere = 0;
        for (Drift.Entry entry : entries) {
            if (entry.deployed() == null) {
                onlyHere++;
                out.println(entry.repository() + ": " + Printable.quote(entry.name())
                        + " is only in the repository, not on " + entry.cluster());
                continue;
            }
            String state = state(entry.deployed());
            if (entry.repository() == null) {
                onlyThere++;
                out.println(where(entry) + ": only on the cluster, not in the repository" + state);
                continue;
            }
            if (entry.changes().isEmpty()) {
                out.println(where(entry) + ": same as " + entry.repository() + state);
                continue;
            }
            changed++;
            out.println(where(entry) + ": " + entry.changes().size() + (entry.changes().size() == 1 ? " key differs"
                    : " keys differ") + " from " + entry.repository() + state);
            for (Drift.Change change : entry.changes()) {
                out.println("  " + change.location() + " " + Printable.escape(change.key()) + ": "
                        + (change.secret() ? "differs (a secret: not shown)"
                                : value(change.repository()) + " in the repository, " + value(change.cluster())
                                        + " on the cluster"));
            }
        }
        out.println(entries.size() + (entries.size() == 1 ? " connector" : " connectors") + " compared: " + changed
                + " changed, " + onlyHere + " only in the repository, " + onlyThere + " only on the cluster");
    }

    private static String value(String shown) {
        return shown == null ? "unset" : "\"" + shown + "\"";
    }

    /** "; RUNNING", or "; FAILED: the trace's first line; task 0 FAILED: ...". */
    private static String state(DeployedConnector deployed) {
        if (deployed.state() == null) {
            return "";
        }
        StringBuilder state = new StringBuilder("; " + Printable.escape(deployed.state()));
        if (deployed.trace() != null) {
            state.append(": ").append(Printable.cut(Printable.escape(deployed.trace()), Printable.MAX_VALUE * 2));
        }
        for (DeployedConnector.Task task : deployed.tasks()) {
            if (!"RUNNING".equals(task.state())) {
                state.append("; task ").append(task.id()).append(' ').append(Printable.escape(String.valueOf(task.state())));
                if (task.trace() != null) {
                    state.append(": ").append(Printable.cut(Printable.escape(task.trace()), Printable.MAX_VALUE * 2));
                }
            }
        }
        return state.toString();
    }

    private static String status(Drift.Entry entry) {
        return entry.deployed() == null ? "only-in-repository" : entry.repository() == null ? "only-on-cluster"
                : entry.changes().isEmpty() ? "same" : "changed";
    }

    private static String json(List<Drift.Entry> entries) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartObject();
            json.writeName("connectors");
            json.writeStartArray();
            for (Drift.Entry entry : entries) {
                json.writeStartObject();
                json.writeStringProperty("cluster", entry.cluster());
                json.writeStringProperty("name", entry.name());
                json.writeStringProperty("status", status(entry));
                if (entry.repository() != null) {
                    json.writeStringProperty("file", entry.repository().file());
                    json.writeNumberProperty("line", entry.repository().line());
                    json.writeNumberProperty("column", entry.repository().column());
                }
                if (entry.deployed() != null) {
                    json.writeStringProperty("state", entry.deployed().state());
                    if (entry.deployed().trace() != null) {
                        json.writeStringProperty("trace", entry.deployed().trace());
                    }
                    json.writeName("tasks");
                    json.writeStartArray();
                    for (DeployedConnector.Task task : entry.deployed().tasks()) {
                        json.writeStartObject();
                        json.writeNumberProperty("id", task.id());
                        json.writeStringProperty("state", task.state());
                        if (task.trace() != null) {
                            json.writeStringProperty("trace", task.trace());
                        }
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                json.writeName("changes");
                json.writeStartArray();
                for (Drift.Change change : entry.changes()) {
                    json.writeStartObject();
                    json.writeStringProperty("key", change.key());
                    json.writeBooleanProperty("secret", change.secret());
                    if (!change.secret()) {
                        json.writeStringProperty("repository", change.repository());
                        json.writeStringProperty("cluster", change.cluster());
                    }
                    json.writeNumberProperty("line", change.location().line());
                    json.writeNumberProperty("column", change.location().column());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return text + "\n";
    }

    private static final List<String[]> SARIF_RULES = List.of(
            new String[] {"drift-changed", "A key of a deployed connector differs from the repository's config."},
            new String[] {"drift-only-in-repository", "A connector of the repository is not on the cluster."},
            new String[] {"drift-only-on-cluster", "A connector runs on the cluster that the repository does not hold."});

    private static String sarif(List<Drift.Entry> entries) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartObject();
            json.writeStringProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringProperty("version", "2.1.0");
            json.writeName("runs");
            json.writeStartArray();
            json.writeStartObject();
            json.writeName("tool");
            json.writeStartObject();
            json.writeName("driver");
            json.writeStartObject();
            json.writeStringProperty("name", "dbzlint");
            json.writeStringProperty("version", Version.number());
            json.writeStringProperty("informationUri", RuleDocs.HOME);
            json.writeName("rules");
            json.writeStartArray();
            for (String[] rule : SARIF_RULES) {
                json.writeStartObject();
                json.writeStringProperty("id", rule[0]);
                json.writeStringProperty("name", RuleInfo.pascalCase(rule[0]));
                json.writeStringProperty("helpUri", RuleDocs.docs("ci.md", "a-live-kafka-connect-cluster"));
                json.writeName("shortDescription");
                json.writeStartObject();
                json.writeStringProperty("text", rule[1]);
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeName("results");
            json.writeStartArray();
            for (Drift.Entry entry : entries) {
                if (!entry.drifted()) {
                    continue;
                }
                if (entry.changes().isEmpty()) {
                    boolean here = entry.deployed() == null;
                    result(json, here ? "drift-only-in-repository" : "drift-only-on-cluster",
                            here ? Printable.quote(entry.name()) + " is only in the repository, not on "
                                    + entry.cluster() : where(entry) + " runs on the cluster, not in the repository",
                            here ? entry.repository().file() : where(entry), here ? entry.repository().line() : 1,
                            here ? entry.repository().column() : 1);
                }
                for (Drift.Change change : entry.changes()) {
                    result(json, "drift-changed", Printable.escape(change.key()) + " of " + where(entry) + ": "
                            + (change.secret() ? "differs (a secret: not shown)" : value(change.repository())
                                    + " in the repository, " + value(change.cluster()) + " on the cluster"),
                            change.location().file(), change.location().line(), change.location().column());
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        return text + "\n";
    }

    private static void result(JsonGenerator json, String rule, String message, String file, int line, int column) {
        json.writeStartObject();
        json.writeStringProperty("ruleId", rule);
        json.writeStringProperty("level", "warning");
        json.writeName("message");
        json.writeStartObject();
        json.writeStringProperty("text", message);
        json.writeEndObject();
        json.writeName("locations");
        json.writeStartArray();
        json.writeStartObject();
        json.writeName("physicalLocation");
        json.writeStartObject();
        json.writeName("artifactLocation");
        json.writeStartObject();
        json.writeStringProperty("uri", file);
        json.writeEndObject();
        json.writeName("region");
        json.writeStartObject();
        json.writeNumberProperty("startLine", line);
        json.writeNumberProperty("startColumn", column);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }
}
