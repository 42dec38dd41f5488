package io.dbzlint.connect;

import io.dbzlint.json.JsonTree;
import io.dbzlint.model.Printable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How to reach one Kafka Connect cluster, as teams run it: its URL, basic auth (Kafka's
 * {@code BasicAuthSecurityRestExtension}) or a bearer token, a CA for its TLS certificate and a
 * client certificate (mTLS). Secrets come from environment variables or files, never from a
 * command-line value, which lands in shell history and process lists: a URL with a password in it
 * is refused. kcctl's context file ({@code ~/.kcctl}) gives the credentials of a cluster it names,
 * and {@code kcctl} or {@code kcctl:CONTEXT} as the URL takes its current or named context.
 *
 * @param url the cluster's REST URL, without credentials
 * @param username for basic auth, or null
 * @param password for basic auth, or null; never printed
 * @param token a bearer token, or null; never printed
 * @param caFile PEM certificates to trust instead of the JVM's, or null
 * @param keyStore a PKCS#12 file with the client certificate and key (mTLS), or null
 * @param keyStorePassword its password, or null
 * @param timeout how long to wait for the cluster to connect and to answer each request
 */
public record ConnectAccess(URI url, String username, String password, String token, Path caFile, Path keyStore,
                            char[] keyStorePassword, Duration timeout) {

    public static final String USERNAME_ENV = "DBZLINT_CONNECT_USERNAME";
    public static final String PASSWORD_ENV = "DBZLINT_CONNECT_PASSWORD";
    public static final String TOKEN_ENV = "DBZLINT_CONNECT_TOKEN";
    public static final String KEYSTORE_PASSWORD_ENV = "DBZLINT_CONNECT_KEYSTORE_PASSWORD";
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

    /** A URL or credentials that cannot be used; the message is one line, safe to print. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What the command line and the environment say, before a cluster is picked.
     *
     * @param username --connect-username, or null
     * @param passwordFile --connect-password-file, or null
     * @param tokenFile --connect-token-file, or null
     * @param caFile --connect-ca, or null
     * @param keyStore --connect-keystore, or null
     * @param timeout --connect-timeout, or null for the default
     * @param env the environment (credentials, HOME for kcctl's file)
     * @param cwd the folder relative files are read from
     */
    public record Settings(String username, Path passwordFile, Path tokenFile, Path caFile, Path keyStore,
                           Duration timeout, Map<String, String> env, Path cwd) {

        public static Settings none(Map<String, String> env, Path cwd) {
            return new Settings(null, null, null, null, null, null, env, cwd);
        }

        /** The access to a cluster given as a URL, {@code kcctl} or {@code kcctl:CONTEXT}. */
        public ConnectAccess to(String given) throws Invalid {
            URI url;
            String kcctlUser = null;
            String kcctlPassword = null;
            if (given.equals("kcctl") || given.startsWith("kcctl:")) {
                JsonNode context = kcctlContext(given.equals("kcctl") ? null : given.substring("kcctl:".length()));
                url = parse(context.path("cluster").asString(""), "kcctl's context");
                kcctlUser = blankToNull(context.path("username").asString(null));
                kcctlPassword = blankToNull(context.path("password").asString(null));
            } else {
                url = parse(given, "--connect-url");
                JsonNode context = kcctlContextFor(url);
                if (context != null) {
                    kcctlUser = blankToNull(context.path("username").asString(null));
                    kcctlPassword = blankToNull(context.path("password").asString(null));
                }
            }
            String user = username != null ? username : env.getOrDefault(USERNAME_ENV, kcctlUser);
            String password = passwordFile != null ? read(passwordFile, "--connect-password-file")
                    : env.containsKey(PASSWORD_ENV) ? env.get(PASSWORD_ENV) : kcctlPassword;
            String token = tokenFile != null ? read(tokenFile, "--connect-token-file") : env.get(TOKEN_ENV);
            if (token != null && password != null && tokenFile != null) {
                throw new Invalid("give a password or a token for the Kafka Connect cluster, not both");
            }
            String keyStorePassword = env.get(KEYSTORE_PASSWORD_ENV);
            return new ConnectAccess(url, blankToNull(user), blankToNull(password), blankToNull(token),
                    caFile == null ? null : cwd.resolve(caFile), keyStore == null ? null : cwd.resolve(keyStore),
                    keyStorePassword == null ? null : keyStorePassword.toCharArray(),
                    timeout == null ? DEFAULT_TIMEOUT : timeout);
        }

        private URI parse(String given, String what) throws Invalid {
            URI url;
            try {
                url = new URI(given.trim());
            } catch (URISyntaxException e) {
                throw new Invalid(what + ": not a URL: " + Printable.quote(given));
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new Invalid(what + ": not an http or https URL: " + Printable.quote(redacted(given)));
            }
            if (url.getRawUserInfo() != null) {
                // said without the URL: it holds the password
                throw new Invalid(what + ": a URL with credentials in it lands in shell history and process"
                        + " lists; give them in " + USERNAME_ENV + " and " + PASSWORD_ENV
                        + " (or --connect-password-file) instead");
            }
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            try {
                return new URI(scheme, null, url.getHost(), url.getPort(), path.endsWith("/")
                        ? path.substring(0, path.length() - 1) : path, null, null);
            } catch (URISyntaxException e) {
                throw new Invalid(what + ": not a URL: " + Printable.quote(redacted(given)));
            }
        }

        /** kcctl's file: {"currentContext": "local", "local": {"cluster": "http://...", "username": ...}}. */
        private JsonNode kcctlFile() throws Invalid {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            if (home == null) {
                return null;
            }
            Path file = Path.of(home, ".kcctl");
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return JsonTree.read("~/.kcctl", Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | JsonTree.InvalidJson | RuntimeException e) {
                // its text holds passwords: never echoed
                throw new Invalid("~/.kcctl: not a kcctl configuration file (JSON with currentContext)");
            }
        }

        private JsonNode kcctlContext(String name) throws Invalid {
            JsonNode file = kcctlFile();
            if (file == null) {
                throw new Invalid("--connect-url kcctl: there is no ~/.kcctl; create a context with"
                        + " 'kcctl config set-context'");
            }
            String context = name != null ? name : file.path("currentContext").asString("");
            JsonNode found = file.path(context);
            if (context.isEmpty() || !found.isObject()) {
                throw new Invalid("--connect-url kcctl: ~/.kcctl has no context " + Printable.quote(context));
            }
            return found;
        }

        /** The kcctl context whose cluster is this URL, for its credentials; null for none. */
        private JsonNode kcctlContextFor(URI url) {
            JsonNode file;
            try {
                file = kcctlFile();
            } catch (Invalid e) {
                return null; // a file kcctl users may not even use with dbzlint: not a reason to fail
            }
            if (file == null) {
                return null;
            }
            for (Map.Entry<String, JsonNode> context : file.properties()) {
                if (context.getValue().isObject()) {
                    try {
                        if (parse(context.getValue().path("cluster").asString(""), "kcctl").equals(url)) {
                            return context.getValue();
                        }
                    } catch (Invalid e) {
                        // a context of another shape: not this cluster
                    }
                }
            }
            return null;
        }

        private String read(Path file, String option) throws Invalid {
            try {
                return Files.readString(cwd.resolve(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new Invalid(option + ": cannot read " + Printable.escape(file.toString()));
            }
        }
    }

    /** How findings and errors name the cluster: {@code host:port} and the path, if any. */
    public String clusterName() {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getHost() + port + (url.getPath() == null ? "" : url.getPath());
    }

    /** The URL as it may be printed: a user name perhaps, never a password. */
    public String printable() {
        return Printable.escape(url.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A URL given with credentials, said without them. */
    static String redacted(String given) {
        return given.replaceAll("//[^/@]*@", "//****@");
    }

    @Override
    public String toString() {
        return "ConnectAccess[" + printable() + "]";
    }
}
