package io.dbzlint.model;

import java.util.Locale;

/** Which config keys hold secrets. Their values never appear in any output. */
public final class Secrets {

    private static final String[] MARKERS = {"password", "secret", "token", "credential"};

    private Secrets() {
    }

    public static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
