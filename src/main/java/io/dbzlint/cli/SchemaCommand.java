package io.dbzlint.cli;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.debezium.EditorSchema;
import io.dbzlint.debezium.ReleaseCatalog;
import io.dbzlint.model.ConnectorType;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "schema", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Prints a JSON Schema of a connector's config, for editors: completion, hover and typos"
                + " underlined as you type. Map it to your connector files in VS Code (json.schemas) or the YAML"
                + " language server (yaml.schemas); see docs/editor.md.")
final class SchemaCommand implements Callable<Integer> {

    enum Connector { mysql, postgresql, mariadb }

    @Spec
    private CommandSpec spec;

    @Option(names = "--connector", required = true, paramLabel = "TYPE",
            description = "${COMPLETION-CANDIDATES}.")
    private Connector connector;

    @Option(names = "--debezium-version", paramLabel = "VERSION",
            description = "The Debezium version whose keys the schema knows (default: the latest release dbzlint knows).")
    private String debeziumVersion;

    @Option(names = "--strimzi", description = "A schema of a Strimzi KafkaConnector resource, with this connector's"
            + " config in spec.config.")
    private boolean strimzi;

    @Override
    public Integer call() {
        DebeziumVersion version = debeziumVersion == null ? Debezium.LATEST
                : VersionOption.parse(spec, "--debezium-version", debeziumVersion);
        ConnectorType type = ConnectorType.fromId(connector.name());
        ObjectNode schema = strimzi ? EditorSchema.strimzi(type, version) : EditorSchema.connector(type, version);
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(schema));
        out.flush();
        return ExitCode.OK.code();
    }
}
