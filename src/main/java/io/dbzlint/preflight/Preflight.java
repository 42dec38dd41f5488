package io.dbzlint.preflight;

import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.engine.LintSession;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Finding;
import io.dbzlint.result.LintResult;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.source.Source;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dbzlint preflight}: each PostgreSQL, MySQL and MariaDB connector of the sources, checked
 * against the database it names, connecting read-only with its own credentials. A connector whose
 * connection keys cannot be filled in here is skipped with its reason; a database that cannot be
 * reached is one line; the others are still checked. Passwords go to the driver and nowhere else.
 */
public final class Preflight {

    /**
     * @param env the environment references are filled in from
     * @param passwordEnv the variable that holds every connector's password (--password-env), or null
     * @param hostMap a host as configs name it (a compose service) to HOST or HOST:PORT reached from here
     * @param timeoutSeconds per database, to connect and to log in
     * @param maxDowntime how long a connector may be down: binlogs must outlive it
     * @param maxRetainedWal WAL a slot may hold back before it is worth a warning, in bytes
     */
    public record Options(Map<String, String> env, String passwordEnv, Map<String, String> hostMap, int timeoutSeconds,
                          Duration maxDowntime, long maxRetainedWal) {
    }

    /**
     * What preflight found: the findings as a lint result, one line per connector skipped, and one
     * per database not reached or not fully read.
     */
    public record Outcome(LintResult result, RuleSet checks, List<String> skipped, List<String> unreachable) {
    }

    private Preflight() {
    }

    public static Outcome run(LintSession session, List<Source> sources, Options options) {
        RuleSet checks = PreflightChecks.ruleSet(session.ruleSet().parameters());
        Resolver resolver = new Resolver(options.env(), session.projectRoot());
        List<Finding> findings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        Set<InputId> inputs = new LinkedHashSet<>();
        Set<Location> seen = new HashSet<>();
        int checked = 0;
        for (Map.Entry<Deployment, List<Connector>> deployment : session.deployments(sources).entrySet()) {
            for (Connector connector : deployment.getValue()) {
                if (connector.type() == ConnectorType.OTHER || !seen.add(connector.location())) {
                    continue;
                }
                String who = "connector " + Printable.quote(connector.name()) + " (" + where(connector) + ")";
                String password = null;
                if (options.passwordEnv() != null) {
                    password = options.env().get(options.passwordEnv());
                    if (password == null) {
                        skipped.add(who + ": skipped: --password-env " + Printable.escape(options.passwordEnv())
                                + " is not set");
                        continue;
                    }
                }
                Target target;
                try {
                    target = Target.of(connector, resolver, options.hostMap(), password);
                } catch (Resolver.Unresolvable e) {
                    skipped.add(who + ": skipped: " + Printable.escape(e.getMessage()));
                    continue;
                }
                Settings settings = new Settings(connector, resolver, version(deployment.getKey(), session));
                Report report = new Report(checks, connector);
                try (Connection db = target.connect(options.timeoutSeconds())) {
                    if (connector.type() == ConnectorType.POSTGRESQL) {
                        new PostgresPreflight(db, report, target, settings, options.maxRetainedWal()).run();
                    } else {
                        new BinlogPreflight(db, report, target, settings, options.maxDowntime()).run();
                    }
                    checked++;
                    inputs.add(connector.location().input());
                } catch (SQLException | RuntimeException e) {
                    unreachable.add(who + ": " + (report.findings().isEmpty() ? "cannot check " : "checks stopped at ")
                            + target + ": " + reason(e, target));
                    if (!report.findings().isEmpty()) {
                        checked++;
                        inputs.add(connector.location().input());
                    }
                }
                findings.addAll(report.findings());
            }
        }
        LintResult result = new LintResult(findings, List.copyOf(inputs), checked, 0, List.of(), List.of(), List.of());
        return new Outcome(result, checks, skipped, unreachable);
    }

    private static DebeziumVersion version(Deployment deployment, LintSession session) {
        if (deployment.version() != null) {
            try {
                return DebeziumVersion.parse(deployment.version());
            } catch (IllegalArgumentException e) {
                // the rule set's below
            }
        }
        return session.ruleSet().parameters().debeziumVersion();
    }

    private static String where(Connector connector) {
        Location at = connector.nameLocation() != null ? connector.nameLocation() : connector.location();
        return Printable.escape(at.input().displayPath()) + ":" + at.line();
    }

    /** The driver's first line, without the password should a driver ever echo it. */
    private static String reason(Exception e, Target target) {
        String message = String.valueOf(e.getMessage());
        if (target.password().length() >= 4) {
            message = message.replace(target.password(), "****");
        }
        message = message.lines().findFirst().orElse(e.getClass().getSimpleName());
        return Printable.cut(message, 300);
    }
}
