package io.dbzlint.guard;

import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dbzlint as a Kafka Connect REST extension: {@code rest.extension.classes=io.dbzlint.guard.DbzlintGuard}
 * with the jar on the worker's {@code plugin.path}. Worker properties: {@code dbzlint.guard.mode}
 * ({@code enforce}, the default, or {@code warn}), {@code dbzlint.guard.rules} (a rules file) and
 * {@code dbzlint.guard.debezium.version}. A guard that cannot start or check logs why and lets
 * every request through: it never blocks a cluster because of itself.
 */
public final class DbzlintGuard implements ConnectRestExtension {

    static final String MODE = "dbzlint.guard.mode";
    static final String RULES = "dbzlint.guard.rules";
    static final String DEBEZIUM_VERSION = "dbzlint.guard.debezium.version";

    private static final Logger LOG = LoggerFactory.getLogger(DbzlintGuard.class);

    private Guard guard;

    @Override
    public void configure(Map<String, ?> configs) {
        Object mode = configs.get(MODE);
        boolean enforce = mode == null || !String.valueOf(mode).trim().equalsIgnoreCase("warn");
        Object rules = configs.get(RULES);
        Object version = configs.get(DEBEZIUM_VERSION);
        try {
            LintSession session = LintSession.open(new LintSession.Options(Path.of("").toAbsolutePath(), null, true,
                    rules == null ? null : Path.of(String.valueOf(rules)), version == null ? null : String.valueOf(version),
                    null, null, false, null));
            guard = new Guard(session, enforce, new Guard.Log() {
                @Override
                public void info(String message) {
                    LOG.info(message);
                }

                @Override
                public void warn(String message) {
                    LOG.warn(message);
                }
            });
            LOG.info("dbzlint guard {} started in {} mode", version(), enforce ? "enforce" : "warn");
        } catch (SessionException | RuntimeException | LinkageError e) {
            guard = null;
            LOG.error("dbzlint guard cannot start, and lets every request through: {}", e.toString());
        }
    }

    @Override
    public void register(ConnectRestExtensionContext context) {
        context.configurable().register(new GuardFilter(guard, context.clusterState(), LOG));
    }

    /** The version the jar's manifest says (Implementation-Version), as the command line's --version. */
    @Override
    public String version() {
        String version = DbzlintGuard.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    @Override
    public void close() {
        guard = null;
    }
}
