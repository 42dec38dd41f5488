package io.dbzlint.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which config values hold secrets. Such values never appear in any output: keys named for a
 * secret, and values that carry one inside (a JAAS config's password, a URL's user:password@, a
 * JDBC URL's password= parameter).
 */
public final class Secrets {

    private static final String[] MARKERS = {"password", "secret", "token", "credential", "user.info", "userinfo"};
    /** Keys that name a secret's kind or place, not the secret itself. */
    private static final List<String> NOT_SECRETS = List.of("credentials.source", "credentials.path",
            "credentials.provider", "token.endpoint.url", "password.file", "secret.name");
    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();
    private static final String JAAS = "jaas.config";

    /** A JAAS option that holds a secret: a password, an OAuth client secret. */
    private static final Pattern JAAS_PASSWORD = Pattern.compile(
            "(?i)\\b(?:password|client_?secret|secret)\\s*=\\s*(\"[^\"]*\"|[^\\s;]+)");
    /**
     * user:password@ of a URL, also without a user (redis://:password@host). The password holds no
     * colon: jdbc:oracle:thin@//host is a driver's name and a host, not oracle:thin as a password.
     */
    private static final Pattern URL_USERINFO = Pattern.compile("(?:^|[/@\\s])[^/\\s@:;?]*:([^/\\s@:;?]+)@");
    /** password= of a JDBC URL's parameters, PWD= of an ODBC connection string. */
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)(?:^|[?&;\\s])(?:password|pwd)=([^&;\\s]+)");
    /** Oracle's user/password@ (jdbc:oracle:thin:scott/tiger@host). */
    private static final Pattern SLASH_PASSWORD = Pattern.compile("(?:^|[:\\s=])[A-Za-z0-9_$#.]+/([^/@\\s]+)@");
    /** An HTTP Authorization header's credentials: a Bearer token, or Basic after "Authorization:". */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(?:\\bbearer\\s+|\\bauthorization\\s*[:=]\\s*basic\\s+)([A-Za-z0-9._~+/=-]{8,})");

    private Secrets() {
    }

    /**
     * The value with the colons, slashes and at signs inside each ${...} hidden, so that a URI's
     * user:password@ splits where the URI does ({@code mongodb://${env:USER}:s3cret@host}).
     */
    private static String withReferencesClosed(String value) {
        int open = value.indexOf("${");
        if (open < 0) {
            return value;
        }
        StringBuilder hidden = new StringBuilder(value);
        while (open >= 0) {
            int close = value.indexOf('}', open + 2);
            if (close < 0) {
                break;
            }
            for (int i = open + 2; i < close; i++) {
                char c = hidden.charAt(i);
                if (c == ':' || c == '/' || c == '@') {
                    hidden.setCharAt(i, '_');
                }
            }
            open = value.indexOf("${", close + 1);
        }
        return hidden.toString();
    }

    /**
     * Asked for every key of every config by several rules, so answers are kept per key: thousands
     * of configs share the same few dozen keys.
     */
    public static boolean isSecretKey(String key) {
        Boolean known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        boolean secret = false;
        for (String marker : MARKERS) {
            secret |= lower.contains(marker);
        }
        for (String notSecret : NOT_SECRETS) {
            secret &= !lower.endsWith(notSecret);
        }
        if (KNOWN.size() < 100_000) {
            KNOWN.put(key, secret);
        }
        return secret;
    }

    /**
     * The secret a value carries inside it, described for a message (never the secret itself):
     * the password of a JAAS config, of a URL's user info, or of a JDBC URL's parameters.
     *
     * @return what holds the secret, e.g. "a JAAS password", with the secret's own text
     */
    public static Optional<Embedded> embedded(String key, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (key.regionMatches(true, key.length() - JAAS.length(), JAAS, 0, JAAS.length())) {
            Matcher jaas = JAAS_PASSWORD.matcher(value);
            if (jaas.find()) {
                return Optional.of(new Embedded("the password in the JAAS config", unquote(jaas.group(1))));
            }
        }
        if (value.indexOf('@') >= 0) {
            Matcher userInfo = URL_USERINFO.matcher(withReferencesClosed(value));
            // Oracle's jdbc:oracle:thin:@host names no user and no password: "thin:" is no password
            if (userInfo.find() && !userInfo.group(1).endsWith(":")) {
                return Optional.of(new Embedded("the password in user:password@", userInfo.group(1)));
            }
        }
        if (value.indexOf('@') >= 0 && value.indexOf('/') >= 0) {
            Matcher slash = SLASH_PASSWORD.matcher(value);
            if (slash.find()) {
                return Optional.of(new Embedded("the password in user/password@", slash.group(1)));
            }
        }
        if (value.indexOf('=') >= 0) {
            Matcher query = QUERY_PASSWORD.matcher(value);
            if (query.find()) {
                return Optional.of(new Embedded("the password= parameter", query.group(1)));
            }
        }
        if (value.length() > 12 && (mentions(value, "bearer") || mentions(value, "authorization"))) {
            Matcher authorization = AUTHORIZATION.matcher(value);
            if (authorization.find()) {
                return Optional.of(new Embedded("the credentials of an Authorization header", authorization.group(1)));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a value holds a word in any case: asked before a case-insensitive pattern, which
     * would otherwise try every position of every value of every config.
     */
    private static boolean mentions(String value, String word) {
        for (int at = 0; at + word.length() <= value.length(); at++) {
            if (value.regionMatches(true, at, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** A secret inside a value: where it is, and its text (to check for references, never to print). */
    public record Embedded(String where, String secret) {
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
