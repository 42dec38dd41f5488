package io.dbzlint.cli;

import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.guard.AdmissionPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Writes dbzlint's checks as a Kubernetes admission policy, for where connectors are applied"
                + " as Strimzi KafkaConnector resources (Strimzi ignores a worker's rest.* keys, so the guard extension"
                + " does not fit there).",
            "--strimzi: two ValidatingAdmissionPolicies (admissionregistration.k8s.io/v1) and their bindings: one"
                + " refuses a KafkaConnector whose slot, server id, logical name or schema history topic another"
                + " KafkaConnector of the same Connect cluster holds; one the server id range, the keys each"
                + " connector family requires, and values outside their closed set (snapshot.mode, plugin.name ...)"
                + " as the Debezium release the project names accepts them. Apply with kubectl apply -f."})
final class PolicyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--strimzi", description = "Policies for Strimzi KafkaConnector resources.")
    private boolean strimzi;

    @Option(names = "--debezium-version", paramLabel = "VERSION", description = "The Debezium release the Connect"
            + " clusters run, whose values the policy accepts (default: the project's, else the latest dbzlint knows).")
    private String debeziumVersion;

    private final Path cwd;

    PolicyCommand(Path cwd) {
        this.cwd = cwd;
    }

    @Override
    public Integer call() throws SessionException {
        if (!strimzi) {
            throw new ParameterException(spec.commandLine(), "name the policy to write: --strimzi");
        }
        PrintWriter out = spec.commandLine().getOut();
        // the house server id range comes from the project config and rules, as lint reads them
        if (debeziumVersion != null) {
            VersionOption.parse(spec, "--debezium-version", debeziumVersion); // a usage error, before anything
        }
        LintSession session = LintSession.open(new LintSession.Options(cwd, null, false, null, debeziumVersion,
                null, null, false, null));
        out.print(AdmissionPolicy.yaml(session.ruleSet().parameters()));
        out.flush();
        return ExitCode.OK.code();
    }
}
