package io.dbzlint.model;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which config keys hold secrets. Their values never appear in any output. */
public final class Secrets {

    private static final String[] MARKERS = {"password", "secret", "token", "credential"};
    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private Secrets() {
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
        if (KNOWN.size() < 100_000) {
            KNOWN.put(key, secret);
        }
        return secret;
    }
}
