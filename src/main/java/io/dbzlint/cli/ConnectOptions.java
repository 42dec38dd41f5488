package io.dbzlint.cli;

import io.dbzlint.connect.ConnectAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * How the commands that read a live Kafka Connect cluster ({@code lint}, {@code drift}) describe
 * and check the options that reach it: one text per option, constants so annotations can take them.
 */
final class ConnectOptions {

    static final String CREDENTIALS = "Credentials from " + ConnectAccess.USERNAME_ENV + " and "
            + ConnectAccess.PASSWORD_ENV + ", or " + ConnectAccess.TOKEN_ENV + ", else from ~/.kcctl for that cluster.";
    static final String USERNAME = "The user for the clusters' basic auth (default: " + ConnectAccess.USERNAME_ENV + ").";
    static final String PASSWORD_FILE = "A file holding the basic auth password (default: " + ConnectAccess.PASSWORD_ENV
            + "). Never on the command line.";
    static final String TOKEN_FILE = "A file holding a bearer token (default: " + ConnectAccess.TOKEN_ENV + ").";
    static final String CA = "PEM certificates to trust for the clusters' TLS instead of the JVM's.";
    static final String KEYSTORE = "A PKCS#12 key store with the client certificate for mutual TLS; its password in "
            + ConnectAccess.KEYSTORE_PASSWORD_ENV + ".";
    static final String TIMEOUT = "How long to wait for a cluster to connect and to answer each request (default: "
            + ConnectAccess.DEFAULT_TIMEOUT_SECONDS + "); a failed request is tried 3 times.";

    private ConnectOptions() {
    }

    /** The access the options and the environment give; a timeout under 1 is a usage error. */
    static ConnectAccess.Settings settings(CommandSpec spec, String username, Path passwordFile, Path tokenFile,
                                           Path caFile, Path keyStore, Integer timeout, Map<String, String> env,
                                           Path cwd) {
        if (timeout != null && timeout <= 0) {
            throw new ParameterException(spec.commandLine(), "--connect-timeout must be 1 or more, not " + timeout);
        }
        return new ConnectAccess.Settings(username, passwordFile, tokenFile, caFile, keyStore,
                timeout == null ? null : Duration.ofSeconds(timeout), env, cwd);
    }
}
