package io.dbzlint.cli;

import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.json.Json;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.Printable;
import io.dbzlint.source.Source;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

@Command(name = "deployments", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Shows where lint takes each connector to run: the deployments it infers from the repository's"
                + " layout (compose projects, environment folders, Strimzi clusters, Debezium Servers, documentation"
                + " pages), each with its evidence and its connectors.",
            "Cross-connector rules compare connectors of one deployment (names), of one stack (topics), or of one"
                + " database server (server ids, slots)."})
final class DeploymentsCommand implements Callable<Integer> {

    enum ListFormat { text, json }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files, directories, or '-' for stdin (default: the working directory, '.').")
    private List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ListFormat format;

    private final InputStream stdin;
    private final Path cwd;

    DeploymentsCommand(InputStream stdin, Path cwd) {
        this.stdin = stdin;
        this.cwd = cwd;
    }

    @Override
    public Integer call() throws SessionException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LintSession session = LintSession.open(LintSession.Options.in(cwd));
        List<Source> sources = session.sources(paths == null || paths.isEmpty() ? List.of(".") : paths, stdin,
                null);
        Source.Found found = session.find(sources);
        found.errors().forEach(error -> err.println("dbzlint: " + error));
        Map<Deployment, List<Connector>> groups = session.deployments(sources);
        if (format == ListFormat.json) {
            out.print(json(groups));
        } else {
            groups.forEach((deployment, connectors) -> {
                out.println(Printable.escape(deployment.name()) + ": " + Printable.escape(deployment.evidence())
                        + (deployment.version() == null ? "" : "; Debezium " + deployment.version() + " ("
                                + Printable.escape(deployment.versionEvidence()) + ")"));
                for (Connector connector : connectors) {
                    out.println("  " + connector.nameLocation() + "  " + Printable.quote(connector.name()));
                }
            });
            out.println(groups.size() + (groups.size() == 1 ? " deployment" : " deployments") + " of "
                    + groups.values().stream().mapToInt(List::size).sum() + " connectors");
        }
        out.flush();
        return found.errors().isEmpty() ? ExitCode.OK.code() : ExitCode.USAGE.code();
    }

    private static String json(Map<Deployment, List<Connector>> groups) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartArray();
            groups.forEach((deployment, connectors) -> {
                json.writeStartObject();
                json.writeStringProperty("name", deployment.name());
                json.writeStringProperty("evidence", deployment.evidence());
                json.writeStringProperty("stack", deployment.stack());
                if (deployment.version() != null) {
                    json.writeStringProperty("debeziumVersion", deployment.version());
                    json.writeStringProperty("debeziumVersionEvidence", deployment.versionEvidence());
                }
                json.writeName("connectors");
                json.writeStartArray();
                for (Connector connector : connectors) {
                    json.writeStartObject();
                    json.writeStringProperty("name", connector.name());
                    json.writeStringProperty("file", connector.nameLocation().file());
                    json.writeNumberProperty("line", connector.nameLocation().line());
                    json.writeNumberProperty("column", connector.nameLocation().column());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            });
            json.writeEndArray();
        }
        return text + "\n";
    }
}
